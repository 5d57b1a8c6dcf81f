// Components rendered through Astro's Container API, with the props pages give them.
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import KeyFigures from '../../src/components/KeyFigures.astro';
import LanguageSwitcher from '../../src/components/LanguageSwitcher.astro';
import PhotoSetNotice from '../../src/components/PhotoSetNotice.astro';
import ReportProvenance from '../../src/components/ReportProvenance.astro';
import TableOfContents from '../../src/components/TableOfContents.astro';
import { pageLocals } from '../../src/i18n/page-locals';
import { keyFigureViews } from '../../src/routes/figure-views';
import { metricsSchema } from '../../src/figures/schema';
import { yearFigures } from '../../src/figures/compute';
import { filesIn, readEntry } from './content-helpers';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const metrics = metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8')));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('KeyFigures', () => {
  test('shows the six key figures with computed shares in Chinese', async () => {
    const html = await container.renderToString(KeyFigures, {
      props: { cards: keyFigureViews(yearFigures(metrics), [], 'zh-cn') },
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
      props: { cards: keyFigureViews(yearFigures(metrics), [], 'en') },
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
      props: { cards: keyFigureViews(figures, [], 'en') },
      locals: pageLocals('en'),
    });
    expect(text(html)).toContain('not reported excellent teams not reported');
    expect(text(html)).not.toMatch(/\b0 excellent/);
  });
  test('cards are chosen and ordered in data; without a note, a card names its figure once', async () => {
    const figures = yearFigures({
      ...metrics,
      cards: [
        { figure: 'inspections.septemberProblems' },
        { figure: 'teams.total', label: { zh: '班组', en: 'teams' } },
      ],
    });
    const shown = text(
      await container.renderToString(KeyFigures, {
        props: { cards: keyFigureViews(figures, [], 'zh-cn') },
        locals: pageLocals('zh-cn'),
      }),
    );
    expect(shown).toContain('18 9月三季度检查发现的问题数 108 班组 ');
    expect(shown).not.toContain('班组总数');
    expect(shown).not.toContain('经过两年多的建设');
  });
});

