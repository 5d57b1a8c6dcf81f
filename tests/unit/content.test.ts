// The published text must be the source, whole: these tests compare content with the seed.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { highlightOrder } from '../../src/model/report-outline';
import { findFigureLiterals } from '../../src/figures/prose-check';
import { filesIn, plainText, readEntry, withMetrics } from './content-helpers';
import { readSourceText } from '../support/source-text';

const seed = readSourceText();
const zhReport = readEntry('src/content/reports/zh-cn/2007.mdx');
const enReport = readEntry('src/content/reports/en/2007.mdx');

/** The seed's body: everything before the printed title block, without OCR whitespace (％ is typeset %). */
function seedBody(): string {
  const end = seed.indexOf('打基础 强素质 促管理 树形象');
  return seed.slice(0, end).replace(/\s+/g, '').replaceAll('％', '%');
}

describe('the Chinese report is the source, whole', () => {
  test('its text equals the seed body character for character (OCR line breaks and spaces undone)', () => {
    expect(plainText(withMetrics(zhReport.body, 2007))).toBe(seedBody());
  });
  test('title, slogan and author are the ones printed with the article', () => {
    expect(zhReport.data).toMatchObject({
      slogan: '打基础 强素质 促管理 树形象',
      author: '李兵',
      authorRole: '公司党委副书记',
    });
    const printedTitle = /———(.+)\n/.exec(seed)?.[1]?.replace(/\s+/g, '');
    expect(String(zhReport.data.title).replace(/\s+/g, '')).toBe(printedTitle);
  });
  test('keeps 四不让 and 五不让 where each stands', () => {
    expect(zhReport.body).toMatch(/积极贯彻“四不让”宗旨/);
    expect(zhReport.body).toMatch(/对照“四查四要”、“五不让”来检查/);
  });
});

