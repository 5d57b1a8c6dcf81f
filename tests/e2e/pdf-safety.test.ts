// The PDF step runs no content script and never hangs (issue 12). Content that would tamper is
// refused by the check and the build (tests/editors/bad-input.test.ts); these tests go one step
// further and put hostile markup straight into a built print page, as if it had slipped through:
// the page is rendered under the site's own CSP, so the script cannot run and the PDF reads exactly
// like the clean one; a request to anywhere but the site fails the build with its URL; a step
// over its time limit fails with the document, the edition and the likely cause. And an ordinary
// inline image in a highlighted unit (which once hung the build forever) builds and is printed.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { makePdfEditions } from '../../src/integrations/pdf-edition/edition.mjs';
import { buildSite } from '../support/build-site';
import { copyProject, edit, removeFixtures } from '../support/fixture';

const rootDir = inject('rootDir');
const folders: string[] = [];

afterAll(async () => {
  await removeFixtures();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils).`);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
const imageCount = (file: string) =>
  poppler('pdfimages', ['-list', file])
    .split('\n')
    .filter((line) => /\bimage\b/.test(line)).length;

/** A copy of the built site whose Chinese print page has `markup` added to its first unit highlight. */
async function tamperedCopy(markup: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nianjian-pdf-'));
  folders.push(dir);
  await cp(rootDir, dir, { recursive: true });
  const page = join(dir, '2007/print/index.html');
  const html = await readFile(page, 'utf8');
  const changed = html.replace(
    '<div class="highlight" id="unit-industrial-company"><p>',
    `<div class="highlight" id="unit-industrial-company"><p>${markup}`,
  );
  expect(changed).not.toBe(html);
  await writeFile(page, changed);
  return dir;
}

const quiet = () => undefined;

describe('the PDF browser runs no content script', () => {
  test('a tampering print page (inline script, event handlers) prints exactly the clean text', async () => {
    const dir = await tamperedCopy(
      [
        `<script>document.querySelectorAll('data.metric').forEach((d) => (d.textContent = '96'));` +
          `document.title += ' TAMPERED';</script>`,
        `<img src="/favicon.svg" alt="" width="1" height="1" ` +
          `onload="document.body.insertAdjacentHTML('beforeend', '<p>TAMPERED ONLOAD</p>')">`,
        `<svg onload="document.body.append('TAMPERED SVG')" width="1" height="1"></svg>`,
      ].join(''),
    );
    await makePdfEditions({ dir, log: quiet });
    for (const lang of ['zh-CN', 'en']) {
      const file = `downloads/2007-report.${lang}.pdf`;
      const tampered = poppler('pdftotext', [join(dir, file), '-']);
      expect(tampered).not.toContain('TAMPERED');
      expect(tampered).not.toContain('96%');
      expect(tampered, lang).toBe(poppler('pdftotext', [join(rootDir, file), '-']));
    }
    expect(poppler('pdfinfo', [join(dir, 'downloads/2007-report.zh-CN.pdf')])).not.toContain(
      'TAMPERED',
    );
  }, 600_000);

  test('a request to anywhere but the site (a meta refresh off-site) fails the build with the URL', async () => {
    const dir = await tamperedCopy(
      '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/leak?host=build-machine">',
    );
    await expect(makePdfEditions({ dir, log: quiet })).rejects.toThrow(
      /tried to reach addresses outside the site[\s\S]*http:\/\/127\.0\.0\.1:9\/leak\?host=build-machine/,
    );
  }, 600_000);

  test('an image from another site is not loaded, and fails the build with its URL', async () => {
    const dir = await tamperedCopy('<img src="http://127.0.0.1:9/beacon.png" alt="">');
    await expect(makePdfEditions({ dir, log: quiet })).rejects.toThrow(
      /http:\/\/127\.0\.0\.1:9\/beacon\.png/,
    );
  }, 600_000);
});

describe('the PDF step never hangs', () => {
  test('a step over its time limit fails with the document, the edition and the likely cause', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianjian-pdf-'));
    folders.push(dir);
    await cp(rootDir, dir, { recursive: true });
    const attempt = makePdfEditions({ dir, log: quiet, timeLimits: { layout: 1 } });
    await expect(attempt).rejects.toThrow(
      new RegExp(
        String.raw`PDF edition 2007 zh-CN: \/2007\/print\/ did not finish its layout within 0\.0 s\. ` +
          String.raw`Likely cause: Paged\.js cannot break the document into pages`,
      ),
    );
    await expect(attempt).rejects.toThrow(/PDF 版 2007 zh-CN：\/2007\/print\/ 的“分页排版”超过/);
  }, 600_000);

  test(
    'an inline image in a highlighted unit, in a file with a BOM and CRLF line endings: ' +
      'built, and printed',
    async () => {
      const root = await copyProject();
      const unit = 'src/content/units/zh-cn/2007/hotel.mdx';
      await writeFile(
        join(root, 'src/content/units/zh-cn/2007/lobby.jpg'),
        await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7a9c' } })
          .jpeg()
          .toBuffer(),
      );
      await edit(root, unit, '</ReportQuote>', '</ReportQuote>\n\n![大堂](./lobby.jpg)\n');
      await writeFile(
        join(root, unit),
        `\uFEFF${(await readFile(join(root, unit), 'utf8')).replace(/\n/g, '\r\n')}`,
      );
      const outDir = join(root, 'dist');
      const result = await buildSite({ root, outDir });
      expect(result.code, result.output).toBe(0);
      expect(await readFile(join(outDir, '2007/units/hotel/index.html'), 'utf8')).toMatch(
        /<img[^>]+alt="大堂"/,
      );
      const file = join(outDir, 'downloads/2007-report.zh-CN.pdf');
      expect(imageCount(file)).toBe(
        imageCount(join(rootDir, 'downloads/2007-report.zh-CN.pdf')) + 1,
      );
    },
    900_000,
  );
});
