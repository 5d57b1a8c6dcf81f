#!/usr/bin/env node
// npm run new -- <unit|photo|event|report|term> …   scaffolds a content entry in both languages.
// Run without arguments for the usage. The templates are in src/editing/templates.ts.
import { loadTypeScript, projectRoot } from './lib/load-ts.mjs';

const { module, close } = await loadTypeScript('/src/editing/new.ts', { astro: true });
const code = await module.runNew(process.argv.slice(2), projectRoot, (text) => console.log(text));
await close().catch(() => {});
process.exit(code);
