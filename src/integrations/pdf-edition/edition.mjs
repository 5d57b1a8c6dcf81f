// Makes the PDF edition from a built site: each year's print document, laid out into A4 pages by
// Paged.js (pinned 0.4.3) in Chromium under the site's own CSP, printed with an outline, then
// given its metadata.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import {
  editionFingerprint,
  fingerprintInputs,
  lookUpEdition,
  reuseEdition,
  stampEdition,
  storeEdition,
  toolFingerprint,
} from './cache.mjs';
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
 * NIANJIAN_PDF=off (NIANJIAN_PDF=fresh makes it without reusing cached editions: cache.mjs).
 * Pages link the PDF only when this says yes, so no link ever points nowhere.
 * @returns {{ enabled: true } | { enabled: false, reason: string }}
 */
export function pdfEditionStatus() {
  if (process.env.NIANJIAN_PDF === 'off')
    return { enabled: false, reason: 'NIANJIAN_PDF=off is set' };
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
 * Time limits of each document's steps, in milliseconds. Generous (the whole 2007 edition loads in
 * under a second and lays out in about two on a 2-core machine): they exist so that a document
 * that never finishes fails the build with its name instead of hanging it.
 */
export const pdfTimeLimits = {
  /** Loading the print page with its stylesheets. */
  load: 60_000,
  /** Every image decoded and the fonts ready. */
  images: 60_000,
  /** Paged.js laying the document out into pages. */
  layout: 180_000,
  /** Chromium printing the pages into a PDF. */
  print: 120_000,
};

/** What usually makes each step overrun, for the failure message (Chinese, English). */
const likelyCauses = {
  load: ['打印页或它的样式表没有响应', 'the print page or one of its stylesheets did not arrive'],
  images: [
    '有图片或字体加载不出来（文件损坏、过大，或指向网站之外）',
    'an image or font that never finishes loading (damaged, very large, or pointing outside the site)',
  ],
  layout: [
    'Paged.js 无法分页：可能是一张放不进一页的大表格或图片，或页面里有死循环',
    'Paged.js cannot break the document into pages: a table or image taller than a page, or a loop in the page',
  ],
  print: [
    'Chromium 打印 PDF 时卡住（文档过大？）',
    'Chromium stalled while printing (a very large document?)',
  ],
};

const stepNames = {
  load: ['页面加载', 'page load'],
  images: ['图片和字体', 'images and fonts'],
  layout: ['分页排版', 'layout'],
  print: ['打印', 'printing'],
};

/**
 * Resolves as `promise` does, or rejects after `ms` with the document, the edition, the step and
 * its likely cause named.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {keyof typeof pdfTimeLimits} step
 * @param {string} document
 * @param {string} edition
 * @returns {Promise<T>}
 */
function withTimeLimit(promise, ms, step, document, edition) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const [zhStep, enStep] = stepNames[step];
      const [zhCause, enCause] = likelyCauses[step];
      const seconds = (ms / 1000).toFixed(ms < 1000 ? 1 : 0);
      reject(
        new Error(
          `PDF 版 ${edition}：${document} 的“${zhStep}”超过 ${seconds} 秒仍未完成。可能原因：${zhCause}。\n` +
            `PDF edition ${edition}: ${document} did not finish its ${enStep} within ${seconds} s. ` +
            `Likely cause: ${enCause}.`,
        ),
      );
    }, ms);
  });
  return /** @type {Promise<T>} */ (
    Promise.race([promise, limit]).finally(() => clearTimeout(timer))
  );
}

/** Where the layout scripts are served, under the site's base path (same origin as the pages). */
const layoutFiles = {
  '__pdf-edition/paged.js': pagedJs,
  '__pdf-edition/layout.js': fileURLToPath(new URL('./layout.js', import.meta.url)),
};

