#!/usr/bin/env node
// npm run check                         validate every content file, print every problem (zh + en)
// npm run check -- --translations       which entries lack a translation or have a stale one
// npm run check -- --mark-translated <file>   record that an English file matches its Chinese source
// npm run check -- --field-tables       rewrite the field tables of docs/editing.*.md from the content model
import { loadTypeScript, projectRoot } from './lib/load-ts.mjs';

const { module, close } = await loadTypeScript('/src/check/run.ts', { astro: true });
const code = await module.runCheck(process.argv.slice(2), projectRoot, (text) => console.log(text));
await close().catch(() => {});
process.exit(code);
