// Nothing unfinished is published: every marker the tools write, in every collection, and English
// text that is still Chinese, refused by `npm run check` and by the build's loader with the same
// bilingual problem (file, line, field, fix), unless the entry or its year is a draft.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/run';
import type { CheckProblem } from '../../src/utils/problems';
import {
  isMostlyHan,
  needsTranslationMarker,
  toFill,
  toTranslate,
  unfinishedMarkers,
} from '../../src/model/unfinished';
import { reportFiles, unitFiles } from '../../src/editing/templates';
import { placeholders as importPlaceholders } from '../../src/import/report/render';
import { buildProblems, change, folders, site } from './model-site';

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

interface Edit {
  file: string;
  from: string | RegExp;
  to: string;
}

interface UnfinishedCase {
  title: string;
  edits: Edit[];
  /** The problem expected (its file, field and the words it must say), or `none`: the content passes this rule. */
  expect: { file: string; field: string; says: RegExp } | 'none';
}

const reportZh = 'src/content/reports/zh-cn/2007.mdx';
const reportEn = 'src/content/reports/en/2007.mdx';
const unitZh = 'src/content/units/zh-cn/2007/front-desk.mdx';
const unitEn = 'src/content/units/en/2007/front-desk.mdx';
const glossary = 'src/content/glossary/six-constants.yaml';
const metrics = 'src/content/metrics/2007.yaml';
const timeline = 'src/content/timelines/2007.yaml';
const eventZh = 'src/content/events/zh-cn/bonfire-party.yaml';
const eventEn = 'src/content/events/en/bonfire-party.yaml';
const photo = 'src/content/photos/bonfire.yaml';

const marker = (text: string) => new RegExp(`"${text.replace(/[#]/g, '\\$&')}"`);
const stillChinese = /English text that is still Chinese/;

/** Every marker of the one list, each in a collection of its own, plus each collection once more. */
const markerCases: UnfinishedCase[] = [
  {
    title: 'the needs-translation line left at the top of an English report',
    edits: [{ file: reportEn, from: /^---\n/, to: `---\n${needsTranslationMarker} 待翻译。\n` }],
    expect: { file: reportEn, field: '(translation)', says: marker(needsTranslationMarker) },
  },
  {
    title: '待填写 in a Chinese report slogan',
    edits: [{ file: reportZh, from: 'slogan: 打基础 强素质', to: `slogan: ${toFill.zh('口号')}` }],
    expect: { file: reportZh, field: 'slogan', says: marker('待填写') },
  },
  {
    title: '待翻译 in a glossary explanation',
    edits: [{ file: glossary, from: /en: Constant organising.*/, to: 'en: 待翻译' }],
    expect: { file: glossary, field: 'explanation.en', says: marker('待翻译') },
  },
  {
    title: 'TO FILL IN in an English unit name',
    edits: [
      { file: unitEn, from: 'name: Front desk team', to: `name: "${toFill.en('the name')}"` },
    ],
    expect: { file: unitEn, field: 'name', says: marker('TO FILL IN') },
  },
  {
    title: 'TO FILL (the photo importer’s word) in a photo credit',
    edits: [{ file: photo, from: 'en: Sample image\n', to: 'en: "TO FILL: credit"\n' }],
    expect: { file: photo, field: 'credit.en', says: marker('TO FILL') },
  },
  {
    title: 'TO TRANSLATE in an English report author (as the importer writes it)',
    edits: [{ file: reportEn, from: 'author: Author', to: `author: "${toTranslate('作者')}"` }],
    expect: { file: reportEn, field: 'author', says: marker('TO TRANSLATE') },
  },
  {
    title: 'TO FILL IN in an English report body line',
    edits: [
      {
        file: reportEn,
        from: '<Metric id="teams.total" /> teams took part.',
        to: `${toFill.en('write the text here.')}`,
      },
    ],
    expect: { file: reportEn, field: '(text)', says: marker('TO FILL IN') },
  },
  {
    title: '待填写 in a Chinese unit body',
    edits: [{ file: unitZh, from: '宾馆的前台班。', to: toFill.zh('在这里写亮点。') }],
    expect: { file: unitZh, field: '(text)', says: marker('待填写') },
  },
  {
    title: 'TO TRANSLATE in a figure label',
    edits: [{ file: metrics, from: 'en: Work teams }', to: `en: "${toTranslate('班组总数')}" }` }],
    expect: { file: metrics, field: 'figures.0.label.en', says: marker('TO TRANSLATE') },
  },
  {
    title: 'TO FILL IN in a chart caption',
    edits: [
      {
        file: metrics,
        from: "en: 'Figure 1. Work teams by grade ({metric:teams.total} teams)'",
        to: `en: "${toFill.en('the caption')}"`,
      },
    ],
    expect: { file: metrics, field: 'charts.0.caption.en', says: marker('TO FILL IN') },
  },
  {
    title: '待填写 in a timeline step',
    edits: [
      {
        file: timeline,
        from: 'zh: 检查发现 {metric:inspections.septemberProblems} 个问题。',
        to: `zh: ${toFill.zh('第三季度的工作')}`,
      },
    ],
    expect: { file: timeline, field: 'steps.0.text.zh', says: marker('待填写') },
  },
  {
    title: '待填写 in a Chinese event place',
    edits: [
      { file: eventZh, from: 'time: evening', to: `time: evening\nplace: ${toFill.zh('地点')}` },
    ],
    expect: { file: eventZh, field: 'place', says: marker('待填写') },
  },
  {
    title: 'TO FILL IN in an English event description',
    edits: [
      {
        file: eventEn,
        from: /description: .*/,
        to: `description: "${toFill.en('one sentence about the event')}"`,
      },
    ],
    expect: { file: eventEn, field: 'description', says: marker('TO FILL IN') },
  },
  {
    title: 'TO FILL IN in a photo alt text',
    edits: [
      {
        file: photo,
        from: 'en: Sample image standing in for the photo of the bonfire party',
        to: `en: "${toFill.en('what the photo shows')}"`,
      },
    ],
    expect: { file: photo, field: 'alt.en', says: marker('TO FILL IN') },
  },
];

