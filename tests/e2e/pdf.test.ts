// The PDF edition, as leaders get it: made by the same build as the site (root build of the
// global setup), then read back with poppler's tools and pdf-lib.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, inject, test } from 'vitest';
import { projectRoot } from '../support/build-site';
import { missingChromium } from '../support/sites';

const rootDir = inject('rootDir');
const editions = [
  {
    lang: 'zh-CN',
    file: join(rootDir, 'downloads/2007-report.zh-CN.pdf'),
    title: '平果铝业公司2007年度班组建设暨“五好”科（部）室工作总结',
    headings: [
      '一、基本做法和验收情况',
      '二、取得成效',
      '三、主要特色与明显亮点',
      '四、几点体会',
      '五、存在不足',
      '六、下一步班组建设、科部室建设的总体要求',
      '全年工作进程',
      '数据与图表',
      '迎新春活动照片',
      '单位亮点',
      '附录 术语表',
    ],
    units: [
      '实业公司',
      '生活服务公司',
      '平果铝医院',
      '平果铝宾馆',
      '监理公司',
      '保卫部',
      '铝合金厂',
      '实业管理部',
      '财务部',
    ],
    pageLine: /第 (\d+) 页 \/ 共 (\d+) 页/,
  },
  {
    lang: 'en',
    file: join(rootDir, 'downloads/2007-report.en.pdf'),
    title:
      'Pingguo Aluminium Company: 2007 Summary of Team Building and the “Five-Good” Office Campaign',
    headings: [
      '1. Approach and Inspection Results',
      '2. Results',
      '3. Main Features and Highlights',
      '4. Lessons Learned',
      '5. Shortcomings',
      '6. General Requirements for the Next Stage of Team and Office Building',
      'The year step by step',
      'Figures and charts',
      'Spring Festival photos',
      'Unit highlights',
      'Appendix Glossary',
    ],
    units: [
      'Industrial Company',
      'Living Services Company',
      'Pingguo Aluminium Hospital',
      'Pingguo Aluminium Hotel',
      'Engineering Supervision Company',
      'Security Department',
      'Aluminium Alloy Plant',
      'Industry Management Department',
      'Finance Department',
    ],
    pageLine: /Page (\d+) of (\d+)/,
  },
];

/** Runs a poppler tool; a missing tool fails loudly with how to install it. */
function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils).`);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
const pageText = (file: string, page: number) =>
  poppler('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(editions)('$lang edition', (edition) => {
  const info = () => poppler('pdfinfo', [edition.file]);
  const pages = () => Number(/Pages:\s+(\d+)/.exec(info())?.[1]);

  test('exists, with a sensible page count', () => {
    expect(existsSync(edition.file)).toBe(true);
    expect(pages()).toBeGreaterThanOrEqual(10);
    expect(pages()).toBeLessThanOrEqual(40);
  });

  test('carries the title, every section heading, the computed figures and the units', () => {
    const text = flat(poppler('pdftotext', [edition.file, '-']));
    for (const expected of [
      edition.title.replace(/"/g, '“').slice(0, 12),
      ...edition.headings,
      '66%',
      '99%',
      ...edition.units,
    ]) {
      expect(text.replace(/[“”"]/g, '"'), expected).toContain(expected.replace(/[“”"]/g, '"'));
    }
  });

  // Only the fonts the print stylesheet ships: had any character been missing from them,
  // Chromium would have fallen back to a system font, and it would show up here.
  test('embeds only its own fonts, as real (not Type 3) fonts, so every character has a glyph', () => {
    const rows = poppler('pdffonts', [edition.file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+(NotoSans-(Regular|Bold)|NotoSansSCThin-(Regular|Bold))\s/);
      expect(row).toMatch(/CID TrueType/);
      expect(row).not.toMatch(/Type 3/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  test('has a running footer with the page number on every page but the cover', () => {
    const total = pages();
    expect(pageText(edition.file, 1)).not.toMatch(edition.pageLine);
    for (let page = 2; page <= total; page++) {
      const match = edition.pageLine.exec(flat(pageText(edition.file, page)));
      expect(match?.slice(1, 3), `page ${page}`).toEqual([String(page), String(total)]);
    }
  });

  test('the contents give the page each part really starts on', () => {
    const toc = flat(pageText(edition.file, 2));
    for (const heading of edition.headings) {
      const listed = new RegExp(`${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(
        toc,
      )?.[1];
      expect(listed, heading).toBeDefined();
      let actual = 0;
      for (let page = 3; page <= pages(); page++) {
        if (flat(pageText(edition.file, page)).includes(heading)) {
          actual = page;
          break;
        }
      }
      expect(Number(listed), heading).toBe(actual);
    }
  });

  test('shows the featured photos with their captions, marked as samples', () => {
    const text = flat(poppler('pdftotext', [edition.file, '-']));
    expect(text).toContain(edition.lang === 'en' ? 'July Torch Festival' : '七月火把节');
    expect(text).toContain(edition.lang === 'en' ? 'sample image' : '示例图片');
    expect(
      poppler('pdfimages', ['-list', edition.file])
        .split('\n')
        .filter((line) => /\bimage\b/.test(line)),
    ).toHaveLength(1);
  });

  test('declares its title, author and language, and has bookmarks', async () => {
    const pdf = await PDFDocument.load(await readFile(edition.file), { updateMetadata: false });
    expect(pdf.getTitle()).toBe(edition.title);
    expect(pdf.getAuthor()).toMatch(edition.lang === 'en' ? /Li Bing/ : /李兵/);
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toContain(edition.lang);
    expect(pdf.catalog.get(PDFName.of('Outlines'))).toBeDefined();
  });

  test('renders its text with real glyphs: no replacement characters, and page images draw ink', () => {
    expect(poppler('pdftotext', [edition.file, '-'])).not.toContain('\uFFFD');
    // Rasterise a text page: it must draw dark glyphs on white paper.
    const pgm = execFileSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '20', '-gray', edition.file]);
    const pixels = pgm.subarray(pgm.length - 166 * 234);
    const dark = pixels.filter((value) => value < 200).length / pixels.length;
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.3);
  });
});

describe('without a Chromium', () => {
  // The shared `base` build is made with CHROMIUM_PATH pointing nowhere (tests/support/sites.ts).
  test('the build still succeeds, says the PDF was skipped, and links no PDF', async () => {
    const baseDir = inject('baseDir');
    expect(inject('baseBuildOutput')).toContain(
      `The PDF edition was skipped: CHROMIUM_PATH is set to "${missingChromium}", but no file is there.`,
    );
    expect(existsSync(join(baseDir, 'downloads'))).toBe(false);
    for (const page of ['index.html', '2007/index.html', 'en/index.html', 'en/2007/index.html']) {
      expect(await readFile(join(baseDir, page), 'utf8'), page).not.toContain('.pdf');
    }
  });

  test('`npm run pdf` stops with one clear message', () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/pdf.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Cannot make the PDF edition: CHROMIUM_PATH is set to "/nonexistent/chromium", but no file is there.',
    );
  });

  test('the message when no Chromium is installed says how to install one or point to it', async () => {
    const { missingChromiumMessage } =
      await import('../../src/integrations/pdf-edition/chromium.mjs');
    expect(missingChromiumMessage).toContain('apt-get install chromium');
    expect(missingChromiumMessage).toContain('CHROMIUM_PATH');
  });
});
