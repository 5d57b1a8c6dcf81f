import { expect, test } from 'vitest';
import { parseChineseNumber } from '../../src/figures/prose-check';

// The importer reads dates' months and days with the prose check's reader of Chinese numbers.
test('Chinese numerals of dates: days, months and quarters', () => {
  const cases: Array<[string, number]> = [
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十二', 12],
    ['二十', 20],
    ['三十一', 31],
    ['〇', 0],
  ];
  for (const [text, value] of cases) expect(parseChineseNumber(text), text).toBe(value);
});
