// The PDF edition's cache: an edition is printed again only when what it is made from changed.
//
// What an edition is made from is known exactly after it has been printed: every request its
// print page made to the local server (the page, its stylesheets and scripts, the fonts and images
// they load, Paged.js and the layout script), answered from the built files. Those request paths
// are kept with the SHA-256 of what each is answered with; the next build answers the same paths
// from its own files (`resolveRequest`, as the server would) and compares. Any difference (a
// changed sentence changes the page; a new image changes the page that refers to it; a changed
// stylesheet changes itself), a different tool (this code, Paged.js, pdf-lib, Playwright,
// Chromium, the base path) or a cached PDF whose bytes are not the ones recorded means printing
// again. So a wrong cache can cost a reprint, never publish a stale or broken PDF.
//
// The record alone is not trusted: its hash of the PDF can be rewritten along with the PDF. So
// each printed PDF carries its own stamp in its document information (`stampEdition`): the
// edition, and the fingerprint of the tool and inputs it was printed from, with its page count.
// Before reuse, the PDF itself must say it is this edition, printed from exactly the inputs this
// build has (the fingerprint is computed from the build's files, not read from the record), with
// the page count it has and the record says; any mismatch prints it again, and the log says why.
//
// The cache lives in `.astro/pdf-edition/` of the project: per project copy, outside dist/ (so the
// build's swap of dist/ does not touch it and it is never published), ignored by git, absent from a
// fresh clone. NIANJIAN_PDF=fresh prints every edition again (and refreshes the cache).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { codeDigest, digestOf, sha256 } from '../../build-cache/digest.mjs';
import { resolveRequest } from './static-server.mjs';

/** Bumped when the manifest's shape changes: older entries are then simply misses. */
const manifestVersion = 1;

/** The cache folder of a project. */
export function pdfCacheDir(projectRoot) {
  return join(projectRoot, '.astro', 'pdf-edition');
}

/** Whether this build may reuse cached editions: not with NIANJIAN_PDF=fresh. */
export function pdfCacheFresh(env = process.env) {
  return env.NIANJIAN_PDF === 'fresh';
}

/** This folder's code, which decides how a page becomes a PDF. */
const editionCode = ['edition.mjs', 'cache.mjs', 'static-server.mjs', 'chromium.mjs', 'layout.js'];

/**
 * What besides the built files decides an edition's bytes: this code, the libraries and the
 * browser (its executable's path, size and time: a Chromium upgrade replaces it), the base path.
 * @param {{ base: string, chromium: string }} options
 */
export function toolFingerprint({ base, chromium }) {
  const browser = statSync(chromium);
  return digestOf({
    code: codeDigest(import.meta.url, editionCode, ['pagedjs', 'pdf-lib', 'playwright-core']),
    browser: [chromium, browser.size, browser.mtimeMs],
    base,
  });
}

/**
 * The fingerprint of each request path as the built site in `dir` answers it now: status and
 * SHA-256 of the file (a path the site cannot answer at all is recorded as such).
 * @param {{ dir: string, prefix: string, extraFiles: Record<string, string> }} site
 * @param {Iterable<string>} paths
 * @returns {Promise<Record<string, string>>}
 */
export async function fingerprintInputs({ dir, prefix, extraFiles }, paths) {
  /** @type {Record<string, string>} */
  const inputs = {};
  for (const path of [...new Set(paths)].sort()) {
    const { file, status } = await resolveRequest(dir, prefix, path, extraFiles);
    inputs[path] = file ? `${status} ${sha256(await readFile(file))}` : 'none';
  }
  return inputs;
}

/** One fingerprint for an edition: its tool and every input. */
export function editionFingerprint(
  /** @type {string} */ tool,
  /** @type {Record<string, string>} */ inputs,
) {
  const hash = createHash('sha256').update(`${tool}\n`);
  for (const path of Object.keys(inputs).sort()) hash.update(`${path}\0${inputs[path]}\n`);
  return hash.digest('hex');
}