describe('the English report mirrors the Chinese one', () => {
  const ids = (body: string) => [...body.matchAll(/\{#([a-z0-9-]+)\}/g)].map((m) => m[1]);
  const components = (body: string) =>
    [...body.matchAll(/<(Highlight|UnitLink) unit="([^"]+)"/g)].map((m) => m[0]);
  const paragraphs = (body: string) =>
    body.split(/\n\s*\n/).filter((block) => block.trim() !== '').length;

  test('same headings, in the same order, with the same anchors', () => {
    expect(ids(enReport.body)).toEqual(ids(zhReport.body));
  });
  test('same unit highlights and unit links, in the same order', () => {
    expect(components(enReport.body)).toEqual(components(zhReport.body));
  });
  test('same number of blocks (no paragraph dropped or merged)', () => {
    expect(paragraphs(enReport.body)).toBe(paragraphs(zhReport.body));
  });
  test('carries every figure of the report, from the same data', () => {
    const metrics = (body: string) =>
      [...body.matchAll(/<Metric[^>]*\/>/g)].map((m) => m[0]).sort();
    expect(metrics(enReport.body)).toEqual(metrics(zhReport.body));
    const text = withMetrics(enReport.body, 2007);
    for (const figure of [
      '108',
      '71',
      '66%',
      '107',
      '99%',
      '50%',
      '95%',
      '21',
      '99',
      '41',
      '18',
      '2006',
      '2007',
    ]) {
      expect(text, figure).toContain(figure);
    }
  });
  test('keeps Four Don’ts and Five Don’ts apart, as the source does', () => {
    expect(enReport.body).toContain('Four Don’ts');
    expect(enReport.body).toContain('Five Don’ts');
  });
});

describe('no figure from data is typed by hand', () => {
  const files = [
    ...filesIn('src/content/reports/zh-cn', '.mdx'),
    ...filesIn('src/content/reports/en', '.mdx'),
    ...filesIn('src/content/units/zh-cn/2007', '.mdx'),
    ...filesIn('src/content/units/en/2007', '.mdx'),
  ];
  test.each(files)('%s', (file) => {
    expect(findFigureLiterals(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('units', () => {
  const locales = ['zh-cn', 'en'] as const;
  test.each(locales)(
    'every quote on a %s unit page is the report’s paragraph, verbatim',
    (locale) => {
      const report = plainText(
        withMetrics(readEntry(`src/content/reports/${locale}/2007.mdx`).body, 2007),
      );
      for (const file of filesIn(`src/content/units/${locale}/2007`, '.mdx')) {
        const quote = /<ReportQuote[^>]*>([\s\S]*?)<\/ReportQuote>/.exec(readEntry(file).body)?.[1];
        if (quote) expect(report, file).toContain(plainText(withMetrics(quote, 2007)));
      }
    },
  );
  test('the units praised in section 三 are exactly those with a highlight paragraph', () => {
    const praised = filesIn('src/content/units/zh-cn/2007', '.mdx')
      .filter((file) => readEntry(file).data.highlighted === true)
      .map((file) => file.split('/').pop()?.replace('.mdx', ''));
    expect([...praised].sort()).toEqual([...highlightOrder(zhReport.body)].sort());
    expect(highlightOrder(zhReport.body)).toEqual([
      'industrial-company',
      'living-services-company',
      'hospital',
      'hotel',
      'supervision-company',
      'security-department',
      'aluminium-alloy-plant',
      'industry-management-department',
      'finance-department',
    ]);
  });
  test('units named outside section 三 have entries too', () => {
    const names = filesIn('src/content/units/zh-cn/2007', '.mdx').map(
      (file) => readEntry(file).data.name,
    );
    expect(names).toEqual(expect.arrayContaining(['矿山部', '纯净水厂', '生产一班']));
  });
});

describe('glossary', () => {
  const terms = filesIn('src/content/glossary', '.yaml').map(
    (file) => parse(readFileSync(file, 'utf8')) as { zh: string; en: string },
  );
  test('covers the campaign vocabulary the report uses', () => {
    const zh = terms.map((term) => term.zh);
    for (const word of [
      '班组',
      '“五好”科(部)室',
      '四查四要',
      '“五比”竞赛',
      '三优两满意',
      '五小一改',
      '四制',
      '首问责任制',
      '服务承诺制',
      '限时办结制',
      '责任追究制',
      '六常法',
      '绿牌通过制度',
      '四不让',
      '五不让',
    ]) {
      expect(zh, word).toContain(word);
    }
  });
  test('the English report uses each practice’s English rendering', () => {
    for (const term of terms.filter((t) =>
      ['四查四要', '三优两满意', '五小一改', '六常法', '绿牌通过制度'].includes(t.zh),
    )) {
      expect(enReport.body.toLowerCase(), term.zh).toContain(term.en.toLowerCase());
    }
  });
});

describe('the gallery captions are the source’s captions', () => {
  /** The captions after the article's byline, one per blank-line block, OCR arrows and spaces removed. */
  const seedCaptions = seed
    .slice(seed.indexOf('公司党委副书记 李兵') + '公司党委副书记 李兵'.length)
    .split(/\n\s*\n/)
    .map((block) => block.replace(/[▲茛荩]/g, '').replace(/\s+/g, ''))
    .filter((caption) => caption !== '');
  const photos = filesIn('src/content/photos', '.yaml')
    .map(
      (file) =>
        parse(readFileSync(file, 'utf8')) as {
          order: number;
          caption: { zh: string; en: string };
          event?: string;
          unit?: string;
        },
    )
    .sort((a, b) => a.order - b.order);

  test('six captions, each published word for word in the source’s order', () => {
    expect(seedCaptions).toHaveLength(6);
    expect(photos.map((photo) => photo.caption.zh)).toEqual(seedCaptions);
  });
  test('only the captions that name an event or a unit are linked to one', () => {
    expect(photos.map((photo) => [photo.event ?? null, photo.unit ?? null])).toEqual([
      [null, 'living-services-company'],
      [null, null],
      ['bonfire-party', 'mining-department'],
      [null, null],
      ['olympic-long-distance-run', null],
      ['air-volleyball-match', null],
    ]);
  });
});
