// Figures across years: the series of each id over the site's years, and a figure's change against
// the previous year that has it, worded in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { useTranslations } from '../../src/i18n/ui';
import { metricsSchema } from '../../src/figures/schema';
import {
  allFigureSeries,
  changeText,
  comparableSeries,
  figureChange,
} from '../../src/figures/series';
import { yearFigures, type YearFigures } from '../../src/figures/compute';

const teams = { zh: '个', en: 'teams' };
type Value = number | 'not reported';

/** A year whose figures are the given counts and shares (of `teams.total`). */
function year(y: number, counts: Record<string, Value>, shares: string[] = []): YearFigures {
  return yearFigures(
    metricsSchema.parse({
      year: y,
      figures: [
        ...Object.entries(counts).map(([id, value]) => ({
          id,
          label: { zh: id, en: id },
          kind: 'count',
          counter: teams,
          value,
          section: 'basics',
        })),
        ...shares.map((part) => ({
          id: `${part}Rate`,
          label: { zh: `${part}比例`, en: `${part} share` },
          kind: 'percent',
          share: { part, of: 'teams.total' },
          section: 'basics',
        })),
      ],
    }),
  );
}

// The three-year fixture's shape: 2008 leaves out the excellent teams; 2009 adds safety model teams.
const y2007 = year(2007, { 'teams.total': 108, 'teams.excellent': 71, offices: 99 }, [
  'teams.excellent',
]);
const y2008 = year(2008, { 'teams.total': 112, offices: 'not reported' });
const y2009 = year(
  2009,
  { 'teams.total': 112, 'teams.excellent': 80, offices: 100, 'teams.safetyModel': 30 },
  ['teams.excellent'],
);
const years = [y2009, y2007, y2008]; // any order

const zh = useTranslations('zh-cn');
const en = useTranslations('en');

describe('series', () => {
  test('one point per year, oldest first; a year without the id is a gap, never 0', () => {
    const rate = allFigureSeries(years).find((s) => s.id === 'teams.excellentRate');
    expect(rate?.kind).toBe('percent');
    expect(rate?.points.map((p) => [p.year, p.value])).toEqual([
      [2007, 66],
      [2008, null],
      [2009, 71],
    ]);
    expect(rate?.points[1]?.figure).toBeUndefined();
  });

  test('"not reported" in a year is a gap too', () => {
    const offices = allFigureSeries(years).find((s) => s.id === 'offices');
    expect(offices?.points.map((p) => p.value)).toEqual([99, null, 100]);
    expect(offices?.points[1]?.figure?.value).toBeNull();
  });

  test('only figures with a value in two or more years are compared, in the newest year’s order', () => {
    expect(comparableSeries(years).map((s) => s.id)).toEqual([
      'teams.total',
      'teams.excellent',
      'offices',
      'teams.excellentRate',
    ]);
    // New in 2009: one value only.
    expect(comparableSeries(years).some((s) => s.id === 'teams.safetyModel')).toBe(false);
    expect(comparableSeries([y2007])).toEqual([]);
  });

  test('values are the years’ own displayed values (rounded as their pages write them)', () => {
    const rate = allFigureSeries(years).find((s) => s.id === 'teams.excellentRate');
    expect(rate?.points[0]?.value).toBe(y2007.byId.get('teams.excellentRate')?.displayed);
    expect(rate?.points[0]?.figure?.value).toBeCloseTo(65.74, 2);
  });
});

