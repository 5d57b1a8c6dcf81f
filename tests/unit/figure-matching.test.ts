// The import continues the yearbook, in-process: a new year's figures matched to the ids of earlier
// years by what they measure (not by position), the match table, uncertain matches listed, readable
// new ids that no other year uses, rates beside their counts checked as shares, thousands
// separators, charts and cards carried over; and renaming a figure across a year's texts.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { editPair, renameInFiguresFile, renameInText } from '../../src/editing/rename-figure';
import { renameFigure } from '../../src/editing/rename-figure-fs';
import { readDocx } from '../../src/import/report/docx-reader';
import { matchTableLines } from '../../src/import/report/figure-matching';
import { cleanLabel } from '../../src/import/report/figure-names';
import { FigureBinder, findFigureSpans } from '../../src/import/report/figures';
import { importReport } from '../../src/import/report/import-report';
import { metricsSchema, type MetricsData } from '../../src/figures/schema';
import { counterFor } from '../../src/utils/counted';
import { comparableSeries, figureChange } from '../../src/figures/series';
import { yearFigures } from '../../src/figures/compute';
import { sourceFingerprint } from '../../src/model/translation';
import type { Block } from '../../src/import/report/blocks';
import { projectRoot } from '../support/build-site';
import { docx2007, published2007, report2008Paragraphs } from '../support/report-documents';

const figures2007 = metricsSchema.parse(parse(published2007().figures)) as MetricsData;
const blocksOf = (texts: ReadonlyArray<string | { heading: string }>): Block[] =>
  texts.map((t) => ({ type: 'paragraph', text: typeof t === 'string' ? t : t.heading }));
const importYear = (year: number, blocks: Block[], otherYears: MetricsData[] = [figures2007]) =>
  importReport({ year, sourceName: `${year}.docx`, blocks, images: [], captions: [], otherYears });

