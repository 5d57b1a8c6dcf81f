// Errors thrown while a page is built: laid out like the content check's, file and line found.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import Metric from '../../src/components/mdx/Metric.astro';
import { pageLocals } from '../../src/i18n/page-locals';
import { locateInContentFiles } from '../../src/utils/content-files-fs';
import {
  componentPattern,
  formatRenderProblem,
  locateIn,
  RenderError,
} from '../../src/utils/render-errors';

const problem = {
  file: 'src/content/units/zh-cn/hotel.mdx',
  line: 12,
  field: '<Metric id="teams.excelent" />',
  zh: { message: '没有编号为“teams.excelent”的数字', fix: '改用已有的编号之一：teams.excellent' },
  en: {
    message: 'names "teams.excelent", which is not a figure',
    fix: 'use one of teams.excellent',
  },
};

describe('render errors', () => {
  test('name the file, line and field, and say the problem and the fix in Chinese, then English', () => {
    expect(formatRenderProblem(problem).split('\n')).toEqual([
      '生成页面时发现问题，未发布任何内容。A page could not be built; nothing was published.',
      '1. src/content/units/zh-cn/hotel.mdx:12 — 字段 field "<Metric id="teams.excelent" />"',
      '   问题：没有编号为“teams.excelent”的数字',
      '   改法：改用已有的编号之一：teams.excellent',
      '   src/content/units/zh-cn/hotel.mdx:12 — field "<Metric id="teams.excelent" />" ' +
        'names "teams.excelent", which is not a figure.',
      '   Fix: use one of teams.excellent.',
    ]);
    const error = new RenderError(problem);
    expect(error.message).toBe(formatRenderProblem(problem));
    expect(error.problem).toBe(problem);
  });
  test('find the component in the files a page renders, by attribute, whatever the quotes', () => {
    const files = [
      { file: 'a.mdx', text: '---\ntitle: A\n---\n\n文字 <Metric id="teams.total" />' },
      {
        file: 'b.mdx',
        text: "---\ntitle: B\n---\n\n第一段\n\n<Metric year={2007} id='teams.excelent' />",
      },
    ];
    expect(locateIn(files, componentPattern('Metric', 'id', 'teams.excelent'))).toEqual({
      file: 'b.mdx',
      line: 7,
    });
    expect(locateIn(files, componentPattern('Metric', 'id', 'teams.excel'))).toBeUndefined();
    expect(locateIn(files, componentPattern('ReportQuote', 'year', '2008'))).toBeUndefined();
    const quote = [{ file: 'c.mdx', text: '<ReportQuote unit="hotel" year={2008}>' }];
    expect(locateIn(quote, componentPattern('ReportQuote', 'year', '2008'))).toEqual({
      file: 'c.mdx',
      line: 1,
    });
  });
  test('read the content files from disk, falling back to the first file or the content folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'render-errors-'));
    const file = join(folder, 'hotel.mdx');
    writeFileSync(file, '---\nname: 宾馆\n---\n\n<UnitLink unit="hotl">宾馆</UnitLink>\n');
    expect(
      locateInContentFiles([file], componentPattern('(?:UnitLink|Highlight)', 'unit', 'hotl')),
    ).toEqual({ file, line: 5 });
    expect(locateInContentFiles([file], /nowhere/)).toEqual({ file });
    expect(locateInContentFiles(undefined, /nowhere/)).toEqual({ file: 'src/content/' });
  });
});

describe('page locals', () => {
  test('carry the locale and its translator', () => {
    const { locale, t } = pageLocals('en');
    expect(locale).toBe('en');
    expect(t('search.count.one', { count: 1, query: 'hotel' })).toBe('1 result for “hotel”.');
    expect(pageLocals('zh-cn').t('search.title')).toBe('搜索');
  });
});

describe('components that fail while rendering', () => {
  // An unknown id is caught by the content check before any page is built (tests/unit/model.test.ts);
  // what only rendering can find is a <Metric> on a page that belongs to no year.
  test('<Metric> outside a year’s page names the file and line that wrote it, and the fix', async () => {
    const container = await AstroContainer.create();
    const folder = mkdtempSync(join(tmpdir(), 'render-errors-'));
    const file = join(folder, 'term.mdx');
    writeFileSync(file, '---\ntitle: term\n---\n\n优秀率 <Metric id="teams.excellentRate" />。\n');
    const render = container.renderToString(Metric, {
      props: {
        id: 'teams.excellentRate',
        context: { figures: {}, reportTitles: {}, contentFiles: [file] },
      },
      locals: pageLocals('zh-cn'),
    });
    await expect(render).rejects.toThrow(RenderError);
    await expect(render).rejects.toThrow(
      `${file}:5 — 字段 field "<Metric id="teams.excellentRate" />"`,
    );
    await expect(render).rejects.toThrow(/改法：给组件加上年份/);
    await expect(render).rejects.toThrow(/Fix: give it the year, e\.g\. <Metric/);
  }, 60_000);
});
