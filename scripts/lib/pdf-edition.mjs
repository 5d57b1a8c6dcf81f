// Makes the PDF edition from a built site: each year's print document, laid out into A4 pages by
// Paged.js (pinned 0.4.3) in Chromium, printed with an outline, then given its metadata.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { findChromium, launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const require = createRequire(import.meta.url);
// The package exports only its modules; the browser bundle sits beside them in dist/.
const pagedJs = join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.js');

/** The editions a locale produces: site path prefix and the BCP 47 tag used in file names. */
export const editionLocales = [
  { prefix: '', lang: 'zh-CN' },
  { prefix: 'en/', lang: 'en' },
];

/**
 * Whether this build makes the PDF edition: it needs a Chromium, and can be turned off with
 * NIANJIAN_PDF=off. Pages link the PDF only when this says yes, so no link ever points nowhere.
 * @returns {{ enabled: true } | { enabled: false, reason: string }}
 */
export function pdfEditionStatus() {
  if (process.env.NIANJIAN_PDF === 'off') return { enabled: false, reason: 'NIANJIAN_PDF=off is set' };
  try {
    findChromium();
    return { enabled: true };
  } catch (error) {
    return { enabled: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Where an edition is written, relative to the site root. */
export function pdfPath(year, lang) {
  return `downloads/${year}-report.${lang}.pdf`;
}

/** Report years that have a print document in a built site (`<dir>/<year>/print/index.html`). */
export async function printableYears(dir) {
  const years = [];
  for (const name of await readdir(dir)) {
    if (!/^\d{4}$/.test(name)) continue;
    try {
      await stat(join(dir, name, 'print', 'index.html'));
      years.push(Number(name));
    } catch {
      // a year folder without a print document: nothing to print
    }
  }
  return years.sort();
}

/**
 * Prints every edition of a built site in `dir` (served under `base`) into `<dir>/downloads/`.
 * @param {{ dir: string, base?: string, log?: (line: string) => void }} options
 * @returns {Promise<Array<{ file: string, pages: number, bytes: number, ms: number }>>}
 */
export async function makePdfEditions({ dir, base = '/', log = console.log }) {
  const years = await printableYears(dir);
  if (years.length === 0) throw new Error(`No print documents in ${dir}: build the site first (npm run build).`);
  const server = await serveStatic(dir, base);
  const browser = await launchChromium();
  const results = [];
  try {
    await mkdir(join(dir, 'downloads'), { recursive: true });
    for (const year of years) {
      for (const { prefix, lang } of editionLocales) {
        const started = performance.now();
        // The print document keeps the site's CSP; Paged.js, injected only here, needs it lifted.
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${server.url}${prefix}${year}/print/`, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const metadata = await documentMetadata(page);
        await page.addScriptTag({ path: pagedJs });
        const pages = await page.evaluate(async () => {
          const { Previewer } = /** @type {any} */ (window).Paged;
          const flow = await new Previewer().preview();
          return flow.total;
        });
        if (errors.length > 0) throw new Error(`Laying out ${prefix}${year}/print/ failed: ${errors.join('; ')}`);
        const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
        await context.close();
        const pdf = await withMetadata(printed, metadata, lang);
        const file = join(dir, pdfPath(year, lang));
        await writeFile(file, pdf);
        const ms = performance.now() - started;
        results.push({ file, pages, bytes: pdf.length, ms });
        log(`PDF edition ${year} ${lang}: ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KB, ${(ms / 1000).toFixed(1)} s → ${pdfPath(year, lang)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

/** Title, author and subject as the print document declares them in its <head>. */
function documentMetadata(page) {
  return page.evaluate(() => ({
    title: document.title,
    author: document.querySelector('meta[name=author]')?.getAttribute('content') ?? '',
    subject: document.querySelector('meta[name=description]')?.getAttribute('content') ?? '',
  }));
}

/** Sets the document information and language that Chromium leaves out. */
async function withMetadata(bytes, { title, author, subject }, lang) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setAuthor(author);
  pdf.setSubject(subject);
  pdf.setLanguage(lang);
  pdf.setCreator('Nianjian');
  pdf.setProducer('Nianjian (Chromium, Paged.js, pdf-lib)');
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
