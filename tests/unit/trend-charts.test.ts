// A figure's trend across years: a Chart.js line drawn at build time, with a gap (never a 0, never a
// line through it) where a year reports nothing, and the same facts as text and as a table.
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { trendChart, trendChartConfig, trendFigureId } from '../../src/figures/charts/trend-charts';
import { useTranslations } from '../../src/i18n/ui';
import { metricsSchema } from '../../src/figures/schema';
import { comparableSeries } from '../../src/figures/series';
import { yearFigures } from '../../src/figures/compute';

const year = (y: number, excellent: number | 'not reported' | undefined, total: number) =>
  yearFigures(
    metricsSchema.parse({
      year: y,
      figures: [
        {
          id: 'teams.total',
          label: { zh: '班组总数', en: 'Work teams' },
          kind: 'count',
          counter: { zh: '个', en: 'teams' },
          value: total,
          section: 'basics',
        },
        ...(excellent === undefined
          ? []
          : [
              {
                id: 'teams.excellent',
                label: { zh: '优秀班组数', en: 'Excellent teams' },
                kind: 'count',
                counter: { zh: '个', en: 'teams' },
                value: excellent,
                partOf: 'teams.total',
                section: 'basics',
              },
              {
                id: 'teams.excellentRate',
                label: { zh: '优秀班组比例', en: 'Excellent teams (share)' },
                kind: 'percent',
                share: { part: 'teams.excellent', of: 'teams.total' },
                section: 'basics',
              },
            ]),
      ],
    }),
  );
const years = [year(2007, 71, 108), year(2008, undefined, 112), year(2009, 80, 112)];
const series = (id: string) => {
  const found = comparableSeries(years).find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('trend chart configuration', () => {
  test('one label per year; a missing year is null and the line does not span it', () => {
    const config = trendChartConfig(series('teams.excellentRate'), useTranslations('en'), 'en');
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['2007', '2008', '2009']);
    const [dataset] = config.data.datasets;
    expect(dataset?.data).toEqual([66, null, 71]);
    expect(dataset?.spanGaps).toBe(false);
  });

  test('a percentage runs 0–100%; a count starts at 0', () => {
    const t = useTranslations('zh-cn');
    const percent = trendChartConfig(series('teams.excellentRate'), t, 'zh-cn').options?.scales?.[
      'y'
    ] as { max?: number; beginAtZero?: boolean };
    expect([percent.max, percent.beginAtZero]).toEqual([100, true]);
    const count = trendChartConfig(series('teams.total'), t, 'zh-cn').options?.scales?.['y'] as {
      max?: number;
      beginAtZero?: boolean;
    };
    expect([count.max, count.beginAtZero]).toEqual([undefined, true]);
  });
});

describe.each(['zh-cn', 'en'] as const)('the %s trend figure', (locale) => {
  const chart = trendChart(series('teams.excellentRate'), years, locale);

  test('is drawn wide and narrow, as SVG with text as outlines', async () => {
    expect(trendFigureId(chart)).toBe('teams.excellentRate');
    for (const drawing of [chart, chart.narrow]) {
      expect(drawing.svg.startsWith('<svg')).toBe(true);
      expect(drawing.svg).not.toMatch(/<text\b/);
      const meta = await sharp(Buffer.from(drawing.svg)).metadata();
      expect([meta.width, meta.height]).toEqual([drawing.size.width, drawing.size.height]);
    }
    expect(chart.narrow.size.width).toBe(300);
    expect(chart.narrow.svg).toMatch(/data-min-font-size="(1[5-9]|[2-9]\d)"/);
  });

  test('has a caption, a summary and a years × values table saying "not reported" in the gap', () => {
    if (locale === 'zh-cn') {
      expect(chart.caption).toBe('优秀班组比例（2007—2009年）');
      expect(chart.summary).toBe(
        '2007年66%、2008年未报告、2009年71%。2009年比2007年提高5\u2060个百分点。',
      );
      expect(chart.table.rows).toEqual([
        ['2007年', '66%', '—'],
        ['2008年', '未报告', '—'],
        ['2009年', '71%', '比2007年提高5\u2060个百分点'],
      ]);
    } else {
      expect(chart.caption).toBe('Excellent teams (share) (2007–2009)');
      expect(chart.summary).toBe(
        '2007: 66%, 2008: not reported, 2009: 71%. In 2009, up 5\u00a0points on 2007.',
      );
      expect(chart.table.rows.map((row) => row[1])).toEqual(['66%', 'not reported', '71%']);
    }
  });
});

test('a count’s summary carries its counter word', () => {
  expect(trendChart(series('teams.total'), years, 'zh-cn').summary).toBe(
    '2007年108个、2008年112个、2009年112个。',
  );
  expect(trendChart(series('teams.total'), years, 'en').summary).toBe(
    '2007: 108 teams, 2008: 112 teams, 2009: 112 teams.',
  );
});
