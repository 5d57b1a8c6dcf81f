// The PDF edition's cache does not trust its own record (issue 22): a PDF swapped into
// `.astro/pdf-edition/` with the record's SHA-256 rewritten to match is printed again, never
// published as "unchanged, reused". In-process, on a two-file site and PDFs made by pdf-lib and
// stamped as edition.mjs stamps a printed edition; no browser, no build.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  editionFingerprint,
  fingerprintInputs,
  lookUpEdition,
  stampEdition,
  storeEdition,
} from '../../src/integrations/pdf-edition/cache.mjs';

const tool = 'tool fingerprint of this test';
let root = '';
let site: { dir: string; prefix: string; extraFiles: Record<string, string> };
let cacheDir = '';
const requested = ['/2007/print/', '/en/2007/print/', '/print.css'];

/** A PDF of `pages` pages, stamped (unless `stamp` is null) as a printed edition is. */
async function pdfOf(
  pages: number,
  lang: string,
  stamp: { edition: string; fingerprint: string } | null,
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let page = 0; page < pages; page++) pdf.addPage([595, 842]).drawText(`Page ${page + 1}`);
  pdf.setLanguage(lang);
  if (stamp) stampEdition(pdf, stamp);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** Stores an edition as a build does after printing it, with the build's inputs now. */
async function printAndStore(lang: string, pages = 3): Promise<Buffer> {
  const inputs = await fingerprintInputs(site, requested);
  const pdf = await pdfOf(pages, lang, {
    edition: `2007 ${lang}`,
    fingerprint: editionFingerprint(tool, inputs),
  });
  await storeEdition({ cacheDir, year: 2007, lang, tool, inputs, pdf, pages });
  return pdf;
}

/** What an attacker with write access to the cache does: new PDF bytes, the record's hash to match. */
async function swapCachedPdf(lang: string, pdf: Buffer, pages?: number): Promise<void> {
  const record = join(cacheDir, `2007-report.${lang}.json`);
  const manifest = JSON.parse(await readFile(record, 'utf8'));
  manifest.pdf.sha256 = createHash('sha256').update(pdf).digest('hex');
  manifest.pdf.bytes = pdf.length;
  if (pages !== undefined) manifest.pdf.pages = pages;
  await writeFile(join(cacheDir, `2007-report.${lang}.pdf`), pdf);
  await writeFile(record, JSON.stringify(manifest));
}

const lookUp = (lang: string) => lookUpEdition({ cacheDir, year: 2007, lang, tool, site });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nianjian-pdf-stamp-'));
  const dir = join(root, 'dist');
  for (const page of ['2007/print', 'en/2007/print']) {
    await mkdir(join(dir, page), { recursive: true });
    await writeFile(join(dir, page, 'index.html'), `<h1>${page}</h1>`);
  }
  await writeFile(join(dir, 'print.css'), 'body { margin: 0 }');
  site = { dir, prefix: '/', extraFiles: {} };
  cacheDir = join(root, '.astro', 'pdf-edition');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a cached PDF is reused only if it says it is this edition, printed from these inputs', () => {
  test('an untouched edition is reused', async () => {
    await printAndStore('zh-CN');
    const found = await lookUp('zh-CN');
    expect(found.hit, found.hit ? '' : found.reason).toBe(true);
  });

  test('the English edition swapped in for the Chinese one, record rewritten: printed again', async () => {
    const english = await printAndStore('en');
    await printAndStore('zh-CN');
    await swapCachedPdf('zh-CN', english);
    expect(await lookUp('zh-CN')).toEqual({
      hit: false,
      reason: "cached PDF is another edition's (it says 2007 en)",
    });
  });

  test('any other PDF (no stamp) swapped in, record rewritten: printed again', async () => {
    await printAndStore('zh-CN');
    await swapCachedPdf('zh-CN', await pdfOf(3, 'zh-CN', null));
    expect(await lookUp('zh-CN')).toEqual({
      hit: false,
      reason: 'cached PDF carries no edition stamp',
    });
    await swapCachedPdf('zh-CN', Buffer.from('%PDF-1.7 not really'));
    expect(await lookUp('zh-CN')).toEqual({ hit: false, reason: 'cached PDF unreadable' });
  });

  test('a stamped PDF of this edition but from other inputs (an older print) swapped in: printed again', async () => {
    const older = await pdfOf(3, 'zh-CN', { edition: '2007 zh-CN', fingerprint: 'f'.repeat(64) });
    await printAndStore('zh-CN');
    await swapCachedPdf('zh-CN', older);
    const found = await lookUp('zh-CN');
    expect(found.hit ? '' : found.reason).toMatch(/printed from other inputs/);
  });

  test('a PDF of another language or page count than its stamp and record: printed again', async () => {
    const inputs = await fingerprintInputs(site, requested);
    const stamp = { edition: '2007 zh-CN', fingerprint: editionFingerprint(tool, inputs) };
    await printAndStore('zh-CN');
    await swapCachedPdf('zh-CN', await pdfOf(3, 'en', stamp));
    const wrongLanguage = await lookUp('zh-CN');
    expect(wrongLanguage.hit ? '' : wrongLanguage.reason).toBe(
      "cached PDF's language is en, not zh-CN",
    );
    await swapCachedPdf('zh-CN', await pdfOf(5, 'zh-CN', stamp));
    const wrongPages = await lookUp('zh-CN');
    expect(wrongPages.hit ? '' : wrongPages.reason).toBe(
      'cached PDF has 5 pages, it was printed with 5 and the record says 3',
    );
  });

  test('a changed input still reprints (the record is compared with the build first)', async () => {
    await printAndStore('zh-CN');
    await writeFile(join(site.dir, 'print.css'), 'body { margin: 1px }');
    const found = await lookUp('zh-CN');
    expect(found.hit ? '' : found.reason).toBe('/print.css changed');
  });
});
