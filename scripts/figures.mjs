#!/usr/bin/env node
// npm run figures -- <year>    every figure of a year: id, value as the site writes it, labels
import { loadTypeScript, projectRoot } from './lib/load-ts.mjs';

const { module, close } = await loadTypeScript('/src/utils/figure-listing.ts');
const { code, text } = await module.listFigures(projectRoot, process.argv[2]);
console.log(text);
await close().catch(() => {});
process.exit(code);
