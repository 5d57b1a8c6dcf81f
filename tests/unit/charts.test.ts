// The build-time charts: real Chart.js drawings on a Node canvas, as standalone SVG files.
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { palette } from '../../src/figures/charts/configs';
import { yearCharts, type ChartFigureData } from '../../src/figures/charts/year-charts';
import { metricsSchema } from '../../src/figures/schema';
import { yearFigures } from '../../src/figures/compute';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const figures = yearFigures(
  metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8'))),
);
const timings: Record<string, number> = {};
const charts = Object.fromEntries(
  (['zh-cn', 'en'] as const).map((locale) => {
    const start = performance.now();
    const result = yearCharts(figures, locale);
    timings[locale] = performance.now() - start;
    return [locale, result];
  }),
) as Record<'zh-cn' | 'en', ChartFigureData[]>;
const chart = (locale: 'zh-cn' | 'en', id: ChartFigureData['id']) => {
  const found = charts[locale].find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};
/** Rectangles filled with a colour (closed subpaths of its paths): how many bars of that colour a chart draws. */
const filled = (svg: string, colour: string) =>
  [...svg.matchAll(new RegExp(`<path fill="${colour}" d="([^"]+)"`, 'gi'))].reduce(
    (bars, match) => bars + (match[1]?.match(/z/gi) ?? []).length,
    0,
  );