const chineseCases: UnfinishedCase[] = [
  {
    title: 'an English heading that is Chinese',
    edits: [{ file: reportEn, from: '## 1. Basics {#basics}', to: '## 一、基本做法 {#basics}' }],
    expect: { file: reportEn, field: '(heading)', says: stillChinese },
  },
  {
    title: 'an English paragraph that is Chinese',
    edits: [
      {
        file: reportEn,
        from: 'rotates its team leaders.',
        to: '推行轮值班长制，每个班组的班长由组员轮流担任。',
      },
    ],
    expect: { file: reportEn, field: '(text)', says: stillChinese },
  },
  {
    title: 'an English unit paragraph that is Chinese',
    edits: [{ file: unitEn, from: "The hotel's front desk team.", to: '宾馆的前台班。' }],
    expect: { file: unitEn, field: '(text)', says: stillChinese },
  },
  {
    title: 'an English photo caption that is Chinese',
    edits: [{ file: photo, from: 'en: The bonfire party.', to: 'en: 篝火晚会。' }],
    expect: { file: photo, field: 'caption.en', says: stillChinese },
  },
  {
    title: 'an English photo alt text that is Chinese',
    edits: [
      {
        file: photo,
        from: 'en: Sample image standing in for the photo of the bonfire party',
        to: 'en: 示例图片，代替篝火晚会的照片',
      },
    ],
    expect: { file: photo, field: 'alt.en', says: stillChinese },
  },
  {
    title: 'an English report title (frontmatter) that is Chinese',
    edits: [{ file: reportEn, from: 'title: Test report', to: 'title: 测试年度总结' }],
    expect: { file: reportEn, field: 'title', says: stillChinese },
  },
  {
    title: 'an English event title (frontmatter of a YAML entry) that is Chinese',
    edits: [{ file: eventEn, from: 'title: Bonfire party', to: 'title: 篝火晚会' }],
    expect: { file: eventEn, field: 'title', says: stillChinese },
  },
  {
    title: "a glossary term's English that is Chinese",
    edits: [{ file: glossary, from: 'en: Six Constants', to: 'en: 六常法' }],
    expect: { file: glossary, field: 'en', says: stillChinese },
  },
  {
    title: 'an English figure label that is Chinese',
    edits: [{ file: metrics, from: 'en: Work teams }', to: 'en: 班组总数 }' }],
    expect: { file: metrics, field: 'figures.0.label.en', says: stillChinese },
  },
  {
    title: 'an English timeline step that is Chinese',
    edits: [
      {
        file: timeline,
        from: 'en: The inspection found {metric:inspections.septemberProblems} problems.',
        to: 'en: 检查发现 {metric:inspections.septemberProblems} 个问题。',
      },
    ],
    expect: { file: timeline, field: 'steps.0.text.en', says: stillChinese },
  },
];