/**
 * Prints every edition of a built site in `dir` (served under `base`) into `<dir>/downloads/`.
 *
 * Each print page is rendered under the site's own CSP, as a reader's browser would: the layout
 * scripts are files served from the site's origin, and nothing is lifted. The browser context can
 * reach only the local server: every other request (another site, another local port, a page the
 * content tries to navigate to) is refused, and fails the build with its URL. Every step has a
 * time limit (`pdfTimeLimits`).
 *
 * With `cache`, an edition whose inputs are unchanged since it was last printed is copied from the
 * cache instead (cache.mjs); `fresh` prints every edition and refreshes the cache. Chromium is
 * started only if some edition has to be printed.
 * @param {{
 *   dir: string,
 *   base?: string,
 *   log?: (line: string) => void,
 *   timeLimits?: Partial<typeof pdfTimeLimits>,
 *   cache?: { dir: string, fresh?: boolean },
 * }} options
 * @returns {Promise<Array<{ file: string, pages: number, bytes: number, ms: number, reused: boolean }>>}
 */
export async function makePdfEditions({
  dir,
  base = '/',
  log = console.log,
  timeLimits = {},
  cache,
}) {
  const started = performance.now();
  const limits = { ...pdfTimeLimits, ...timeLimits };
  const years = await printableYears(dir);
  if (years.length === 0)
    throw new Error(`No print documents in ${dir}: build the site first (npm run build).`);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const site = { dir, prefix, extraFiles: layoutFiles };
  const tool = cache ? toolFingerprint({ base: prefix, chromium: findChromium() }) : '';
  /** @type {{ url: string, close: () => Promise<void> } | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  const results = [];
  try {
    await mkdir(join(dir, 'downloads'), { recursive: true });
    for (const year of years) {
      for (const { prefix: localePrefix, lang } of editionLocales) {
        const edition = `${year} ${lang}`;
        const file = join(dir, pdfPath(year, lang));
        const cached =
          cache && !cache.fresh
            ? await lookUpEdition({ cacheDir: cache.dir, year, lang, tool, site })
            : { hit: false, reason: 'NIANJIAN_PDF=fresh' };
        if (cached.hit) {
          await reuseEdition(cached.pdf, file);
          const { bytes, pages } = cached.manifest.pdf;
          results.push({ file, pages, bytes, ms: 0, reused: true });
          log(
            `PDF edition ${edition}: unchanged, reused (${(bytes / 1024).toFixed(0)} KB) → ${pdfPath(year, lang)}`,
          );
          continue;
        }
        if (cache) log(`PDF edition ${edition}: printing (${cached.reason})`);
        server ??= await serveStatic(dir, base, { extraFiles: layoutFiles });
        browser ??= await launchChromium();
        const printed = await printEdition({
          browser,
          serverUrl: server.url,
          document: `/${localePrefix}${year}/print/`,
          printUrl: `${server.url}${localePrefix}${year}/print/`,
          edition,
          limits,
        });
        // What it was printed from, stamped into the PDF itself: the cache checks it before reuse.
        const inputs = await fingerprintInputs(site, printed.requested);
        const pdf = await withMetadata(printed.pdf, printed.metadata, lang, {
          edition,
          fingerprint: editionFingerprint(tool, inputs),
        });
        await writeFile(file, pdf);
        if (cache)
          await storeEdition({
            cacheDir: cache.dir,
            year,
            lang,
            tool,
            inputs,
            pdf,
            pages: printed.pages,
          });
        results.push({
          file,
          pages: printed.pages,
          bytes: pdf.length,
          ms: printed.ms,
          reused: false,
        });
        log(
          `PDF edition ${edition}: ${printed.pages} pages, ${(pdf.length / 1024).toFixed(0)} KB, ` +
            `${(printed.ms / 1000).toFixed(1)} s → ${pdfPath(year, lang)}`,
        );
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
  }
  const reused = results.filter((result) => result.reused).length;
  log(
    `PDF edition: ${results.length} editions, ${results.length - reused} printed, ${reused} reused, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s in all`,
  );
  return results;
}

/**
 * Prints one edition: its print page laid out by Paged.js and printed by Chromium. Returns the PDF
 * as Chromium printed it, the metadata its page declares, and every path the page requested from
 * the site (what it is made of).
 * @param {{
 *   browser: import('playwright-core').Browser,
 *   serverUrl: string,
 *   document: string,
 *   printUrl: string,
 *   edition: string,
 *   limits: typeof pdfTimeLimits,
 * }} options
 * @returns {Promise<{ pdf: Uint8Array, metadata: { title: string, author: string, subject: string },
 *   pages: number, ms: number, requested: Set<string> }>}
 */
async function printEdition({ browser, serverUrl, document, printUrl, edition, limits }) {
  const started = performance.now();
  const origin = new URL(serverUrl).origin;
  const context = await browser.newContext({
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  try {
    /** @type {Set<string>} */
    const refused = new Set();
    /** @type {Set<string>} */
    const requested = new Set();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) {
        try {
          requested.add(decodeURIComponent(new URL(url).pathname));
        } catch {
          requested.add(new URL(url).pathname);
        }
        return route.continue();
      }
      refused.add(url);
      return route.abort('blockedbyclient');
    });
    await context.routeWebSocket(/.*/, (socket) => {
      refused.add(socket.url());
      return socket.close();
    });
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('popup', (popup) => refused.add(`(window opened) ${popup.url()}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== printUrl)
        refused.add(`(navigated away) ${frame.url()}`);
    });
    const refusedError = () =>
      new Error(
        `PDF 版 ${edition}：${document} 试图访问网站以外的地址，已拒绝 / tried to reach addresses outside the site, refused:\n` +
          [...refused].map((url) => `  ${url}`).join('\n') +
          '\n内容里不能引用外部地址 / content may not refer to outside addresses ' +
          "(check the MDX of this year's report and units).",
      );
    // A refused request is the cause of whatever fails after it (a refused navigation
    // destroys the page's scripts, say): report it first.
    const timed = (
      /** @type {Promise<any>} */ promise,
      /** @type {keyof typeof pdfTimeLimits} */ step,
    ) =>
      withTimeLimit(promise, limits[step], step, document, edition).catch((error) => {
        throw refused.size > 0 ? refusedError() : error;
      });
    await timed(page.goto(printUrl, { waitUntil: 'load', timeout: 0 }), 'load');
    const metadata = await timed(documentMetadata(page), 'load');
    await timed(page.addScriptTag({ url: `${serverUrl}__pdf-edition/paged.js` }), 'load');
    await timed(page.addScriptTag({ url: `${serverUrl}__pdf-edition/layout.js` }), 'load');
    const broken = await timed(
      page.evaluate(() => /** @type {any} */ (window).nianjianPdf.images()),
      'images',
    );
    if (broken.length > 0 && refused.size > 0) throw refusedError();
    if (broken.length > 0)
      throw new Error(
        `PDF 版 ${edition}：${document} 中的图片无法显示 / images in ${document} cannot be shown: ${broken.join(', ')}`,
      );
    const pages = await timed(
      page.evaluate(() => /** @type {any} */ (window).nianjianPdf.layout()),
      'layout',
    );
    if (refused.size > 0) throw refusedError();
    if (errors.length > 0) throw new Error(`Laying out ${document} failed: ${errors.join('; ')}`);
    const printed = await timed(
      page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
      }),
      'print',
    );
    return { pdf: printed, metadata, pages, ms: performance.now() - started, requested };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Title, author and subject as the print document declares them in its <head>. */
function documentMetadata(page) {
  return page.evaluate(() => ({
    title: document.title,
    author: document.querySelector('meta[name=author]')?.getAttribute('content') ?? '',
    subject: document.querySelector('meta[name=description]')?.getAttribute('content') ?? '',
  }));
}

/**
 * Sets the document information and language that Chromium leaves out, and the edition's stamp
 * (which edition, printed from what: cache.mjs checks it before reusing the PDF).
 */
async function withMetadata(bytes, { title, author, subject }, lang, stamp) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  stampEdition(pdf, stamp);
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setAuthor(author);
  pdf.setSubject(subject);
  pdf.setLanguage(lang);
  pdf.setCreator('Nianjian');
  pdf.setProducer('Nianjian (Chromium, Paged.js, pdf-lib)');
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
