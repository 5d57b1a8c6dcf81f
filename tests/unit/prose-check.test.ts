// Figures typed into any text that reaches a page, read as a reader sees them and checked against the data.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  checkProse,
  contentTexts,
  findContradictingFigures,
  findFigureLiterals,
  parseChineseNumber,
  parseEnglishNumber,
  type ProseEntry,
  type ProseText,
} from '../../src/figures/prose-check';
import { metricsOf } from './content-helpers';

const metrics = metricsOf(2007);
const tables = new Map([[2007, metrics]]);
const mdx = (text: string): ProseText => ({
  file: 'src/content/units/zh-cn/hotel.mdx',
  line: 1,
  field: '(prose)',
  text,
  year: 2007,
  quote: 'metric-component',
});
const literal = (source: string) =>
  findFigureLiterals(source).map((l) => [l.kind, l.value, l.counter ?? null]);

describe('numbers as a reader sees them', () => {
  test('finds hand-typed percentages and counts, with their lines and counter words', () => {
    const source =
      '---\nyear: 2007\n---\n\n优秀班组71个，占67％。\nIn all, 99 offices and 18 problems; 41% of them.';
    expect(
      findFigureLiterals(source).map((l) => [l.line, l.kind, l.value, l.counter ?? null]),
    ).toEqual([
      [5, 'percent', 67, null],
      [5, 'count', 71, '个'],
      [6, 'percent', 41, null],
      [6, 'count', 99, 'office'],
      [6, 'count', 18, 'problem'],
    ]);
  });
  test('full-width digits, Chinese numerals, entities and split markup', () => {
    expect(literal('６７％')).toEqual([['percent', 67, null]]);
    expect(literal('六十七％')).toEqual([['percent', 67, null]]);
    expect(literal('百分之六十七')).toEqual([['percent', 67, null]]);
    expect(literal('67&#37;')).toEqual([['percent', 67, null]]);
    expect(literal('67&percnt;')).toEqual([['percent', 67, null]]);
    expect(literal('{67}%')).toEqual([['percent', 67, null]]);
    expect(literal("{'67'}%")).toEqual([['percent', 67, null]]);
    expect(literal('6<span>7</span>%')).toEqual([['percent', 67, null]]);
    expect(literal('109個')).toEqual([['count', 109, '个']]);
    expect(literal('３０个')).toEqual([['count', 30, '个']]);
    expect(literal('三十个班组')).toEqual([['count', 30, '个']]);
    expect(literal('一百零八个')).toEqual([['count', 108, '个']]);
  });
  test('English: "percent", number words', () => {
    expect(literal('67 percent')).toEqual([['percent', 67, null]]);
    expect(literal('sixty-seven per cent')).toEqual([['percent', 67, null]]);
    expect(literal('seventy-two excellent teams')).toEqual([['count', 72, 'team']]);
    expect(parseEnglishNumber('one hundred and eight')).toBe(108);
    expect(parseChineseNumber('十八')).toBe(18);
  });
  test('ignores figures written with <Metric> or {metric:id}, dates, ordinary words and compounds', () => {
    const source =
      '2007年1月，<Metric id="teams.total" />个班组；{metric:teams.total}个；' +
      'the 2007 team-building work; 为期三天；一个班组；15.7个百分点；one team.';
    expect(findFigureLiterals(source)).toEqual([]);
  });
});

describe('checkProse', () => {
  test(
    'a typed figure equal to a figure must be written as <Metric> ' +
      '(it may mean another figure: zh 99% for the excellent rate)',
    () => {
      const [problem] = checkProse([mdx('第一行\n优秀班组占99%。')], tables);
      expect(problem).toMatchObject({
        file: 'src/content/units/zh-cn/hotel.mdx',
        line: 2,
        field: '(prose)',
      });
      expect(problem?.message).toBe(
        '"99%" is typed by hand; it equals teams.qualifiedRate, but a typed number cannot follow the data',
      );
      expect(problem?.fix).toBe(
        'write <Metric id="teams.qualifiedRate" /> instead, for the figure you mean',
      );
      expect(problem?.zh?.fix).toBe(
        '改写成 <Metric id="teams.qualifiedRate" />（选你要引用的那个数字）',
      );
    },
  );
  test('a figure that matches none: declare it first — never a suggestion to use an unrelated figure', () => {
    const [problem] = checkProse([mdx('安全标杆班组30个。')], tables);
    expect(problem?.message).toBe('"30个" is typed by hand and matches no figure of 2007');
    expect(problem?.fix).toBe(
      'add it to 2007\'s figures file (src/content/metrics/2007.yaml) as a figure, then write <Metric id="…" />',
    );
    expect(problem?.zh?.fix).toBe(
      '把它作为一个数字加进 2007 年的数字文件（src/content/metrics/2007.yaml），再写 <Metric id="…" />',
    );
  });
  test('the counter word counts: 21家 is the units figure, 21人 is no figure', () => {
    expect(checkProse([{ ...mdx('共21家。'), quote: 'none' }], tables)).toEqual([]);
    expect(checkProse([{ ...mdx('共21人。'), quote: 'none' }], tables)[0]?.message).toBe(
      '"21人" is typed by hand and matches no figure of 2007',
    );
  });
  test('every disguise of 67% is caught', () => {
    for (const text of [
      '６７％',
      '六十七％',
      '67&#37;',
      '{67}%',
      '6<span>7</span>%',
      '67 percent',
      'sixty-seven percent',
    ]) {
      expect(checkProse([mdx(text)], tables), text).toHaveLength(1);
    }
  });
  test('quoted ids that the year does not declare, with the year’s ids', () => {
    const [problem] = checkProse(
      [
        mdx('<Metric id="teams.everything" />'),
        { ...mdx('{metric:teams.all}'), quote: 'placeholder' },
      ],
      tables,
    );
    expect(problem?.message).toBe(
      'quotes the figure "teams.everything", which src/content/metrics/2007.yaml does not declare',
    );
    expect(problem?.fix).toContain('use one of its ids: teams.total, teams.excellent,');
    expect(
      checkProse([{ ...mdx('{metric:teams.all}'), quote: 'placeholder' }], tables),
    ).toHaveLength(1);
  });
  test('catches an edited copy of the real report, on its line', () => {
    const real = readFileSync('src/content/reports/zh-cn/2007.mdx', 'utf8');
    const edited = real.replace('<Metric id="teams.excellentRate" />', '67%');
    const problems = findContradictingFigures('2007.mdx', edited, metrics, 2007);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(
      edited.split('\n').findIndex((line) => line.includes('67%')) + 1,
    );
  });
});