describe('KeyFigures: the change on the previous year', () => {
  // 2008 as the three-year fixture has it: more teams, no excellent teams reported, a new inspection.
  const y2008 = yearFigures(
    metricsSchema.parse({
      year: 2008,
      figures: [
        ...metrics.figures.filter((f) => f.id === 'teams.total').map((f) => ({ ...f, value: 112 })),
        {
          id: 'inspections.octoberProblems',
          label: { zh: '10月检查发现的问题数', en: 'Problems found in the October inspection' },
          kind: 'count',
          counter: { zh: '个', en: 'problems' },
          value: 12,
          section: 'basics',
        },
      ],
      cards: [{ figure: 'teams.total' }, { figure: 'inspections.octoberProblems' }],
    }),
  );
  const y2009 = yearFigures({
    ...metrics,
    year: 2009,
    figures: metrics.figures.map((f) =>
      f.id === 'teams.excellent'
        ? { ...f, value: 80 }
        : f.id === 'teams.total'
          ? { ...f, value: 112 }
          : f,
    ),
    cards: [{ figure: 'teams.excellentRate' }, { figure: 'teams.total' }],
  });
  const history = [yearFigures(metrics), y2008, y2009];
  const render = (figures: typeof y2008, locale: 'zh-cn' | 'en') =>
    container.renderToString(KeyFigures, {
      props: { cards: keyFigureViews(figures, history, locale) },
      locals: pageLocals(locale),
    });

  test('up: the words say so; the arrow is hidden from screen readers', async () => {
    const html = await render(y2008, 'zh-cn');
    expect(html).toMatch(
      /class="figure-card__change" data-direction="up"><span aria-hidden="true">▲ <\/span>比2007年增加4\u2060个<\/span>/,
    );
    expect(text(await render(y2008, 'en'))).toContain('112 Work teams ▲ up 4 teams on 2007');
  });

  test('new this year, with no arrow', async () => {
    const html = await render(y2008, 'en');
    expect(text(html)).toContain('12 Problems found in the October inspection new this year');
    expect(html).toContain('data-direction="none"');
  });

  test('a percentage in points, against the last year that has it (66% → 71%)', async () => {
    expect(text(await render(y2009, 'zh-cn'))).toContain(
      '71% 优秀班组占班组总数的比例 ▲ 比2007年提高5\u2060个百分点',
    );
    expect(text(await render(y2009, 'en'))).toContain('▲ up 5 points on 2007');
    expect(text(await render(y2009, 'en'))).toContain('112 Work teams no change on 2008');
  });

  test('nothing on the site’s first year', async () => {
    const html = await render(yearFigures(metrics), 'zh-cn');
    expect(html).not.toContain('figure-card__change');
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

describe('ReportProvenance: each report says where its text comes from, in its own words', () => {
  const provenanceOf = (locale: string) =>
    readEntry(`src/content/reports/${locale}/2007.mdx`).data.provenance;
  test('2007 reads exactly as it did when the sentence was interface text', async () => {
    const zh = await container.renderToString(ReportProvenance, {
      props: { provenance: provenanceOf('zh-cn') },
      locals: pageLocals('zh-cn'),
    });
    expect(text(zh).trim()).toBe('内容依据平果铝业公司内部刊物所载原文整理，未作删改。');
    const en = await container.renderToString(ReportProvenance, {
      props: { provenance: provenanceOf('en') },
      locals: pageLocals('en'),
    });
    expect(text(en).trim()).toBe(
      'Translated in full from the original published in the company magazine of Pingguo Aluminium Company.',
    );
  });
  test('another year shows its own provenance, and a draft without one shows nothing', async () => {
    const html = await container.renderToString(ReportProvenance, {
      props: {
        provenance: {
          source: 'Written by the publicity office from the 2008 summary.',
          translation: 'Abridged translation by the office.',
        },
      },
      locals: pageLocals('en'),
    });
    expect(text(html).trim()).toBe(
      'Written by the publicity office from the 2008 summary. Abridged translation by the office.',
    );
    expect(text(html)).not.toContain('company magazine');
    const none = await container.renderToString(ReportProvenance, {
      props: { provenance: undefined },
      locals: pageLocals('en'),
    });
    expect(text(none).trim()).toBe('');
  });
});

describe("PhotoSetNotice: stand-ins and caption sources by each photo's own flags", () => {
  const photos2007 = filesIn('src/content/photos', '.yaml').map((file) => ({
    data: parse(readFileSync(file, 'utf8')) as {
      sample: boolean;
      captionSource?: { zh: string; en: string };
    },
  }));
  const notice = async (photos: typeof photos2007, locale: 'zh-cn' | 'en', captions = true) =>
    text(
      await container.renderToString(PhotoSetNotice, {
        props: { photos, captions },
        locals: pageLocals(locale),
      }),
    ).trim();
  test("2007: every photo is a stand-in and every caption the magazine's, as the gallery said", async () => {
    expect(photos2007).toHaveLength(6);
    expect(await notice(photos2007, 'zh-cn')).toBe(
      '这里的图片都是标注“示例图片”的占位图，不是原照片。图注均出自平果铝业公司内刊。',
    );
    expect(await notice(photos2007, 'en')).toBe(
      'Every picture here is a stand-in marked “sample image”, not the original photograph. ' +
        'The captions are as printed in the company magazine of Pingguo Aluminium Company.',
    );
  });
  test('a year of real photos with captions of its own: no notice at all', async () => {
    const real = [{ data: { sample: false } }, { data: { sample: false } }];
    expect(await notice(real, 'zh-cn')).toBe('');
    expect(await notice(real, 'en')).toBe('');
  });
  test('one stand-in among real photos is counted, not spread over the others', async () => {
    const [first] = photos2007;
    const mixed = [
      ...(first ? [first] : []),
      { data: { sample: false } },
      { data: { sample: false } },
    ];
    expect(await notice(mixed, 'en')).toBe(
      'One of these pictures is a stand-in marked “sample image”, not the original photograph (it says so).',
    );
    expect(await notice(mixed, 'zh-cn')).toBe(
      '其中1张是标注“示例图片”的占位图，不是原照片（图下注明）。',
    );
  });
  test('the gallery index leaves the caption source to each event', async () => {
    expect(await notice(photos2007, 'en', false)).not.toContain('captions');
  });
});
