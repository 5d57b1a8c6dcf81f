// A year's figures as its figures file declares them: values, derived figures, targets, and the
// rules a file must follow (each refused with file, line, field and fix in both languages).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { schemaProblems } from '../../src/model/schema-issues';
import { parseYamlSource } from '../../src/model/yaml-source';
import { metricsSchema } from '../../src/figures/schema';
import {
  compareTarget,
  exactPercent,
  figureFilesProblems,
  figureOf,
  fillTemplate,
  metricTable,
  percentOf,
  roundPercent,
  yearFigures,
} from '../../src/figures/compute';

const source2007 = readFileSync('src/content/metrics/2007.yaml', 'utf8');
const metrics2007 = metricsSchema.parse(parse(source2007));
const raw2007 = () =>
  parse(source2007) as {
    year: number;
    figures: Array<Record<string, unknown>>;
    charts: Array<Record<string, unknown>>;
    cards: unknown[];
  };
const figure = (raw: ReturnType<typeof raw2007>, id: string) => {
  const found = raw.figures.find((f) => f.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('percentOf and rounding', () => {
  test('round half up to whole percentages, as the report does', () => {
    expect(percentOf(71, 108)).toBe(66); // 65.74
    expect(percentOf(107, 108)).toBe(99); // 99.07
    expect(percentOf(1, 8)).toBe(13); // 12.5 rounds up
    expect(percentOf(41, 99, 1)).toBe(41.4);
  });
  test('other declared rules: half to even, down', () => {
    expect(roundPercent(12.5, 0, 'half-even')).toBe(12);
    expect(roundPercent(13.5, 0, 'half-even')).toBe(14);
    expect(roundPercent(65.74, 0, 'down')).toBe(65);
  });
  test('is unknown, never 0, when a figure is not reported', () => {
    expect(percentOf(null, 108)).toBeNull();
    expect(percentOf(71, null)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('yearFigures for 2007', () => {
  const figures = yearFigures(metrics2007);
  const value = (id: string) => figureOf(figures, id).value;
  test('carries the report’s counts', () => {
    expect([value('teams.total'), value('teams.excellent'), value('teams.qualified')]).toEqual([
      108, 71, 107,
    ]);
    expect([
      value('fiveGood.units'),
      value('fiveGood.offices'),
      value('fiveGood.officesAccepted'),
    ]).toEqual([21, 99, 41]);
    expect(value('inspections.septemberProblems')).toBe(18);
  });
  test('derives the declared differences: the grade split 71 / 36 / 1 of 108', () => {
    expect(value('teams.qualifiedOnly')).toBe(36);
    expect(value('teams.belowQualified')).toBe(1);
    expect(figureOf(figures, 'teams.qualifiedOnly').origin).toBe('computed');
  });
  test('computes the declared shares (66%, 99%), exact and displayed', () => {
    expect(value('teams.excellentRate')).toBeCloseTo(65.7407, 4);
    expect(figureOf(figures, 'teams.excellentRate').displayed).toBe(66);
    expect(figureOf(figures, 'teams.qualifiedRate').displayed).toBe(99);
    expect(figureOf(figures, 'fiveGood.acceptedRate').displayed).toBe(41);
  });
  test('compares each declared target with the figure it targets', () => {
    expect(compareTarget(figures, 'targets.excellentTeams')).toMatchObject({
      for: 'teams.excellentRate',
      target: 50,
      status: 'met',
      marginPoints: 15.7,
    });
    expect(compareTarget(figures, 'targets.qualifiedTeams')).toMatchObject({
      status: 'met',
      marginPoints: 4.1,
    });
    expect(compareTarget(figures, 'targets.qualifiedLeaders')).toMatchObject({
      target: 95,
      actual: null,
      status: 'not-reported',
      marginPoints: null,
    });
  });
  test('a missed target has a negative margin; an at-most target is met below its ceiling', () => {
    const raw = raw2007();
    figure(raw, 'teams.excellent').value = 40;
    figure(raw, 'targets.qualifiedTeams').target = {
      for: 'teams.qualifiedRate',
      direction: 'at-most',
    };
    const changed = yearFigures(metricsSchema.parse(raw));
    expect(compareTarget(changed, 'targets.excellentTeams')).toMatchObject({
      status: 'missed',
      marginPoints: -13,
    });
    expect(compareTarget(changed, 'targets.qualifiedTeams')).toMatchObject({
      status: 'missed',
      marginPoints: 4.1,
    });
  });
  test('unknown counts stay unknown in everything derived from them', () => {
    const raw = raw2007();
    figure(raw, 'teams.total').value = 'not reported';
    const changed = yearFigures(metricsSchema.parse(raw));
    expect(figureOf(changed, 'teams.excellentRate').value).toBeNull();
    expect(figureOf(changed, 'teams.belowQualified').value).toBeNull();
    expect(compareTarget(changed, 'targets.excellentTeams').status).toBe('not-reported');
  });
  test('an unknown id is an error listing the year’s ids', () => {
    expect(() => figureOf(figures, 'teams.everything')).toThrow(
      /no figure "teams.everything" in src\/content\/metrics\/2007.yaml. Its ids: teams.total, /,
    );
  });
});

describe('metricTable and templates', () => {
  const figures = yearFigures(metrics2007);
  const table = metricTable(figures);
  test('has every declared id, in the file’s order, with kind, counter and displayed value', () => {
    expect(Object.keys(table)).toEqual(metrics2007.figures.map((f) => f.id));
    expect(table['teams.excellentRate']).toEqual({
      kind: 'percent',
      value: exactPercent(71, 108),
      displayed: 66,
      counter: undefined,
    });
    expect(table['teams.total']).toMatchObject({
      kind: 'count',
      displayed: 108,
      counter: { zh: '个', en: 'teams' },
    });
    expect(table['leaders.qualifiedRate']?.displayed).toBeNull();
  });
  test('{metric:id}, {metric:id:bare} and {metric:id:share} are filled from the data', () => {
    expect(
      fillTemplate('共{metric:teams.total}个，{metric:teams.excellentRate}', figures, 'zh-cn'),
    ).toBe('共108个，66%');
    expect(fillTemplate('“{metric:targets.excellentTeams:bare}”', figures, 'zh-cn')).toBe('“50”');
    expect(fillTemplate('{metric:teams.excellent:share}', figures, 'en', 'teams.total')).toBe(
      '66%',
    );
  });
  test('a template quoting a figure the report does not give is not used (no gap, no placeholder)', () => {
    expect(fillTemplate('{metric:leaders.qualifiedRate} of leaders', figures, 'en')).toBeNull();
  });
});

/** The problems `npm run check` reports for a figures file written as YAML. */
function problemsOf(yaml: string, file = 'src/content/metrics/2008.yaml') {
  const source = parseYamlSource(yaml);
  return schemaProblems(file, source.data, metricsSchema, source.lineOf).problems;
}
const figureYaml = (lines: string[]) => ['year: 2008', 'figures:', ...lines].join('\n');
const team = (id: string, value: number | string, extra: string[] = []) => [
  `  - id: ${id}`,
  `    label: { zh: ${id}, en: ${id} }`,
  '    kind: count',
  '    counter: { zh: 个, en: teams }',
  `    value: ${value}`,
  ...extra,
  '    section: basics',
];

describe('bad figures files: each refused with file, line, field and fix in both languages', () => {
  test('duplicate ids', () => {
    const [problem] = problemsOf(
      figureYaml([...team('teams.total', 108), ...team('teams.total', 109)]),
    );
    expect(problem).toMatchObject({
      file: 'src/content/metrics/2008.yaml',
      field: 'figures.1.id',
      line: 9,
    });
    expect(problem?.message).toContain('"teams.total" is used twice');
    expect(problem?.zh.message).toContain('重复');
  });
  test('a derived figure naming a missing figure', () => {
    const problems = problemsOf(
      figureYaml([
        ...team('teams.total', 108),
        '  - id: rate',
        '    label: { zh: 比例, en: rate }',
        '    kind: percent',
        '    share: { part: teams.excellent, of: teams.total }',
        '    section: basics',
      ]),
    );
    expect(problems[0]).toMatchObject({ field: 'figures.1.share.part', line: 12 });
    expect(problems[0]?.message).toBe('names "teams.excellent", which is not a figure of 2008');
    expect(problems[0]?.fix).toContain('use one of: teams.total, rate');
    expect(problems[0]?.zh.message).toContain('不是 2008 年的数字');
  });
  test('a cycle', () => {
    const derived = (id: string, from: string) => [
      `  - id: ${id}`,
      `    label: { zh: ${id}, en: ${id} }`,
      '    kind: count',
      '    counter: { zh: 个, en: teams }',
      `    difference: { from: ${from}, minus: base }`,
      '    section: basics',
    ];
    const problems = problemsOf(
      figureYaml([...team('base', 1), ...derived('a', 'b'), ...derived('b', 'a')]),
    );
    expect(
      problems.some(
        (p) =>
          /is computed from itself: a → b → a/.test(p.message) &&
          p.zh.message.includes('由它自己算出'),
      ),
    ).toBe(true);
  });
  test('a share whose part exceeds its whole', () => {
    const problems = problemsOf(
      figureYaml([
        ...team('teams.total', 108),
        ...team('teams.excellent', 120),
        '  - id: rate',
        '    label: { zh: 比例, en: rate }',
        '    kind: percent',
        '    share: { part: teams.excellent, of: teams.total }',
        '    section: basics',
      ]),
    );
    expect(problems[0]).toMatchObject({ field: 'figures.1.value', line: 13 });
    expect(problems[0]?.message).toBe(
      '"teams.excellent" is 120, more than "teams.total" (108); a part cannot exceed its whole',
    );
  });
  test(
    'part ≤ whole holds transitively, whatever is not reported ' +
      '(excellent 120 > total 108, qualified unknown)',
    () => {
      const raw = raw2007();
      figure(raw, 'teams.excellent').value = 120;
      figure(raw, 'teams.qualified').value = 'not reported';
      const problems = problemsOf(stringify(raw), 'src/content/metrics/2007.yaml');
      expect(problems.map((p) => p.message)).toContain(
        '"teams.excellent" is 120, more than "teams.total" (108); a part cannot exceed its whole',
      );
    },
  );
  test('a target on a figure of another kind', () => {
    const problems = problemsOf(
      figureYaml([
        ...team('teams.total', 108),
        '  - id: targets.teams',
        '    label: { zh: 目标, en: target }',
        '    kind: percent',
        '    value: 50',
        '    target: { for: teams.total, direction: at-least }',
        '    section: basics',
      ]),
    );
    expect(problems[0]).toMatchObject({ field: 'figures.1.target.for', line: 13 });
    expect(problems[0]?.message).toContain(
      'targets "teams.total" (a count in 个 / teams), but this target is a percentage',
    );
  });
  test('a chart naming an unknown figure', () => {
    const problems = problemsOf(
      `${figureYaml(team('teams.total', 108))}\ncharts:\n  - id: teams\n    kind: counts\n` +
        '    title: { zh: 班组, en: Teams }\n    bars:\n      - figure: teams.all\n',
    );
    expect(problems[0]).toMatchObject({ field: 'charts.0.bars.0.figure', line: 14 });
    expect(problems[0]?.message).toBe('names "teams.all", which is not a figure of 2008');
  });
  test('a percentage over 100, a count that is not a whole number', () => {
    const percent = problemsOf(
      figureYaml([
        '  - id: rate',
        '    label: { zh: 比例, en: rate }',
        '    kind: percent',
        '    value: 104',
        '    section: basics',
      ]),
    );
    expect(percent[0]).toMatchObject({
      field: 'figures.0.value',
      line: 6,
      message: 'is 104, but a percentage must be from 0 to 100',
    });
    const count = problemsOf(figureYaml(team('teams.total', 10.5)));
    expect(count[0]).toMatchObject({
      field: 'figures.0.value',
      line: 7,
      message: 'is 10.5, but a count must be a whole number of 0 or more',
    });
    expect(count[0]?.zh.message).toBe('是 10.5，但计数必须是 0 或更大的整数');
  });
  test('the same id with another kind or counter word in two years', () => {
    const raw = raw2007();
    raw.year = 2008;
    figure(raw, 'inspections.septemberProblems').counter = { zh: '项', en: 'problems' };
    const data2008 = metricsSchema.parse(raw);
    const lines = parseYamlSource(stringify(raw));
    const problems = figureFilesProblems([
      { file: 'src/content/metrics/2007.yaml', slug: '2007', data: metrics2007 },
      { file: 'src/content/metrics/2008.yaml', slug: '2008', data: data2008, lineOf: lines.lineOf },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'src/content/metrics/2008.yaml',
      field: 'figures.16.counter',
    });
    expect(problems[0]?.message).toContain(
      '"inspections.septemberProblems" is counted in “项” / "problems" in 2008 ' +
        'but in “个” / "problems" in 2007 (src/content/metrics/2007.yaml)',
    );
    expect(problems[0]?.zh?.message).toContain(
      '“inspections.septemberProblems”在 2008 年以 “项” / "problems" 计，在 2007 年',
    );
    expect(problems[0]?.zh?.message).toContain('以 “个” / "problems" 计');
    expect(problems[0]?.zh?.fix).toContain('照 2007 年写 counter: { zh: 个, en: problems }');
  });
  test('only the English counter word differs: each year named with its own words, no self-contradiction', () => {
    const raw = raw2007();
    raw.year = 2008;
    figure(raw, 'fiveGood.units').counter = { zh: '家', en: 'offices' };
    const problems = figureFilesProblems([
      { file: 'src/content/metrics/2007.yaml', slug: '2007', data: metrics2007 },
      { file: 'src/content/metrics/2008.yaml', slug: '2008', data: metricsSchema.parse(raw) },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.zh?.message).toBe(
      '“fiveGood.units”在 2008 年以 “家” / "offices" 计，在 2007 年（src/content/metrics/2007.yaml）' +
        '以 “家” / "units" 计；同一个 id 每年必须是同一个量，用同样的量词',
    );
    expect(problems[0]?.message).toContain(
      'in “家” / "offices" in 2008 but in “家” / "units" in 2007',
    );
    expect(problems[0]?.fix).toContain('npm run figures -- rename 2008 fiveGood.units <new id>');
  });
  test('a figures file whose year does not match its name', () => {
    const problems = figureFilesProblems([
      { file: 'src/content/metrics/2008.yaml', slug: '2008', data: metrics2007, lineOf: () => 9 },
    ]);
    expect(problems).toEqual([
      {
        file: 'src/content/metrics/2008.yaml',
        line: 9,
        field: 'year',
        message: 'is 2007, but the file is named 2008',
        fix: 'rename the file to 2007.yaml, or correct the year',
        zh: { message: '是 2007，但文件名是 2008', fix: '把文件改名为 2007.yaml，或改正 year' },
      },
    ]);
  });
  test('a count without its counter word, a value missing', () => {
    const problems = problemsOf(
      figureYaml([
        '  - id: teams.total',
        '    label: { zh: 班组, en: teams }',
        '    kind: count',
        '    section: basics',
      ]),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['figures.0.counter', 'figures.0.value']);
  });
  test('the real 2007 file is sound', () => {
    expect(problemsOf(source2007, 'src/content/metrics/2007.yaml')).toEqual([]);
  });
});

describe('the editors’ guide examples (docs/editing.*.md, “7a”) work as written', () => {
  /** The guide's ```yaml blocks that start with `# figures:` / `# charts:`, as list items. */
  const examples = (file: string) =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /^```yaml\n# (figures|charts|cards):\n([\s\S]*?)^```/gm,
      ),
    ].map((m) => ({
      list: m[1] as 'figures' | 'charts' | 'cards',
      items: parse(m[2] ?? '') as unknown[],
      lines: (m[2] ?? '').trim().split('\n').length,
    }));
  const zh = examples('docs/editing.zh-CN.md');
  test('both languages give the same examples', () => {
    expect(zh.map((e) => e.list)).toEqual(['figures', 'figures', 'figures', 'charts']);
    expect(examples('docs/editing.en.md')).toEqual(zh);
  });
  test('added to 2007’s file, they pass the check and compute what the guide says', () => {
    const raw = raw2007();
    for (const example of zh) (raw[example.list] as unknown[]).push(...example.items);
    expect(problemsOf(stringify(raw), 'src/content/metrics/2007.yaml')).toEqual([]);
    const figures = yearFigures(metricsSchema.parse(raw));
    expect(figureOf(figures, 'teams.safetyModel').value).toBe(30);
    expect(figureOf(figures, 'teams.safetyModelRate').displayed).toBe(28); // 30 / 108 = 27.8
    expect(compareTarget(figures, 'targets.safetyModelTeams')).toMatchObject({
      status: 'met',
      marginPoints: 2.8,
    });
    expect(figures.charts.at(-1)?.id).toBe('safety');
  });
  test('the added figure counts 7 lines, and nothing else changes for it to be quoted', () => {
    const [added] = zh;
    expect(added?.lines).toBe(7);
  });
});