describe('contentTexts: every text that reaches a page', () => {
  const entries = [
    {
      collection: 'glossary',
      file: 'src/content/glossary/team.yaml',
      source: '',
      data: {
        zh: '班组',
        en: 'team',
        explanation: { zh: '公司2007年共有109个班组。', en: 'The company had 108 teams in 2007.' },
      },
      lineOf: (path: ReadonlyArray<PropertyKey>) => (path.at(-1) === 'zh' ? 5 : 6),
    },
    {
      collection: 'events',
      file: 'src/content/events/en/run.yaml',
      source: '',
      data: { title: 'Run', date: new Date('2008-01-18'), description: '30 teams ran.' },
    },
    {
      collection: 'timelines',
      file: 'src/content/timelines/2007.yaml',
      source: '',
      data: {
        year: 2007,
        steps: [
          {
            text: {
              zh: '发现了１８个问题。',
              en: 'Found {metric:inspections.septemberProblems} problems.',
            },
          },
        ],
      },
    },
    {
      collection: 'metrics',
      file: 'src/content/metrics/2007.yaml',
      source: '',
      data: {
        year: 2007,
        figures: [{ label: { zh: '18个', en: 'x' } }],
        charts: [{ caption: { zh: '图1　共108个班组', en: 'Figure 1' } }],
        cards: [],
      },
    },
  ];
  const problems = checkProse(contentTexts(entries, [2007]), tables);
  test('glossary, events, timeline and figure captions are all checked, with file, line and field', () => {
    expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
      [
        'src/content/glossary/team.yaml',
        'explanation.zh',
        '"109个" is typed by hand and matches no figure of 2007',
      ],
      [
        'src/content/events/en/run.yaml',
        'description',
        '"30 teams" is typed by hand and matches no figure of 2007',
      ],
      [
        'src/content/timelines/2007.yaml',
        'steps.0.text.zh',
        '"18个" is typed by hand; it equals inspections.septemberProblems, but a typed number cannot follow the data',
      ],
      [
        'src/content/metrics/2007.yaml',
        'charts.0.caption.zh',
        '"108个" is typed by hand; it equals teams.total, but a typed number cannot follow the data',
      ],
    ]);
    expect(problems[0]?.line).toBe(5);
    expect(problems[2]?.fix).toBe(
      'write {metric:inspections.septemberProblems} instead, for the figure you mean',
    );
  });
});

describe('descriptions are not figures: a photo or event text may count what the picture shows', () => {
  const check = (collection: 'photos' | 'events' | 'reports', text: string) => {
    const entry: ProseEntry =
      collection === 'reports'
        ? {
            collection,
            file: 'src/content/reports/en/2007.mdx',
            source: text,
            data: { year: 2007 },
          }
        : collection === 'events'
          ? {
              collection,
              file: 'src/content/events/en/run.yaml',
              source: '',
              data: { title: 'Run', year: 2007, date: new Date('2008-01-31'), description: text },
            }
          : {
              collection,
              file: 'src/content/photos/run.yaml',
              source: '',
              data: { year: 2007, alt: { zh: '照片', en: text } },
            };
    return checkProse(contentTexts([entry], [2007]), tables);
  };

  test.each([
    ['photos', 'More than twenty people dance around the bonfire.'],
    ['photos', 'About 30 runners set off from the gate.'],
    ['photos', 'About 30 people watch the match.'],
    ['photos', '30 people watch the match.'],
    ['photos', 'Nearly forty people on the stage.'],
    ['photos', '二十多人围着篝火跳舞。'],
    ['photos', '近百人观看比赛。'],
    ['photos', '三十余名运动员起跑。'],
    ['photos', '约30人参加长跑。'],
    ['events', 'Some 50 teams ran in the race.'],
    ['events', '上百名职工参加。'],
  ] as const)('%s: "%s" passes', (collection, text) => {
    expect(check(collection, text)).toEqual([]);
  });

  test('a report figure in a photo text is still checked, and the fix never sends the editor to the report', () => {
    for (const text of [
      '30 teams took part.',
      '67% of the teams were excellent.',
      '共有30个班组。',
    ]) {
      const problems = check('photos', text);
      expect(problems, text).toHaveLength(1);
      expect(problems[0]?.fix).toMatch(/what the picture shows/);
      expect(`${problems[0]?.fix} ${problems[0]?.zh?.fix}`).not.toMatch(/report|summary|年度总结/);
    }
  });

  test('report text keeps its strictness: an estimate of people is still a hand-typed figure there', () => {
    expect(check('reports', 'More than twenty people took part.')).toHaveLength(1);
    expect(check('reports', '近百人参加。')).toHaveLength(1);
  });
});