/**
 * @typedef {{
 *   version: number,
 *   edition: string,
 *   fingerprint: string,
 *   tool: string,
 *   inputs: Record<string, string>,
 *   pdf: { sha256: string, bytes: number, pages: number },
 * }} CacheManifest
 */

const entryName = (/** @type {number} */ year, /** @type {string} */ lang) =>
  `${year}-report.${lang}`;

/** The document information keys of the stamp: not shown by readers, kept by pdf-lib. */
const stampKeys = {
  edition: 'NianjianEdition',
  fingerprint: 'NianjianFingerprint',
  pages: 'NianjianPages',
};

/**
 * Writes into a PDF (a pdf-lib document about to be saved) which edition it is and what it was
 * printed from: the edition ("2007 zh-CN"), the fingerprint of its tool and inputs, its pages.
 * @param {import('pdf-lib').PDFDocument} pdf
 * @param {{ edition: string, fingerprint: string }} stamp
 */
export function stampEdition(pdf, { edition, fingerprint }) {
  const info = pdf.getInfoDict();
  info.set(PDFName.of(stampKeys.edition), PDFString.of(edition));
  info.set(PDFName.of(stampKeys.fingerprint), PDFString.of(fingerprint));
  info.set(PDFName.of(stampKeys.pages), PDFString.of(String(pdf.getPageCount())));
}

/**
 * What a PDF says of itself: its stamp (absent fields undefined), its language and page count.
 * Undefined when it cannot be read as a PDF at all.
 * @param {Uint8Array} bytes
 * @returns {Promise<{ edition?: string, fingerprint?: string, stampedPages?: number,
 *   lang?: string, pages: number } | undefined>}
 */
export async function readEditionStamp(bytes) {
  const text = (/** @type {unknown} */ value) =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  try {
    // pdf-lib reads damaged files leniently: whatever it cannot find throws here, a miss.
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const info = pdf.getInfoDict();
    const field = (/** @type {string} */ key) => text(info.lookup(PDFName.of(key)));
    const [edition, fingerprint, stampedPages] = [
      field(stampKeys.edition),
      field(stampKeys.fingerprint),
      field(stampKeys.pages),
    ];
    const lang = text(pdf.catalog.lookup(PDFName.of('Lang')));
    return {
      ...(edition === undefined ? {} : { edition }),
      ...(fingerprint === undefined ? {} : { fingerprint }),
      ...(stampedPages === undefined ? {} : { stampedPages: Number(stampedPages) }),
      ...(lang === undefined ? {} : { lang }),
      pages: pdf.getPageCount(),
    };
  } catch {
    return undefined;
  }
}

/**
 * Why a cached PDF is not the edition this build expects, or undefined when it is: its stamp
 * names this edition and the fingerprint of this build's tool and inputs, its language is the
 * edition's, and its page count is the one it was stamped with and the record holds.
 * @param {Uint8Array} bytes
 * @param {{ edition: string, lang: string, fingerprint: string, pages: number }} expected
 */
export async function stampMismatch(bytes, expected) {
  const stamp = await readEditionStamp(bytes);
  if (!stamp) return 'cached PDF unreadable';
  if (stamp.edition === undefined || stamp.fingerprint === undefined)
    return 'cached PDF carries no edition stamp';
  if (stamp.edition !== expected.edition)
    return `cached PDF is another edition's (it says ${stamp.edition})`;
  if (stamp.lang !== expected.lang)
    return `cached PDF's language is ${stamp.lang ?? 'not set'}, not ${expected.lang}`;
  if (stamp.fingerprint !== expected.fingerprint)
    return "cached PDF was printed from other inputs (its fingerprint is not this build's)";
  if (stamp.pages !== stamp.stampedPages || stamp.pages !== expected.pages)
    return (
      `cached PDF has ${stamp.pages} pages, it was printed with ${stamp.stampedPages} ` +
      `and the record says ${expected.pages}`
    );
  return undefined;
}

