// Share cards (Open Graph images): drawn at build time from the data, in the page's language.
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { breakable, renderShareCard, wrapText } from '../../src/share/card';
import { cardYearOf, shareCardPath, shareCardSize } from '../../src/routes/share-cards';

describe('wrapText', () => {
  const measure = (text: string) => text.length * 10;
  test('breaks English between words and Chinese between characters', () => {
    expect(breakable('Five-Good offices')).toEqual(['Five-Good ', 'offices']);
    expect(breakable('五好科室')).toEqual(['五', '好', '科', '室']);
    expect(wrapText('one two three four', 90, measure, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('班组建设暨五好科室', 40, measure, 3)).toEqual(['班组建设', '暨五好科', '室']);
  });
  test('ends a cut-off last line with an ellipsis', () => {
    expect(wrapText('one two three four five six', 90, measure, 2)).toEqual(['one two', 'three…']);
  });
});

describe('which card a page gets', () => {
  test('home and report pages get their year’s card, others the site’s', () => {
    expect(cardYearOf('/', 2007)).toBe(2007);
    expect(cardYearOf('/en/', 2008)).toBe(2008);
    expect(cardYearOf('/en/2007/', 2008)).toBe(2007);
    expect(cardYearOf('/2007/units/hotel/', 2007)).toBeUndefined();
    expect(cardYearOf('/glossary/', 2007)).toBeUndefined();
    expect(shareCardPath('zh-cn', 2007)).toBe('/share/2007.zh-CN.png');
    expect(shareCardPath('en')).toBe('/share/site.en.png');
  });
});

test('renderShareCard draws a 1200 × 630 PNG', async () => {
  const png = renderShareCard({
    site: '年鉴',
    kicker: '2007年度工作总结',
    title: '标题',
    figures: [{ value: '108', label: '班组总数' }],
  });
  const metadata = await sharp(png).metadata();
  expect([metadata.format, metadata.width, metadata.height]).toEqual([
    'png',
    shareCardSize.width,
    shareCardSize.height,
  ]);
});
