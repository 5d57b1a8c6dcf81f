import { describe, expect, test } from 'vitest';
// The search page's paging, year filter and wording (src/search/result-pages.ts, status-message.ts),
// with the dictionaries' own templates.
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-cn';
import {
  countByYear,
  moreCount,
  nextPage,
  pageSize,
  yearChoices,
} from '../../src/search/result-pages';
import {
  moreLabel,
  resultStatus,
  yearLabel,
  yearOptionLabel,
  type StatusTemplates,
} from '../../src/search/status-message';

const templates = (dictionary: typeof en | typeof zhCN): StatusTemplates => ({
  none: dictionary['search.none'],
  count: { one: dictionary['search.count.one'], other: dictionary['search.count.other'] },
  shown: dictionary['search.shown'],
  separator: dictionary['sentence.separator'],
});
const more = (dictionary: typeof en | typeof zhCN) => ({
  one: dictionary['search.more.one'],
  other: dictionary['search.more.other'],
});

describe('paging', () => {
  test('shows a page first, then the next page, then what is left', () => {
    expect(nextPage(0, 57, 20)).toEqual({ from: 0, to: 20 });
    expect(nextPage(20, 57, 20)).toEqual({ from: 20, to: 40 });
    expect(nextPage(40, 57, 20)).toEqual({ from: 40, to: 57 });
    expect(nextPage(57, 57, 20)).toEqual({ from: 57, to: 57 });
  });
  test('shows everything at once when it fits in a page', () => {
    expect(nextPage(0, 7)).toEqual({ from: 0, to: 7 });
    expect(nextPage(0, 0)).toEqual({ from: 0, to: 0 });
    expect(nextPage(0, pageSize)).toEqual({ from: 0, to: pageSize });
  });
  test('counts what the “more results” button adds, 0 when all are shown', () => {
    expect(moreCount(20, 57, 20)).toBe(20);
    expect(moreCount(40, 57, 20)).toBe(17);
    expect(moreCount(57, 57, 20)).toBe(0);
    expect(moreCount(7, 7)).toBe(0);
  });
});

describe('the year filter', () => {
  test('lists every year the index knows, newest first, with its pages before a search', () => {
    expect(yearChoices({ '2007': 30, '2009': 4, '2008': 12 }, undefined)).toEqual([
      { value: '2009', count: 4 },
      { value: '2008', count: 12 },
      { value: '2007', count: 30 },
    ]);
  });
  test('counts the results of the search shown, 0 for a year without any', () => {
    expect(yearChoices({ '2007': 30, '2008': 12, '2009': 4 }, { '2008': 3 })).toEqual([
      { value: '2009', count: 0 },
      { value: '2008', count: 3 },
      { value: '2007', count: 0 },
    ]);
  });
  test('keeps a year asked for in the address even when the index does not know it', () => {
    expect(yearChoices({ '2007': 30 }, undefined, '2006')).toEqual([
      { value: '2007', count: 30 },
      { value: '2006', count: 0 },
    ]);
    expect(yearChoices({ '2007': 30 }, undefined, '2007')).toHaveLength(1);
  });
  test('counts results per year, leaving out those without a year (glossary terms)', () => {
    expect(countByYear(['2008', undefined, '2007', '2008', ''])).toEqual({ '2008': 2, '2007': 1 });
    expect(countByYear([])).toEqual({});
  });
  test('labels years and options in both languages', () => {
    expect(yearLabel(zhCN['search.result.year'], '2008')).toBe('2008年');
    expect(yearLabel(en['search.result.year'], '2008')).toBe('2008');
    expect(yearLabel(en['search.result.year'], undefined)).toBe('');
    expect(yearOptionLabel(zhCN['search.year.option'], '2008', 3, 'zh-CN')).toBe('2008年（3）');
    expect(yearOptionLabel(en['search.year.option'], '2008', 1200, 'en')).toBe('2008 (1,200)');
    expect(yearOptionLabel(en['search.year.allCount'], '', 57, 'en')).toBe('All years (57)');
  });
});

describe('the count and the “more results” button', () => {
  test('say the true number of results, and how many are shown when not all are', () => {
    expect(resultStatus(templates(en), 'team', 57, 'en', 20)).toBe(
      '57 results for “team”. Showing the first 20.',
    );
    expect(resultStatus(templates(en), 'team', 57, 'en', 57)).toBe('57 results for “team”.');
    expect(resultStatus(templates(en), 'team', 57, 'en')).toBe('57 results for “team”.');
    expect(resultStatus(templates(zhCN), '班组', 57, 'zh-CN', 40)).toBe(
      '找到 57 条与“班组”相关的结果。当前显示前 40 条。',
    );
    expect(resultStatus(templates(en), 'team', 1_234, 'en', 20)).toBe(
      '1,234 results for “team”. Showing the first 20.',
    );
  });
  test('take the plural form from Intl.PluralRules', () => {
    expect(moreLabel(more(en), 1, 'en')).toBe('Show 1 more result');
    expect(moreLabel(more(en), 17, 'en')).toBe('Show 17 more results');
    expect(moreLabel(more(zhCN), 1, 'zh-CN')).toBe('再显示 1 条结果');
    expect(moreLabel(more(zhCN), 20, 'zh-CN')).toBe('再显示 20 条结果');
    expect(resultStatus(templates(en), 'team', 1, 'en')).toBe('1 result for “team”.');
  });
  test('fill the query as typed, replacement patterns and placeholders included', () => {
    expect(resultStatus(templates(en), '$& {shown}', 30, 'en', 20)).toBe(
      '30 results for “$& {shown}”. Showing the first 20.',
    );
  });
});
