// Components rendered through Astro's Container API, with the props pages give them.
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import KeyFigures from '../../src/components/KeyFigures.astro';
import LanguageSwitcher from '../../src/components/LanguageSwitcher.astro';
import TableOfContents from '../../src/components/TableOfContents.astro';
import { pageLocals } from '../../src/i18n/page-locals';
import { metricsSchema } from '../../src/schemas/metrics';
import { yearFigures } from '../../src/utils/metrics';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const metrics = metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8')));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('KeyFigures', () => {
  test('shows the six key figures with computed shares in Chinese', async () => {
    const html = await container.renderToString(KeyFigures, {
      props: { figures: yearFigures(metrics) },
      locals: pageLocals('zh-cn'),
    });
    const shown = text(html);
    for (const expected of [
      '108 班组总数',
      '71 优秀班组 占班组总数的66%',
      '107 合格以上班组 占班组总数的99%',
      '99 参加创建的科室（部室） 全部参加',
      '41 公司级“五好”科（部）室',
      '21 参加创建的二级单位和部室',
    ]) {
      expect(shown).toContain(expected);
    }
  });
  test('shows them in English', async () => {
    const html = await container.renderToString(KeyFigures, {
      props: { figures: yearFigures(metrics) },
      locals: pageLocals('en'),
    });
    expect(text(html)).toContain('71 excellent teams 66% of all teams');
    expect(text(html)).toContain('99 offices in the campaign all took part');
  });
  test('says "not reported" for an unknown figure, never 0', async () => {
    const figures = yearFigures({
      ...metrics,
      figures: metrics.figures.map((f) =>
        f.id === 'teams.excellent' ? { ...f, value: 'not reported' as const } : f,
      ),
    });
    const html = await container.renderToString(KeyFigures, {
      props: { figures },
      locals: pageLocals('en'),
    });
    expect(text(html)).toContain('not reported excellent teams not reported');
    expect(text(html)).not.toMatch(/\b0 excellent/);
  });
  test('cards are chosen and ordered in data; without a note, the sub-line is the figure’s own label', async () => {
    const figures = yearFigures({
      ...metrics,
      cards: [
        { figure: 'inspections.septemberProblems' },
        { figure: 'teams.total', label: { zh: '班组', en: 'teams' } },
      ],
    });
    const shown = text(
      await container.renderToString(KeyFigures, {
        props: { figures },
        locals: pageLocals('zh-cn'),
      }),
    );
    expect(shown).toContain('18 9月三季度检查发现的问题数 108 班组 班组总数');
    expect(shown).not.toContain('经过两年多的建设');
  });
});

describe('LanguageSwitcher', () => {
  test('links to the same page in the other language, labelled in both', async () => {
    const zh = await container.renderToString(LanguageSwitcher, {
      props: { sitePath: '/2007/units/hotel/' },
      locals: pageLocals('zh-cn'),
    });
    expect(zh).toContain('href="/en/2007/units/hotel/"');
    expect(zh).toContain('hreflang="en"');
    expect(zh).toContain('aria-label="English – 阅读本页英文版"');
    const en = await container.renderToString(LanguageSwitcher, {
      props: { sitePath: '/en/2007/' },
      locals: pageLocals('en'),
    });
    expect(en).toContain('href="/2007/"');
    expect(en).toContain('lang="zh-CN"');
  });
});

describe('TableOfContents', () => {
  test('links every heading by its anchor, nested', async () => {
    const html = await container.renderToString(TableOfContents, {
      props: {
        label: '目录',
        items: [
          { depth: 2, slug: 'basics', text: '一、基本做法和验收情况', children: [] },
          {
            depth: 2,
            slug: 'results',
            text: '二、取得成效',
            children: [{ depth: 3, slug: 'results-teams', text: '（一）', children: [] }],
          },
        ],
      },
    });
    expect(html).toContain('href="#basics"');
    expect(html).toMatch(/href="#results"[\s\S]*<ol>[\s\S]*href="#results-teams"/);
  });
});
