#!/usr/bin/env node
// npm run import -- report <file.docx|file.txt> --year <year> [--force]
// npm run import -- photos <folder> [--event <slug>] [--year <year>]
// Turns a Word document or a folder of camera photos into checked draft content. Run without
// arguments for the usage. The importers are in src/import/.
import { loadTypeScript, projectRoot } from './lib/load-ts.mjs';

const importers = {
  report: '/src/import/report/cli.ts',
  photos: '/src/import/photos/cli.ts',
};
const [kind, ...rest] = process.argv.slice(2);
if (!kind || !(kind in importers)) {
  console.log(
    [
      '用法 / Usage:',
      '  npm run import -- report <文件.docx|文件.txt> --year <年份> [--force]',
      '  npm run import -- photos <文件夹> [--event <活动>] [--year <年份>]',
    ].join('\n'),
  );
  process.exit(kind ? 1 : 0);
}
const { module, close } = await loadTypeScript(importers[kind], { astro: true });
const code = await module.runImport(rest, projectRoot, (text) => console.log(text));
await close().catch(() => {});
process.exit(code);
