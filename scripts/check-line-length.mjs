// `npm run format:check`, second half: no line of source code over 120 characters. Prettier wraps
// code at 100 columns but leaves long strings and comments alone; this catches those.
// Counted in characters (code points), over the files git tracks; Markdown prose and tables, and
// what editors write (src/content/, which Prettier skips too), are not source code.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const limit = 120;
const source = /\.(?:ts|mts|mjs|js|astro|css|json)$/;
// Fixture content and recorded snapshots are data, like src/content/.
const skipped = [
  /^src\/content\//,
  /^tests\/fixtures\//,
  /^bench\/results\//,
  /(^|\/)package-lock\.json$/,
];

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((file) => source.test(file) && !skipped.some((pattern) => pattern.test(file)));

const long = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .flatMap((line, index) => {
      const length = [...line].length;
      return length > limit ? [`${file}:${index + 1} (${length})`] : [];
    }),
);

if (long.length > 0) {
  console.error(
    `${long.length} line(s) longer than ${limit} characters; wrap them:\n${long.join('\n')}`,
  );
  process.exit(1);
}
console.log(`No line over ${limit} characters in ${files.length} source files.`);
