import { expect, test } from 'vitest';
import { formatDate, formatNumber, formatPercent, formatYear } from '../../src/utils/format';

test('numbers follow the locale', () => {
  expect(formatNumber(108, 'zh-cn')).toBe('108');
  expect(formatNumber(12345, 'en')).toBe('12,345');
  expect(formatNumber(12345, 'zh-cn')).toBe('12,345');
});

test('percentages are formatted from the 0–100 scale', () => {
  expect(formatPercent(66, 'zh-cn')).toBe('66%');
  expect(formatPercent(66, 'en')).toBe('66%');
  expect(formatPercent(65.7, 'en', 1)).toBe('65.7%');
});

test('years and dates read naturally in each language', () => {
  expect(formatYear(2007, 'zh-cn')).toBe('2007年');
  expect(formatYear(2007, 'en')).toBe('2007');
  const date = new Date('2008-01-18T06:00:00Z');
  expect(formatDate(date, 'zh-cn')).toBe('2008年1月18日');
  expect(formatDate(date, 'en')).toBe('18 January 2008');
});