describe.each(['zh-cn', 'en'] as const)('%s charts', (locale) => {
  test.each(['team-grades', 'targets', 'five-good'] as const)(
    '%s is a well-formed, scalable SVG with text as outlines',
    async (id) => {
      const { svg, size } = chart(locale, id);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(`viewBox="0 0 ${size.width} ${size.height}"`);
      expect(svg).not.toMatch(/<text\b/);
      expect(svg).not.toMatch(/<image\b|href="http/);
      // sharp (librsvg) parses and rasterises it: the file is well-formed.
      const meta = await sharp(Buffer.from(svg)).metadata();
      expect([meta.width, meta.height]).toEqual([size.width, size.height]);
    },
  );

  test('team grades: three bars, one per grade', () => {
    const { svg } = chart(locale, 'team-grades');
    expect([
      filled(svg, palette.accent),
      filled(svg, palette.accentSoft),
      filled(svg, palette.grey),
    ]).toEqual([1, 1, 1]);
  });

  test('targets: two bars, and the unknown leaders’ rate as a dashed outline, never a bar', () => {
    const { svg } = chart(locale, 'targets');
    expect(filled(svg, palette.accent)).toBe(2);
    // Skia writes the dashes out as shapes in the outline's own colour.
    expect(svg.toLowerCase()).toMatch(new RegExp(`(fill|stroke)="${palette.unknown}"`));
    // three target marks
    expect((svg.match(new RegExp(`stroke="${palette.target}"`, 'gi')) ?? []).length).toBe(3);
  });

  test('five-good: three bars (all offices, took part, accepted)', () => {
    const { svg } = chart(locale, 'five-good');
    expect(
      filled(svg, palette.grey) + filled(svg, palette.accentSoft) + filled(svg, palette.accent),
    ).toBe(3);
  });
});

describe('captions, summaries and tables carry the same figures', () => {
  test('in Chinese', () => {
    expect(chart('zh-cn', 'team-grades').summary).toBe(
      '108个班组中，优秀班组71个（66%），合格但未达优秀36个（33%），未达合格1个（1%）。',
    );
    expect(chart('zh-cn', 'targets').caption).toBe('图2　“50、95、95”奋斗目标完成情况');
    expect(chart('zh-cn', 'targets').table.rows).toEqual([
      ['优秀班组比例', '65.7%', '50%', '达到（高出15.7个百分点）'],
      ['合格以上班组比例', '99.1%', '95%', '达到（高出4.1个百分点）'],
      ['合格班组长比例', '未报告', '95%', '未报告'],
    ]);
    expect(chart('zh-cn', 'five-good').summary).toBe(
      '99个科室（部室）中99个参加创建，其中41个（41%）通过公司级“五好”科（部）室检查验收。',
    );
  });
  test('in English', () => {
    expect(chart('en', 'targets').summary).toContain(
      'Qualified team leaders: the report gives no actual figure (target 95%).',
    );
    expect(chart('en', 'team-grades').table.rows).toEqual([
      ['Excellent', '71', '65.7%'],
      ['Qualified, not excellent', '36', '33.3%'],
      ['Below qualified', '1', '0.9%'],
    ]);
  });
});

test('chart build cost is recorded', () => {
  // Not an assertion on time (machines differ): printed for the benchmark notes.
  console.log(
    `chart build: zh-cn ${timings['zh-cn']?.toFixed(0)} ms (incl. font registration), ` +
      `en ${timings.en?.toFixed(0)} ms for 3 charts`,
  );
  expect(Object.keys(timings)).toEqual(['zh-cn', 'en']);
});

describe('charts declared in data', () => {
  const raw = () =>
    parse(readFileSync('src/content/metrics/2007.yaml', 'utf8')) as {
      figures: Array<Record<string, unknown>>;
      charts: Array<Record<string, unknown>>;
    };
  const set = (data: ReturnType<typeof raw>, id: string, value: unknown) => {
    const found = data.figures.find((f) => f.id === id);
    if (!found) throw new Error(id);
    found.value = value;
  };
  test('targets not reported: the caption falls back to its title, never "?"; each row says what is missing', () => {
    const data = raw();
    for (const id of [
      'targets.excellentTeams',
      'targets.qualifiedTeams',
      'targets.qualifiedLeaders',
    ])
      set(data, id, 'not reported');
    const [, targets] = yearCharts(yearFigures(metricsSchema.parse(data)), 'zh-cn');
    expect(targets?.caption).toBe('图2　奋斗目标完成情况');
    expect(targets?.summary).toBe(
      '优秀班组比例66%，报告未给出目标。合格以上班组比例99%，报告未给出目标。合格班组长比例：报告未给出实际数字和目标。',
    );
    expect(targets?.summary).not.toMatch(/\?|（目标/);
    expect(targets?.table.rows[0]).toEqual(['优秀班组比例', '65.7%', '未报告', '未报告']);
  });
  test('a chart whose figures are all not reported draws nothing and says so', () => {
    const data = raw();
    for (const id of [
      'fiveGood.offices',
      'fiveGood.officesParticipating',
      'fiveGood.officesAccepted',
    ])
      set(data, id, 'not reported');
    const fiveGood = yearCharts(yearFigures(metricsSchema.parse(data)), 'en').find(
      (c) => c.id === 'five-good',
    );
    expect(fiveGood).toMatchObject({
      empty: true,
      svg: '',
      summary: 'The report gives none of these figures.',
      caption: 'Figure 3. The Five-Good office campaign',
    });
  });
  test('without a declared summary, one is written from the labels and values', () => {
    const data = raw();
    delete data.charts[0]?.summary;
    const [grades] = yearCharts(yearFigures(metricsSchema.parse(data)), 'en');
    expect(grades?.summary).toBe(
      'Work teams: 108 teams. Excellent: 71 teams (66%). ' +
        'Qualified, not excellent: 36 teams (33%). Below qualified: 1 team (1%).',
    );
  });
  test('an at-most target is met below its ceiling', () => {
    const data = raw();
    const target = data.figures.find((f) => f.id === 'targets.qualifiedTeams');
    if (target) target.target = { for: 'teams.qualifiedRate', direction: 'at-most' };
    const [, targets] = yearCharts(yearFigures(metricsSchema.parse(data)), 'zh-cn');
    expect(targets?.table.rows[1]).toEqual([
      '合格以上班组比例',
      '99.1%',
      '95%',
      '未达到（超出上限4.1个百分点）',
    ]);
  });
});