describe('a new year matched to the earlier years', () => {
  test('the 2008 summary (other words, new and renamed measures): 2007’s measures keep their ids', async () => {
    const result = await importYear(2008, blocksOf(report2008Paragraphs));
    expect(result.problems).toEqual([]);
    const byStatus = (status: string) =>
      result.matches.table.filter((row) => row.status === status).map((row) => row.id);
    expect(byStatus('matched')).toEqual([
      'teams.total',
      'teams.excellent',
      'teams.excellentRate',
      'teams.qualified',
      'teams.qualifiedRate',
      'fiveGood.units',
      'fiveGood.offices',
      'fiveGood.officesParticipating',
      'fiveGood.officesAccepted',
      'fiveGood.acceptedRate',
      // Renamed in 2008 (三季度检查中共查出问题), the same measure.
      'inspections.septemberProblems',
    ]);
    expect(byStatus('uncertain')).toEqual([]);
    const fresh = byStatus('new');
    expect(fresh).toEqual([
      'people.trainedSafety',
      'suggestions.total',
      'suggestions.adopted',
      'suggestions.adoptedRate',
    ]);
    const earlierIds = new Set(figures2007.figures.map((f) => f.id));
    for (const id of fresh) expect(earlierIds.has(id), id).toBe(false);
    expect(matchTableLines(result.matches)).toContain(
      '班组 112个 → teams.total 班组总数 (2007: 108个)',
    );
    expect(matchTableLines(result.matches)).toContain(
      '三季度检查中共查出问题 25个 → inspections.septemberProblems 9月三季度检查发现的问题数 (2007: 18个)',
    );
    expect(result.matches.previous).toEqual({ year: 2007, shared: 11 });

    const declared = parse(result.figures) as MetricsData;
    const figure = (id: string) => declared.figures.find((f) => f.id === id);
    // Matched figures take 2007's labels and counter words in both languages.
    expect(figure('fiveGood.units')).toMatchObject({
      label: { zh: '参加“五好”科（部）室创建的二级单位和部室数' },
      counter: { zh: '家', en: 'units' },
      value: 23,
    });
    // 优秀率71% beside 80个 is a share of 112, checked (80/112 = 71.4 → 71).
    expect(figure('teams.excellentRate')?.share).toEqual({
      part: 'teams.excellent',
      of: 'teams.total',
    });
    expect(figure('suggestions.adoptedRate')?.share).toEqual({
      part: 'suggestions.adopted',
      of: 'suggestions.total',
    });
    // 1,080人 is 1080.
    expect(figure('people.trainedSafety')?.value).toBe(1080);
    // New labels: no digits, no fragments; a share names its part and whole.
    for (const id of fresh) {
      const label = figure(id)?.label.zh ?? '';
      expect(label, id).not.toMatch(/[0-9０-９]|^[占共的其]|[占共的]$/);
    }
    expect(figure('suggestions.adoptedRate')?.label.zh).toBe('采纳的建议占收到合理化建议数的比例');
    // The 2007 charts and cards whose figures 2008 has come along (with the computed bars); the targets chart does not.
    expect(declared.charts.map((c) => c.id)).toEqual(['team-grades', 'five-good']);
    expect(declared.cards.map((c) => c.figure)).toEqual(figures2007.cards.map((c) => c.figure));
    expect(figure('teams.qualifiedOnly')?.difference).toEqual({
      from: 'teams.qualified',
      minus: 'teams.excellent',
    });
    expect(result.notes.map((n) => n.en).join('\n')).toContain(
      'the 2007 chart targets (Figure 2. Targets: actual against target) was not carried over: ' +
        'this year has no targets.excellentTeams, targets.qualifiedTeams, targets.qualifiedLeaders',
    );
    expect(metricsSchema.safeParse(declared).success).toBe(true);

    // What /figures/ and the key-figure cards compare: every measure both years report.
    const years = [yearFigures(figures2007), yearFigures(metricsSchema.parse(declared))];
    const compared = comparableSeries(years).map((series) => series.id);
    const both = declared.figures
      .map((f) => f.id)
      .filter((id) => figures2007.figures.some((f) => f.id === id && f.value !== 'not reported'));
    expect(compared.sort()).toEqual([...both].sort());
    expect(both).toHaveLength(13);
    for (const card of declared.cards)
      expect(figureChange(years, 2008, card.figure), card.figure).toMatchObject({
        kind: 'change',
        since: 2007,
      });
  });

  test('the 2007 summary imported as 2010 finds every figure it binds under its 2007 id', async () => {
    const document = await readDocx(new Uint8Array(await docx2007()));
    const result = await importReport({
      year: 2010,
      sourceName: '2007.docx',
      ...document,
      captions: [],
      otherYears: [figures2007],
    });
    expect(result.problems).toEqual([]);
    const earlierIds = new Set(figures2007.figures.map((f) => f.id));
    const notMatched = result.matches.table.filter((row) => !earlierIds.has(row.id));
    expect(notMatched).toEqual([]);
    // “科室（部室）共99个全部参加”: all offices, or those taking part (both 99 in 2007)? The editor is asked.
    expect(
      result.matches.table.filter((row) => row.status === 'uncertain').map((row) => row.id),
    ).toEqual(['fiveGood.officesParticipating']);
    expect(result.matches.table.filter((row) => row.status === 'matched')).toHaveLength(11);
  });

  test('a match the words do not settle is listed for the editor to confirm, with the command to undo it', async () => {
    const result = await importYear(2008, blocksOf(['一、基本情况', '合格的班组110个。']));
    const row = result.matches.table[0];
    expect(row).toMatchObject({ id: 'teams.qualified', status: 'uncertain' });
    const note = result.notes.find((n) => n.zh.startsWith('请确认'));
    expect(note?.zh).toContain('“合格的班组 110个”被当作 2007 年的 teams.qualified');
    expect(note?.en).toContain('npm run figures -- rename 2008 teams.qualified <new id>');
    expect(matchTableLines(result.matches)[0]).toMatch(/待确认 to confirm$/);
  });

  test('a year sharing no id with the year before says so; its ids never equal another year’s', async () => {
    const result = await importYear(
      2008,
      blocksOf(['一、基本情况', '铝合金厂有班组12个，食堂有厨师8人。']),
    );
    expect(result.matches.previous).toEqual({ year: 2007, shared: 0 });
    expect(result.notes.map((n) => n.en).join('\n')).toContain(
      '2008 shares no figure id with 2007: /figures/ will compare nothing',
    );
    const ids = result.matches.table.map((row) => row.id);
    for (const id of ids) expect(figures2007.figures.map((f) => f.id)).not.toContain(id);
    expect(ids).toContain('teams.total2008');
    // Positional ids are gone: a second year worded differently gets ids by meaning, not by place.
    const later = await importYear(2009, blocksOf(['一、基本情况', '厨师8人，班组12个。']), [
      figures2007,
    ]);
    expect(later.matches.table.map((r) => r.id)).not.toContain('basics.teams1');
  });

  test('a measure stated twice is one figure, quoted twice', async () => {
    const result = await importYear(
      2008,
      blocksOf([
        '一、基本情况',
        '公司现有班组112个。',
        '二、取得成效',
        '112个班组全部参加了评比。',
      ]),
    );
    expect(result.matches.table.map((r) => [r.id, r.status])).toEqual([
      ['teams.total', 'matched'],
      ['teams.total', 'repeat'],
    ]);
    expect(result.zh.match(/<Metric id="teams.total" \/>/g)).toHaveLength(2);
    expect(
      (parse(result.figures) as MetricsData).figures.filter((f) => f.id === 'teams.total'),
    ).toHaveLength(1);
  });
});