const passingCases: UnfinishedCase[] = [
  {
    title: 'a name beside its English: "the Hotel (平果铝宾馆)"',
    edits: [
      {
        file: unitEn,
        from: "The hotel's front desk team.",
        to: 'The front desk of the Hotel (平果铝宾馆).',
      },
    ],
    expect: 'none',
  },
  {
    title:
      'the boundary: as many Han characters as Latin letters passes ("Hotel 平果铝宾馆": 5 and 5)',
    edits: [{ file: unitEn, from: 'name: Front desk team', to: 'name: Hotel 平果铝宾馆' }],
    expect: 'none',
  },
  {
    title: 'Chinese in the Chinese fields of a file of both languages',
    edits: [{ file: photo, from: 'zh: 篝火晚会。', to: 'zh: 迎新春篝火晚会，职工围着篝火跳舞。' }],
    expect: 'none',
  },
  {
    title: '"to fill in" in an English sentence is English, not a marker',
    edits: [
      {
        file: unitEn,
        from: "The hotel's front desk team.",
        to: 'The front desk helps guests to fill in forms.',
      },
    ],
    expect: 'none',
  },
];

const boundaryFailing: UnfinishedCase = {
  title:
    'the boundary: one Han character more than Latin letters fails ("Hotel 平果铝业宾馆": 6 and 5)',
  edits: [{ file: unitEn, from: 'name: Front desk team', to: 'name: Hotel 平果铝业宾馆' }],
  expect: { file: unitEn, field: 'name', says: /6 Han characters, 5 Latin letters/ },
};

async function problemsOf(edits: ReadonlyArray<Edit>) {
  const root = await site();
  for (const edit of edits) await change(root, edit.file, edit.from, edit.to);
  return {
    root,
    built: await buildProblems(root),
    checked: (await checkContent(root)).problems,
  };
}

const unfinishedProblem = (problem: CheckProblem) =>
  /placeholder the tools wrote|still Chinese/.test(problem.message);

describe('an unfinished text in a published year fails npm run check and the build, with its message', () => {
  for (const bad of [...markerCases, ...chineseCases, boundaryFailing]) {
    test(
      bad.title,
      async () => {
        if (bad.expect === 'none') throw new Error('a failing case names its problem');
        const expected = bad.expect;
        const { root, built, checked } = await problemsOf(bad.edits);
        const matches = (problem: CheckProblem) =>
          problem.file === expected.file &&
          problem.field === expected.field &&
          expected.says.test(problem.message);
        const builtProblem = built.find(matches);
        expect(
          builtProblem,
          `the build misses it:\n${JSON.stringify(built, null, 1)}`,
        ).toBeDefined();
        expect(checked.find(matches)).toEqual(builtProblem);
        // In both languages, with the line the editor looks at and what to do.
        expect(builtProblem?.zh.message).toMatch(/占位标记|还是中文/);
        expect(builtProblem?.fix).toBeTruthy();
        const lines = (await readFile(join(root, expected.file), 'utf8')).split('\n');
        const line = builtProblem?.line ?? 0;
        expect(line).toBeGreaterThan(0);
        const edited = bad.edits.find((edit) => edit.file === expected.file);
        const written =
          edited?.to
            .split('\n')
            .at(-1)
            ?.replace(/^\s*\w+: /, '')
            .slice(0, 6) ?? '';
        expect(lines[line - 1], `line ${line} of ${expected.file}`).toContain(written);
      },
      60_000,
    );
  }
});

