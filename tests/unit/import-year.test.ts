// "The rest of the year comes along" with `npm run import -- report`: the front matter lines, the
// timeline drafted from dated sentences, and the units the text names, each in-process.
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readPlainText } from '../../src/import/report/text-reader';
import { earlierUnitsOf, unitDrafts } from '../../src/import/report/unit-drafts-fs';
import { checkedSteps } from '../../src/import/report/timeline-check';
import { projectRoot } from '../support/build-site';
import { importReport } from '../../src/import/report/import-report';
import { frontDate, structure } from '../../src/import/report/structure';
import {
  draftTimeline,
  renderTimelineFile,
  sentenceDate,
  sentencesOf,
} from '../../src/import/report/timeline';
import {
  findUnitNames,
  linkUnitNames,
  unitNameForms,
  type EarlierUnit,
} from '../../src/import/report/units';
import type { BoundNode } from '../../src/import/report/render';
import { timelineSchema } from '../../src/schemas/timeline';
import type { Block } from '../../src/import/report/blocks';

const paragraphs = (...texts: string[]): Block[] =>
  texts.map((text) => ({ type: 'paragraph', text }));

/** The 2007 units, as their files give them (src/content/units/zh-cn/2007/). */
const units2007: EarlierUnit[] = [
  { slug: 'hotel', name: '平果铝宾馆', kind: 'business-unit' },
  { slug: 'hospital', name: '平果铝医院', kind: 'business-unit' },
  { slug: 'aluminium-alloy-plant', name: '铝合金厂', kind: 'business-unit' },
  {
    slug: 'alloy-production-team-1',
    name: '生产一班',
    kind: 'team',
    parent: 'aluminium-alloy-plant',
  },
  { slug: 'living-services-company', name: '生活服务公司', kind: 'business-unit' },
  {
    slug: 'purified-water-plant',
    name: '纯净水厂',
    kind: 'business-unit',
    parent: 'living-services-company',
  },
  { slug: 'industrial-company', name: '实业公司', kind: 'business-unit' },
  { slug: 'industry-management-department', name: '实业管理部', kind: 'department' },
];

describe('front matter lines', () => {
  test('口号：/主题：/标语： lines are the slogan, with either colon, quotes dropped, never a body paragraph', () => {
    for (const line of [
      '口号：夯实基础 提升素质',
      '主题: 夯实基础 提升素质',
      '标语：“夯实基础 提升素质”',
    ]) {
      const doc = structure(
        paragraphs('平果铝业公司2008年度班组建设工作总结', line, '一、基本做法', '正文。'),
      );
      expect(doc.front.slogan, line).toBe('夯实基础 提升素质');
      expect(JSON.stringify(doc.body), line).not.toContain('提升素质');
    }
  });

  test('a labelled slogan line after the first section is taken too; a long 主题 sentence is not', () => {
    const doc = structure(
      paragraphs(
        '一、基本做法',
        '口号：抓基础 求实效',
        '主题：各单位围绕安全生产开展了活动。班组长参加了培训，效果很好。',
      ),
    );
    expect(doc.front.slogan).toBe('抓基础 求实效');
    expect(doc.body.filter((n) => n.type === 'paragraph')).toHaveLength(1);
  });

  test('labelled title, author (with or without a role) and date lines; dates in Chinese numerals', () => {
    const doc = structure(
      paragraphs(
        '标题：平果铝业公司2008年度班组建设工作总结',
        '作者：公司党委副书记 李兵',
        '日期：二〇〇九年一月二十日',
        '一、基本做法',
        '正文。',
      ),
    );
    expect(doc.front).toEqual({
      title: '平果铝业公司2008年度班组建设工作总结',
      author: '李兵',
      authorRole: '公司党委副书记',
      date: '2009-01-20',
    });
    expect(structure(paragraphs('作者：王芳', '一、基本做法')).front.author).toBe('王芳');
    expect(frontDate('2008年2月30日')).toBeUndefined();
    expect(frontDate('二〇〇八年十二月三十一日')).toBe('2008-12-31');
  });

  test('without such lines the front matter stays empty (the placeholders stay as before)', () => {
    expect(structure(paragraphs('一、基本做法', '正文。')).front).toEqual({});
  });
});