/**
 * The cached edition if it is still what this build would print: same tool, every input answered
 * with the same bytes, the cached PDF's bytes the recorded ones, and its own stamp this edition
 * printed from exactly these inputs, with its page count. Otherwise why not.
 * @param {{
 *   cacheDir: string, year: number, lang: string, tool: string,
 *   site: { dir: string, prefix: string, extraFiles: Record<string, string> },
 * }} options
 * @returns {Promise<{ hit: true, pdf: string, manifest: CacheManifest } | { hit: false, reason: string }>}
 */
export async function lookUpEdition({ cacheDir, year, lang, tool, site }) {
  const name = entryName(year, lang);
  /** @type {CacheManifest} */
  let manifest;
  let text;
  try {
    text = await readFile(join(cacheDir, `${name}.json`), 'utf8');
  } catch {
    return { hit: false, reason: 'not in the cache' };
  }
  try {
    manifest = JSON.parse(text);
  } catch {
    return { hit: false, reason: 'cache entry unreadable' };
  }
  if (
    manifest?.version !== manifestVersion ||
    typeof manifest.inputs !== 'object' ||
    manifest.inputs === null ||
    typeof manifest.pdf?.sha256 !== 'string'
  )
    return { hit: false, reason: 'cache entry unreadable' };
  if (manifest.tool !== tool)
    return { hit: false, reason: 'the PDF tools or their settings changed' };
  const now = await fingerprintInputs(site, Object.keys(manifest.inputs));
  const changed = Object.keys(now).filter((path) => now[path] !== manifest.inputs[path]);
  if (changed.length > 0)
    return {
      hit: false,
      reason: `${changed[0]} changed${changed.length > 1 ? ` (and ${changed.length - 1} more)` : ''}`,
    };
  const pdf = join(cacheDir, `${name}.pdf`);
  let bytes;
  try {
    bytes = await readFile(pdf);
  } catch {
    return { hit: false, reason: 'cached PDF missing' };
  }
  if (sha256(bytes) !== manifest.pdf.sha256)
    return { hit: false, reason: 'cached PDF damaged (its SHA-256 is not the recorded one)' };
  const mismatch = await stampMismatch(bytes, {
    edition: `${year} ${lang}`,
    lang,
    fingerprint: editionFingerprint(tool, now),
    pages: manifest.pdf.pages,
  });
  if (mismatch) return { hit: false, reason: mismatch };
  return { hit: true, pdf, manifest };
}

/** Copies a cache hit into the site. */
export async function reuseEdition(/** @type {string} */ cachedPdf, /** @type {string} */ target) {
  await copyFile(cachedPdf, target);
}

/**
 * Records a freshly printed edition. Each file is written beside its place and renamed into it,
 * so a build killed half-way leaves the old entry, a mismatched pair (a miss), or the new one.
 * @param {{
 *   cacheDir: string, year: number, lang: string, tool: string,
 *   inputs: Record<string, string>, pdf: Buffer, pages: number,
 * }} entry
 */
export async function storeEdition({ cacheDir, year, lang, tool, inputs, pdf, pages }) {
  await mkdir(cacheDir, { recursive: true });
  const name = entryName(year, lang);
  /** @type {CacheManifest} */
  const manifest = {
    version: manifestVersion,
    edition: `${year} ${lang}`,
    fingerprint: editionFingerprint(tool, inputs),
    tool,
    inputs,
    pdf: { sha256: sha256(pdf), bytes: pdf.length, pages },
  };
  const temporary = `.${process.pid}.${Date.now()}`;
  const pdfFile = join(cacheDir, `${name}.pdf`);
  const manifestFile = join(cacheDir, `${name}.json`);
  try {
    await writeFile(pdfFile + temporary, pdf);
    await rename(pdfFile + temporary, pdfFile);
    await writeFile(manifestFile + temporary, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(manifestFile + temporary, manifestFile);
  } finally {
    await rm(pdfFile + temporary, { force: true });
    await rm(manifestFile + temporary, { force: true });
  }
}
