#!/usr/bin/env node
// npm run figures -- <year>                      every figure of a year: id, value as the site writes it, labels
// npm run figures -- rename <year> <old> <new>   renames a figure in its figures file and every text that quotes it
import { loadTypeScript, projectRoot } from './lib/load-ts.mjs';

const [command, ...rest] = process.argv.slice(2);
const { module, close } =
  command === 'rename'
    ? await loadTypeScript('/src/editing/rename-figure-fs.ts')
    : await loadTypeScript('/src/editing/list-figures-fs.ts');
const { code, text } =
  command === 'rename'
    ? await module.renameFigure(projectRoot, rest)
    : await module.listFigures(projectRoot, command);
console.log(text);
await close().catch(() => {});
process.exit(code);