describe('the timeline drafted from dated sentences', () => {
  test('a month gives month and quarter; 第三季度/三季度 give the quarter; the date phrase leaves the text', () => {
    expect(sentenceDate('2008年3月，公司召开了班组建设推进会。', 2008)).toEqual({
      quarter: 1,
      month: 3,
      rest: '公司召开了班组建设推进会。',
    });
    expect(sentenceDate('9月份开展三季度检查。', 2008)).toEqual({
      quarter: 3,
      month: 9,
      rest: '开展三季度检查。',
    });
    expect(sentenceDate('第三季度，各单位开展自查。', 2008)).toMatchObject({ quarter: 3 });
    expect(sentenceDate('三季度，各单位开展自查。', 2008)).toMatchObject({ quarter: 3 });
    expect(sentenceDate('十一月，公司验收。', 2008)).toMatchObject({ quarter: 4, month: 11 });
    expect(sentenceDate('公司于6月召开了推进会。', 2008)).toEqual({
      quarter: 2,
      month: 6,
      rest: '公司于6月召开了推进会。',
    });
  });

  test('never a date the sentence does not give: durations, topics, other years, half years', () => {
    for (const sentence of [
      '经过三个月的努力，班组面貌一新。',
      '公司对各单位一季度班组建设工作进行了检查。',
      '2007年12月的检查发现了一些问题。',
      '上半年，公司总结了经验。',
      '复检2007年度公司优秀班组。',
      '每月开展一次检查。',
      '3至5月，各单位开展自查。',
    ])
      expect(sentenceDate(sentence, 2008), sentence).toBeUndefined();
  });

  test('sentences are split at 。！？ with their closing quotes, and clauses at ；', () => {
    expect(sentencesOf('一季度，开展“五比”。二季度，检查；六月，召开推进会！其余')).toEqual([
      '一季度，开展“五比”。',
      '二季度，检查。',
      '六月，召开推进会！',
      '其余',
    ]);
  });

  test('the 2007 magazine text drafts the published 2007 timeline: each step in its quarter and month', async () => {
    const { blocks, captions } = readPlainText(
      readFileSync(join(projectRoot, 'sources/2007/magazine-spread.txt'), 'utf8'),
    );
    const result = await importReport({
      year: 2007,
      sourceName: 'magazine-spread.txt',
      blocks,
      images: [],
      captions,
    });
    const published = parse(
      readFileSync(join(projectRoot, 'src/content/timelines/2007.yaml'), 'utf8'),
    );
    const when = (step: { quarter: number; month?: number }) => [step.quarter, step.month];
    expect(result.timelineSteps.map(when)).toEqual(published.steps.map(when));
    expect(result.timelineSteps.every((step) => step.section === 'basics')).toBe(true);
    expect(result.timelineSteps[0]?.zh).toBe(published.steps[0].text.zh);
    expect(result.timelineSteps[5]?.zh).toMatch(
      /^开展了三季度检查，并对检查中所发现的\{metric:[A-Za-z0-9.]+\}个问题提出了整改意见。$/,
    );
  });

  test('steps come in time order with their section; figures are quoted as {metric:id}', () => {
    const nodes: BoundNode[] = [
      { type: 'heading', level: 2, anchor: 'basics', segments: ['一、基本做法'] },
      {
        type: 'paragraph',
        segments: [
          '9月，开展三季度检查，发现',
          { metric: 'inspections.problems' },
          '个问题。2008年1月，公司召开动员会。没有日期的句子。',
        ],
      },
      { type: 'heading', level: 2, anchor: 'problems', segments: ['二、问题'] },
      { type: 'list', items: [{ number: 1, segments: ['二季度，公司举办培训。'] }] },
    ];
    const steps = draftTimeline(nodes, 2008);
    expect(steps).toEqual([
      { quarter: 1, month: 1, section: 'basics', zh: '公司召开动员会。' },
      { quarter: 2, section: 'problems', zh: '公司举办培训。' },
      {
        quarter: 3,
        month: 9,
        section: 'basics',
        zh: '开展三季度检查，发现{metric:inspections.problems}个问题。',
      },
    ]);
    const file = parse(renderTimelineFile(2008, '2008.docx', steps));
    expect(timelineSchema.safeParse(file).success).toBe(true);
    expect(file.steps[0].text).toEqual({
      zh: '公司召开动员会。',
      en: 'TO TRANSLATE: 公司召开动员会。',
    });
  });

  test('a drafted step the check would refuse is left out and listed, never stopping the import', () => {
    const steps = [
      { quarter: 1, section: 'basics', zh: '公司召开动员会。' },
      { quarter: 3, section: 'basics', zh: '检查发现问题30个。' },
    ];
    const checked = checkedSteps(steps, (s) => renderTimelineFile(2008, 'a.docx', s), {}, 2008);
    expect(checked.kept).toEqual([steps[0]]);
    expect(checked.left.map((left) => left.step)).toEqual([steps[1]]);
    expect(checked.left[0]?.problem.message).toMatch(/30/);
  });

  test('no dated sentence: an empty timeline that says so, valid against the schema', () => {
    const text = renderTimelineFile(2008, '2008.docx', []);
    expect(text).toContain('没有写明月份或季度的句子');
    expect(text).toContain('no sentence that names a month or quarter');
    expect(timelineSchema.parse(parse(text))).toEqual({ year: 2008, steps: [] });
  });
});