describe('numbers as the documents write them', () => {
  test('thousands separators: 1,080人 and 1，080人 are 1080, not 80; counts after a comma still count', () => {
    expect(findFigureSpans('培训员工1,080人').map((s) => s.value)).toEqual([1080]);
    expect(findFigureSpans('培训员工1，080人').map((s) => s.value)).toEqual([1080]);
    expect(findFigureSpans('优秀班组71个，107个合格').map((s) => s.value)).toEqual([71, 107]);
    const binder = new FigureBinder();
    binder.bind('全年产值1,234万元。');
    expect(binder.unbound.map((u) => u.number)).toEqual(['1,234']);
  });

  test('a rate written with 率 or 比例 beside its count is a share, checked with half-up rounding', () => {
    const binder = new FigureBinder();
    binder.bind('公司现有班组108个，评为优秀的班组71个，优秀率66%。');
    expect(binder.figures[2]?.share).toEqual({
      part: binder.figures[1]?.id,
      of: binder.figures[0]?.id,
    });
    const wrong = new FigureBinder();
    wrong.bind('公司现有班组108个，评为优秀的班组71个，优秀比例65%。');
    expect(wrong.figures[2]?.disagreement).toMatchObject({ stated: 65, computed: 66 });
  });

  test('a paragraph beginning with import or export stays text (MDX would read it as JavaScript)', async () => {
    const result = await importYear(
      2010,
      blocksOf(['一、基本情况', 'import 了一批新设备。', 'export 产品质量稳定。']),
      [],
    );
    expect(result.problems).toEqual([]);
    expect(result.zh).toContain('&#105;mport 了一批新设备。');
    expect(result.zh).toContain('&#101;xport 产品质量稳定。');
  });

  test('clean labels drop numbers, years and dangling words', () => {
    expect(cleanLabel('其中科室（部室）共')).toBe('科室（部室）');
    expect(cleanLabel('2008年全公司共有班组')).toBe('班组');
    expect(cleanLabel('占')).toBe('');
  });

  test('English counter words: 1 team, 2 teams, 1 activity, 3 people', () => {
    expect(counterFor('teams', 1, 'en')).toBe('team');
    expect(counterFor('teams', 2, 'en')).toBe('teams');
    expect(counterFor('activities', 1, 'en')).toBe('activity');
    expect(counterFor('people', 1, 'en')).toBe('people');
    expect(counterFor('offices', 1, 'en')).toBe('office');
  });
});