describe('what is not unfinished passes', () => {
  for (const good of passingCases) {
    test(
      good.title,
      async () => {
        const { built, checked } = await problemsOf(good.edits);
        expect(built.filter(unfinishedProblem)).toEqual([]);
        expect(checked.filter(unfinishedProblem)).toEqual([]);
      },
      60_000,
    );
  }

  test('the fixture site passes as it is', async () => {
    const { built, checked } = await problemsOf([]);
    expect(built).toEqual([]);
    expect(checked).toEqual([]);
  }, 60_000);
});

describe('drafts still show in npm run dev: a draft entry or a draft year is not refused', () => {
  test('a draft unit keeps its markers and Chinese', async () => {
    const { built, checked } = await problemsOf([
      { file: unitZh, from: 'sections: [basics]', to: 'sections: [basics]\ndraft: true' },
      { file: unitEn, from: 'sections: [basics]', to: 'sections: [basics]\ndraft: true' },
      { file: unitEn, from: 'name: Front desk team', to: `name: "${toTranslate('前台班')}"` },
      { file: unitEn, from: "The hotel's front desk team.", to: '宾馆的前台班。' },
    ]);
    expect(built.filter(unfinishedProblem)).toEqual([]);
    expect(checked.filter(unfinishedProblem)).toEqual([]);
  }, 60_000);

  test('a draft year: its report, figures, timeline, events and photos, not the glossary', async () => {
    const draft = (file: string) => ({ file, from: /\n---\n/, to: '\ndraft: true\n---\n' });
    const { built, checked } = await problemsOf([
      ...[reportZh, reportEn, unitZh, unitEn].map(draft),
      ...['src/content/units/zh-cn/2007/hotel.mdx', 'src/content/units/en/2007/hotel.mdx'].map(
        draft,
      ),
      { file: reportEn, from: 'author: Author', to: `author: "${toTranslate('作者')}"` },
      { file: metrics, from: 'en: Work teams }', to: `en: "${toTranslate('班组总数')}" }` },
      { file: timeline, from: /en: The inspection.*/, to: 'en: 检查发现了问题。' },
      { file: eventEn, from: 'title: Bonfire party', to: 'title: 篝火晚会' },
      { file: photo, from: 'en: The bonfire party.', to: `en: "${toFill.en('the caption')}"` },
      { file: glossary, from: 'en: Six Constants', to: 'en: 六常法' },
    ]);
    for (const problems of [built, checked])
      expect(problems.filter(unfinishedProblem).map((p) => `${p.file} ${p.field}`)).toEqual([
        `${glossary} en`,
      ]);
  }, 60_000);
});

describe('"mostly Han": more Han characters than Latin letters', () => {
  test.each([
    ['the Hotel (平果铝宾馆)', false],
    ['Hotel 平果铝宾馆', false], // 5 and 5: equal passes
    ['Hotel 平果铝业宾馆', true], // 6 and 5
    ['第一季度 Q1', true],
    ['12, 34 — 56', false], // neither: nothing to translate
    ['推行轮值班长制。', true],
    ['The Six Constants (六常法) method', false],
  ])('%s → %s', (text, mostlyHan) => {
    expect(isMostlyHan(text)).toBe(mostlyHan);
  });
});

describe('the tools write only markers the rule knows', () => {
  const known = (text: string) => unfinishedMarkers.some((m) => text.includes(m.text));
  test('every placeholder of npm run new is a marker', () => {
    const files = [
      ...reportFiles(2031),
      ...unitFiles({ slug: 'x', nameZh: '某单位', nameEn: 'Some unit', kind: 'team', year: 2031 }),
    ];
    const report = files.find((file) => file.path.endsWith('zh-cn/2031.mdx'))?.content ?? '';
    for (const field of ['slogan', 'author', 'authorRole', 'summary', '  source'])
      expect(
        known(report.split('\n').find((line) => line.startsWith(`${field}:`)) ?? ''),
        field,
      ).toBe(true);
    const reportEnglish = files.find((file) => file.path.endsWith('en/2031.mdx'))?.content ?? '';
    expect(known(reportEnglish.split('\n').find((l) => l.startsWith('  translation:')) ?? '')).toBe(
      true,
    );
  });
  test("every placeholder of npm run import's report is a marker", () => {
    for (const text of Object.values(importPlaceholders)) expect(known(text), text).toBe(true);
  });
});