describe('units the text names', () => {
  test('a unit is found by its name, its name without 平果铝, and its parent and name together', () => {
    expect(unitNameForms(units2007[0] as EarlierUnit, units2007)).toEqual(['平果铝宾馆', '宾馆']);
    const purified = units2007.find((u) => u.slug === 'purified-water-plant') as EarlierUnit;
    expect(unitNameForms(purified, units2007)).toEqual(['生活服务公司纯净水厂', '纯净水厂']);
    const hits = (text: string) => findUnitNames(text, units2007).map((hit) => hit.slug);
    expect(hits('平果铝宾馆推行轮值班长制，宾馆员工好评。')).toEqual(['hotel', 'hotel']);
    expect(hits('生活服务公司纯净水厂的班组')).toEqual(['purified-water-plant']);
    expect(hits('实业管理部和实业公司')).toEqual([
      'industry-management-department',
      'industrial-company',
    ]);
    expect(hits('氧化铝厂的班组')).toEqual([]);
    // A short form two units share names neither; a parent loop in the content ends.
    const twoHotels: EarlierUnit[] = [
      { slug: 'hotel', name: '平果铝宾馆', kind: 'business-unit' },
      { slug: 'other-hotel', name: '平铝宾馆', kind: 'business-unit' },
    ];
    expect(findUnitNames('宾馆员工', twoHotels)).toEqual([]);
    const loop: EarlierUnit[] = [
      { slug: 'a', name: '甲厂', kind: 'business-unit', parent: 'b' },
      { slug: 'b', name: '乙厂', kind: 'business-unit', parent: 'a' },
    ];
    expect(unitNameForms(loop[0] as EarlierUnit, loop)).toEqual(['乙厂甲厂', '甲厂']);
  });

  test("a team's common name counts only where its parent is named in the same paragraph", () => {
    expect(findUnitNames('生产一班获得奖状。', units2007)).toEqual([]);
    const hits = (text: string) => findUnitNames(text, units2007).map((hit) => hit.slug);
    expect(hits('铝合金厂以建设学习型班组为重点。生产一班获得奖状。')).toEqual([
      'aluminium-alloy-plant',
      'alloy-production-team-1',
    ]);
    // Parent and name together are the team's full name, as 生活服务公司纯净水厂 is the plant's.
    expect(hits('铝合金厂生产一班获得奖状。')).toEqual(['alloy-production-team-1']);
  });

  test('the first name in each paragraph is linked, headings never; sections are collected', () => {
    const nodes: BoundNode[] = [
      { type: 'heading', level: 2, anchor: 'highlights', segments: ['三、平果铝宾馆的亮点'] },
      {
        type: 'paragraph',
        segments: ['平果铝宾馆有', { metric: 'hotel.teams' }, '个班组，宾馆员工好评。'],
      },
    ];
    const { nodes: linked, named } = linkUnitNames(nodes, units2007);
    expect(linked[0]).toEqual(nodes[0]);
    expect(linked[1]).toEqual({
      type: 'paragraph',
      segments: [
        { unit: 'hotel', text: '平果铝宾馆' },
        '有',
        { metric: 'hotel.teams' },
        '个班组，宾馆员工好评。',
      ],
    });
    expect(named).toEqual([{ slug: 'hotel', sections: ['highlights'], foundAs: '平果铝宾馆' }]);
  });
});