describe('change against the previous year that has the figure', () => {
  test('nothing on the site’s first year', () => {
    expect(figureChange(years, 2007, 'teams.total')).toEqual({ kind: 'first-year' });
    expect(changeText(years, 2007, 'teams.total', 'en', en)).toBeUndefined();
  });

  test('a count: ▲ +4, up 4 on the year before (named)', () => {
    expect(figureChange(years, 2008, 'teams.total')).toEqual({
      kind: 'change',
      since: 2007,
      difference: 4,
      direction: 'up',
    });
    expect(changeText(years, 2008, 'teams.total', 'zh-cn', zh)).toEqual({
      arrow: '▲',
      short: '+4\u2060个',
      sentence: '比2007年增加4\u2060个',
    });
    expect(changeText(years, 2008, 'teams.total', 'en', en)).toEqual({
      arrow: '▲',
      short: '+4\u00a0teams',
      sentence: 'up 4\u00a0teams on 2007',
    });
  });

  test('no change', () => {
    expect(changeText(years, 2009, 'teams.total', 'zh-cn', zh)).toEqual({
      arrow: '',
      short: '持平',
      sentence: '与2008年持平',
    });
    expect(changeText(years, 2009, 'teams.total', 'en', en)?.sentence).toBe('no change on 2008');
  });

  test('a percentage, across a year without it: +5 points on 2007 (the shown 66% → 71%)', () => {
    expect(figureChange(years, 2009, 'teams.excellentRate')).toEqual({
      kind: 'change',
      since: 2007,
      difference: 5,
      direction: 'up',
    });
    expect(changeText(years, 2009, 'teams.excellentRate', 'zh-cn', zh)).toEqual({
      arrow: '▲',
      short: '+5\u2060个百分点',
      sentence: '比2007年提高5\u2060个百分点',
    });
    expect(changeText(years, 2009, 'teams.excellentRate', 'en', en)).toEqual({
      arrow: '▲',
      short: '+5\u00a0points',
      sentence: 'up 5\u00a0points on 2007',
    });
  });

  test('down: ▼ with a true minus sign, and the words say "down"', () => {
    const later = year(2010, { 'teams.total': 110, 'teams.excellent': 70 }, ['teams.excellent']);
    const all = [...years, later];
    expect(changeText(all, 2010, 'teams.excellentRate', 'en', en)).toEqual({
      arrow: '▼',
      short: '\u22127\u00a0points', // 70/110 = 64%, 71% before
      sentence: 'down 7\u00a0points on 2009',
    });
    expect(changeText(all, 2010, 'teams.total', 'zh-cn', zh)?.sentence).toBe(
      '比2009年减少2\u2060个',
    );
  });

  test('one of a count: the English counter word in the singular', () => {
    const later = [...years, year(2010, { 'teams.total': 113 })];
    expect(changeText(later, 2010, 'teams.total', 'en', en)?.sentence).toBe(
      'up 1\u00a0team on 2009',
    );
    expect(changeText(later, 2010, 'teams.total', 'zh-cn', zh)?.sentence).toBe(
      '比2009年增加1\u2060个',
    );
  });

  test('new this year: no earlier year has the id', () => {
    expect(figureChange(years, 2009, 'teams.safetyModel')).toEqual({ kind: 'new' });
    expect(changeText(years, 2009, 'teams.safetyModel', 'zh-cn', zh)?.sentence).toBe('本年新增');
    expect(changeText(years, 2009, 'teams.safetyModel', 'en', en)).toEqual({
      arrow: '',
      short: 'new this year',
      sentence: 'new this year',
    });
  });

  test('not reported on either side: not comparable, no arrow, never a change from 0', () => {
    expect(figureChange(years, 2009, 'offices')).toEqual({
      kind: 'not-comparable',
      since: 2008,
      missing: 'then',
    });
    expect(changeText(years, 2009, 'offices', 'en', en)).toEqual({
      arrow: '',
      short: 'not comparable',
      sentence: 'not comparable: not reported in 2008',
    });
    expect(figureChange(years, 2008, 'offices')).toMatchObject({ missing: 'now', since: 2007 });
    expect(changeText(years, 2008, 'offices', 'zh-cn', zh)?.sentence).toBe(
      '本年未报告，无法与2007年比较',
    );
    const both = [y2008, year(2009, { 'teams.total': 1, offices: 'not reported' })];
    expect(figureChange(both, 2009, 'offices')).toMatchObject({ missing: 'both' });
    expect(changeText(both, 2009, 'offices', 'en', en)?.arrow).toBe('');
  });

  test('a year that is not given is a clear error', () => {
    expect(() => figureChange(years, 2011, 'teams.total')).toThrow(/no figures for 2011/);
  });
});

describe('the real 2007 alone', () => {
  test('has no series to compare and no changes to show', () => {
    const real = yearFigures(
      metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8'))),
    );
    expect(comparableSeries([real])).toEqual([]);
    for (const card of real.cards)
      expect(changeText([real], 2007, card.figure, 'zh-cn', zh)).toBeUndefined();
  });
});
