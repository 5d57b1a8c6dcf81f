import { expect, test } from 'vitest';
import { hanNumber } from '../../src/import/report/han-numerals';

test('Chinese numerals of dates: days, months and quarters, and ASCII digits as they are', () => {
  const cases: Array<[string, number]> = [
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十二', 12],
    ['二十', 20],
    ['三十一', 31],
    ['3', 3],
    ['03', 3],
    ['12', 12],
  ];
  for (const [text, value] of cases) expect(hanNumber(text), text).toBe(value);
});