describe('the import writes the rest of the year', () => {
  const document = paragraphs(
    '平果铝业公司2008年度班组建设工作总结',
    '口号：抓基础 求实效',
    '一、基本做法',
    '2008年3月，公司召开班组建设推进会。平果铝宾馆推行轮值班长制，氧化铝厂新建班组。',
    '三季度，公司开展检查。',
    '公司党委副书记 李兵',
  );

  test('slogan in the front matter, <UnitLink> in both languages, the timeline and the units named', async () => {
    const result = await importReport({
      year: 2008,
      sourceName: '2008.docx',
      blocks: document,
      images: [],
      captions: [],
      earlierUnits: units2007,
    });
    expect(result.problems).toEqual([]);
    expect(result.zh).toMatch(/^slogan: "抓基础 求实效"$/m);
    expect(result.zh).not.toMatch(/^口号/m);
    expect(result.en).toMatch(/^slogan: "TO TRANSLATE: 抓基础 求实效"$/m);
    for (const file of [result.zh, result.en])
      expect(file).toContain('<UnitLink unit="hotel">平果铝宾馆</UnitLink>推行轮值班长制');
    expect(result.units.map((unit) => unit.slug)).toEqual(['hotel']);
    expect(result.timelineSteps).toEqual([
      { quarter: 1, month: 3, section: 'basics', zh: '公司召开班组建设推进会。' },
      { quarter: 3, section: 'basics', zh: '公司开展检查。' },
    ]);
    expect(timelineSchema.safeParse(parse(result.timeline)).success).toBe(true);
  });

  test('without earlier units nothing is linked, and the import is as before', async () => {
    const result = await importReport({
      year: 2008,
      sourceName: '2008.docx',
      blocks: document,
      images: [],
      captions: [],
    });
    expect(result.zh).not.toContain('<UnitLink');
    expect(result.units).toEqual([]);
  });
});

describe("the units' draft entries for the year", () => {
  test("name, kind and parent carried over from the unit's files; the parent too; an existing file kept", async () => {
    const root = await mkdtemp(join(tmpdir(), 'nianjian-unit-drafts-'));
    try {
      await cp(join(projectRoot, 'src/content/units'), join(root, 'src/content/units'), {
        recursive: true,
      });
      const earlier = await earlierUnitsOf(root, 2008);
      expect(earlier.find((unit) => unit.slug === 'purified-water-plant')).toEqual({
        slug: 'purified-water-plant',
        name: '纯净水厂',
        kind: 'business-unit',
        parent: 'living-services-company',
      });
      // A unit already written for 2008 (by hand, say) is never replaced.
      await mkdir(join(root, 'src/content/units/zh-cn/2008'), { recursive: true });
      await writeFile(
        join(root, 'src/content/units/zh-cn/2008/hotel.mdx'),
        '---\nname: 宾馆\n---\n',
      );
      const drafts = await unitDrafts(
        root,
        2008,
        [
          { slug: 'purified-water-plant', sections: ['problems'], foundAs: '生活服务公司纯净水厂' },
          { slug: 'hotel', sections: ['highlights'], foundAs: '平果铝宾馆' },
        ],
        earlier,
        'teams.count',
      );
      expect(drafts.kept).toEqual(['hotel']);
      expect(drafts.created).toEqual([
        { slug: 'purified-water-plant', name: '纯净水厂' },
        {
          slug: 'living-services-company',
          name: '生活服务公司',
          forParent: 'purified-water-plant',
        },
      ]);
      expect(drafts.files.map((file) => file.path)).toEqual([
        'src/content/units/zh-cn/2008/purified-water-plant.mdx',
        'src/content/units/en/2008/purified-water-plant.mdx',
        'src/content/units/zh-cn/2008/living-services-company.mdx',
        'src/content/units/en/2008/living-services-company.mdx',
      ]);
      const [zh, en] = drafts.files;
      expect(zh?.content).toMatch(/^name: "纯净水厂"$/m);
      expect(zh?.content).toMatch(/^kind: business-unit$/m);
      expect(zh?.content).toMatch(/^parent: living-services-company /m);
      expect(zh?.content).toMatch(/^sections: \[problems\]$/m);
      expect(zh?.content).toMatch(/^draft: true$/m);
      expect(zh?.content).toContain('<Metric id="teams.count" />');
      expect(en?.content).toMatch(/^name: "Purified Water Plant"$/m);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
