// The PDF edition is printed again only when what an edition is made from changed (issue 14):
// the three-year fixture yearbook (six editions) built twice reprints nothing; one changed
// sentence in the 2007 English report reprints exactly that edition; a damaged or missing cache
// file is printed again, never published. The first build is the shared `years` variant's
// (tests/support/sites.ts: a fresh copy of the project, so an empty cache); the next builds run in
// that copy, into its own dist/, and leave the variant's output alone.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, inject, test } from 'vitest';
import { pdfCacheDir, pdfCacheFresh } from '../../src/integrations/pdf-edition/cache.mjs';
import { makePdfEditions, pdfPath } from '../../src/integrations/pdf-edition/edition.mjs';
import { buildSite } from '../support/build-site';
import { edit } from '../support/fixture';

const editions = ['2007 zh-CN', '2007 en', '2008 zh-CN', '2008 en', '2009 zh-CN', '2009 en'];
const slow = 900_000;

const root = inject('yearsProjectRoot');
const dist = () => join(root, 'dist');
const fileOf = (edition: string, dir = dist()) => {
  const [year, lang] = edition.split(' ');
  return join(dir, pdfPath(Number(year), lang ?? ''));
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What each edition's log line says: printed (with its page count) or reused from the cache. */
function outcomes(output: string): Record<string, 'printed' | 'reused'> {
  const found: Record<string, 'printed' | 'reused'> = {};
  for (const match of output.matchAll(
    /PDF edition (\d{4} [\w-]+): (unchanged, reused \(\d+ KB\)|\d+ pages, )/g,
  ))
    found[match[1] ?? ''] = match[2]?.startsWith('unchanged') ? 'reused' : 'printed';
  return found;
}

const expected = (printed: string[]) =>
  Object.fromEntries(
    editions.map((edition) => [edition, printed.includes(edition) ? 'printed' : 'reused']),
  );

async function build(): Promise<string> {
  // NIANJIAN_PDF=on whatever the shell says: this test is about the PDF edition.
  const result = await buildSite({ root, outDir: dist(), env: { NIANJIAN_PDF: 'on' } });
  if (result.code !== 0) throw new Error(`The fixture build failed:\n${result.output}`);
  return result.output;
}

async function pdfs(dir = dist()): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(
      editions.map(async (edition) => [edition, sha256(await readFile(fileOf(edition, dir)))]),
    ),
  );
}

describe('the PDF edition of the three-year fixture', () => {
  let first: Record<string, string> = {};

  test('the first build prints all six editions', async () => {
    expect(outcomes(inject('yearsBuildOutput'))).toEqual(expected(editions));
    first = await pdfs(inject('yearsDir'));
  });

  test(
    'a second build with no change reprints nothing: every PDF is reused, byte for byte',
    async () => {
      const output = await build();
      expect(outcomes(output)).toEqual(expected([]));
      expect(output).toContain('PDF edition: 6 editions, 0 printed, 6 reused');
      expect(await pdfs()).toEqual(first);
    },
    slow,
  );

  test(
    'one changed sentence in the 2007 English report reprints that edition only',
    async () => {
      await edit(
        root,
        'src/content/reports/en/2007.mdx',
        'It trained and tempered a good workforce.',
        'It trained and tempered a capable workforce.',
      );
      const output = await build();
      expect(outcomes(output)).toEqual(expected(['2007 en']));
      expect(output).toContain('PDF edition 2007 en: printing (/en/2007/print/ changed)');
      const now = await pdfs();
      for (const edition of editions)
        expect(now[edition] === first[edition], edition).toBe(edition !== '2007 en');
    },
    slow,
  );

  test(
    'a damaged, missing or unreadable cache file means printing again, never a broken PDF',
    async () => {
      const cache = pdfCacheDir(root);
      // One byte changed in the middle of a cached PDF: its SHA-256 no longer matches.
      const damaged = join(cache, '2008-report.zh-CN.pdf');
      const bytes = await readFile(damaged);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
      await writeFile(damaged, bytes);
      await rm(join(cache, '2009-report.en.pdf'));
      await writeFile(join(cache, '2009-report.zh-CN.json'), '{ "version": 1, "inp');
      const lines: string[] = [];
      const results = await makePdfEditions({
        dir: dist(),
        log: (line) => lines.push(line),
        cache: { dir: cache },
      });
      const output = lines.join('\n');
      expect(outcomes(output)).toEqual(expected(['2008 zh-CN', '2009 en', '2009 zh-CN']));
      expect(output).toContain('PDF edition 2008 zh-CN: printing (cached PDF damaged');
      expect(output).toContain('PDF edition 2009 en: printing (cached PDF missing)');
      expect(output).toContain('PDF edition 2009 zh-CN: printing (cache entry unreadable)');
      expect(results.filter((result) => result.reused)).toHaveLength(3);
      // What was published is a whole PDF, and the cache holds it again, intact.
      for (const edition of ['2008 zh-CN', '2009 en', '2009 zh-CN']) {
        const published = await readFile(fileOf(edition));
        const document = await PDFDocument.load(published, { updateMetadata: false });
        expect(document.getPageCount(), edition).toBeGreaterThan(5);
        const name = `${edition.replace(' ', '-report.')}`;
        const manifest = JSON.parse(await readFile(join(cache, `${name}.json`), 'utf8'));
        expect(sha256(await readFile(join(cache, `${name}.pdf`))), edition).toBe(
          manifest.pdf.sha256,
        );
        expect(sha256(published), edition).toBe(manifest.pdf.sha256);
      }
    },
    slow,
  );

  test('NIANJIAN_PDF=fresh asks for every edition to be printed again', () => {
    expect(pdfCacheFresh({ NIANJIAN_PDF: 'fresh' })).toBe(true);
    expect(pdfCacheFresh({})).toBe(false);
  });
});