describe('npm run figures -- rename', () => {
  const temporary: string[] = [];
  afterAll(() => Promise.all(temporary.map((t) => rm(t, { recursive: true, force: true }))));

  test('ids are renamed as whole tokens in texts and the figures file', () => {
    expect(
      renameInText(
        '<Metric id="teams.total" /> <Metric id="teams.totalStaff" /> {metric:teams.total:bare}',
        'teams.total',
        'teams.all',
      ),
    ).toBe('<Metric id="teams.all" /> <Metric id="teams.totalStaff" /> {metric:teams.all:bare}');
    const yaml = renameInFiguresFile(published2007().figures, 'teams.total', 'teams.all');
    expect(yaml).not.toMatch(/teams\.total\b(?!Staff)/);
    const data = metricsSchema.parse(parse(yaml));
    expect(data.figures.find((f) => f.id === 'teams.excellentRate')?.share?.of).toBe('teams.all');
    expect(data.charts[0]?.whole).toBe('teams.all');
    expect(data.cards[0]?.figure).toBe('teams.all');
  });

  test('the same edit to both languages keeps an up-to-date translation up to date, and a stale one stale', () => {
    const zh = '---\ntitle: 标题\n---\n共<Metric id="a.b" />个\n';
    const en = (hash: string) =>
      `---\ntitle: Title\nsourceHash: ${hash}\n---\n<Metric id="a.b" /> in all\n`;
    const fresh = editPair(zh, en(sourceFingerprint(zh)), (t) => renameInText(t, 'a.b', 'a.c'));
    expect(fresh.restamped).toBe(true);
    expect(fresh.en).toContain(`sourceHash: ${sourceFingerprint(fresh.zh)}`);
    const stale = editPair(zh, en('000000000abc'), (t) => renameInText(t, 'a.b', 'a.c'));
    expect(stale.restamped).toBe(false);
    expect(stale.en).toContain('sourceHash: 000000000abc');
  });

  test('renames across the year (figures, both reports, units, timeline); refuses a taken or unknown id', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nianjian-rename-'));
    temporary.push(root);
    await cp(join(projectRoot, 'src/content'), join(root, 'src/content'), { recursive: true });
    const enBefore = await readFile(join(root, 'src/content/reports/en/2007.mdx'), 'utf8');
    const zhBefore = await readFile(join(root, 'src/content/reports/zh-cn/2007.mdx'), 'utf8');
    expect(enBefore).toMatch(new RegExp(`^sourceHash: "?${sourceFingerprint(zhBefore)}"?$`, 'm'));

    const taken = await renameFigure(root, ['2007', 'teams.total', 'teams.excellent']);
    expect(taken.code).toBe(1);
    expect(taken.text).toContain('已经有“teams.excellent”');
    expect(taken.text).toContain('already has a figure "teams.excellent"');
    const unknown = await renameFigure(root, ['2007', 'teams.nothing', 'teams.other']);
    expect(unknown.code).toBe(1);
    expect(unknown.text).toContain('has no figure "teams.nothing"');
    expect(await readFile(join(root, 'src/content/reports/en/2007.mdx'), 'utf8')).toBe(enBefore);

    const done = await renameFigure(root, [
      '2007',
      'inspections.septemberProblems',
      'inspections.thirdQuarterProblems',
    ]);
    expect(done.code, done.text).toBe(0);
    const read = (path: string) => readFile(join(root, path), 'utf8');
    const zh = await read('src/content/reports/zh-cn/2007.mdx');
    const en = await read('src/content/reports/en/2007.mdx');
    expect(zh).toContain('<Metric id="inspections.thirdQuarterProblems" />');
    expect(en).toContain('<Metric id="inspections.thirdQuarterProblems" />');
    expect(en).toContain(sourceFingerprint(zh));
    expect(await read('src/content/timelines/2007.yaml')).toContain(
      '{metric:inspections.thirdQuarterProblems}',
    );
    expect(await read('src/content/metrics/2007.yaml')).toContain(
      'id: inspections.thirdQuarterProblems',
    );
    for (const path of [zh, en, await read('src/content/metrics/2007.yaml')])
      expect(path).not.toContain('inspections.septemberProblems');
    expect(done.text).toContain('still marked up to date: src/content/reports/en/2007.mdx');
  });
});
