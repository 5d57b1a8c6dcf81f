// `npm run pdf`: makes the PDF edition of every year from the built site in dist/.
// The main build already does this when Chromium is available; this command redoes it alone,
// reusing the editions whose inputs did not change (NIANJIAN_PDF=fresh prints them all).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pdfCacheDir, pdfCacheFresh } from '../src/integrations/pdf-edition/cache.mjs';
import { makePdfEditions, pdfEditionStatus } from '../src/integrations/pdf-edition/edition.mjs';

const dir = fileURLToPath(new URL('../dist/', import.meta.url));
const status = pdfEditionStatus();
if (!status.enabled) {
  console.error(`Cannot make the PDF edition: ${status.reason}`);
  process.exit(1);
}
if (!existsSync(dir)) {
  console.error('There is no dist/ folder: run `npm run build` first.');
  process.exit(1);
}
const started = performance.now();
const results = await makePdfEditions({
  dir,
  base: process.env.BASE_PATH || '/',
  cache: {
    dir: pdfCacheDir(fileURLToPath(new URL('../', import.meta.url))),
    fresh: pdfCacheFresh(),
  },
});
const reused = results.filter((result) => result.reused).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Made ${results.length} PDF files (${reused} reused) in ${seconds} s.`);
