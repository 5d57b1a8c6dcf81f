// Reading details (issue 25): a number never parted from its counter word, one of a thing in the
// singular, and a key-figure card that names its figure once.
import { describe, expect, test } from 'vitest';
import { metricsSchema } from '../../src/figures/schema';
import { counted, counterFor } from '../../src/utils/counted';
import { keyFigureCards, yearFigures } from '../../src/figures/compute';

describe('counted', () => {
  test('Chinese: the counter joined to its number by a word joiner, so no line breaks between 4 and 个', () => {
    expect(counted('4', '个', 4, 'zh-cn')).toBe('4\u2060个');
    expect(counted('5', '个百分点', 5, 'zh-cn')).toBe('5\u2060个百分点');
  });

  test('English: a no-break space, and one of a thing in the singular', () => {
    expect(counted('4', 'teams', 4, 'en')).toBe('4\u00a0teams');
    expect(counted('1', 'teams', 1, 'en')).toBe('1\u00a0team');
    expect(counted('+1', 'points', 1, 'en')).toBe('+1\u00a0point');
    expect(counted('1', 'offices', -1, 'en')).toBe('1\u00a0office');
  });

  test('a word that is not a plural in -s, and no word at all, stay as they are', () => {
    expect(counterFor('class', 1, 'en')).toBe('class');
    expect(counterFor('people', 1, 'en')).toBe('people');
    expect(counterFor('个', 1, 'zh-cn')).toBe('个');
    expect(counted('66%', '', 66, 'en')).toBe('66%');
  });
});

describe('key-figure cards', () => {
  const figures = yearFigures(
    metricsSchema.parse({
      year: 2009,
      figures: [
        {
          id: 'teams.total',
          label: { zh: '班组总数', en: 'Work teams' },
          kind: 'count',
          counter: { zh: '个', en: 'teams' },
          value: 112,
          section: 'basics',
        },
        {
          id: 'teams.excellent',
          label: { zh: '优秀班组数', en: 'Excellent teams' },
          kind: 'count',
          counter: { zh: '个', en: 'teams' },
          value: 80,
          section: 'basics',
        },
        {
          id: 'teams.excellentRate',
          label: { zh: '优秀班组占班组总数的比例', en: 'Excellent teams as a share of all teams' },
          short: { zh: '优秀班组比例', en: 'excellent teams as a share of all' },
          kind: 'percent',
          share: { part: 'teams.excellent', of: 'teams.total' },
          section: 'basics',
        },
      ],
      cards: [
        { figure: 'teams.excellentRate' },
        { figure: 'teams.total', label: { zh: '班组', en: 'work teams' } },
        { figure: 'teams.excellent', note: { zh: '评为优秀', en: 'rated excellent' } },
      ],
    }),
  );

  test('a card without a note names its figure once: its full label, not the short one above it', () => {
    const [rate, total] = keyFigureCards(figures, 'zh-cn', '未报告');
    expect(rate).toEqual({ value: '71%', label: '优秀班组占班组总数的比例', note: undefined });
    expect(total).toEqual({ value: '112', label: '班组', note: undefined });
  });

  test('a card with a note: its short label and the note', () => {
    const [, , excellent] = keyFigureCards(figures, 'en', 'not reported');
    expect(excellent).toEqual({ value: '80', label: 'Excellent teams', note: 'rated excellent' });
  });
});
