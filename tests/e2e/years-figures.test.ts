// Figures across years (issue 14), in Chromium: `/figures/` of the three-year fixture yearbook
// (tests/fixtures/years-3: the excellent teams left out of 2008, the Five-Good offices "not
// reported" in 2008, the safety model teams new in 2009) shows each compared figure's values and
// gaps, its trend chart and the change on the key-figure cards; the real site, with one year, says
// comparison starts with the second year. Run alone with NIANJIAN_TEST_SITES=years,root.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { axeViolations, sharedTab, visit } from '../support/site';

const yearsUrl = inject('yearsUrl');
const rootUrl = inject('rootUrl');
const at = (base: string, path: string) => new URL(path.replace(/^\//, ''), base).href;

let browser: Browser;
/** One tab the tests share, sent from page to page (each reads one page at a time). */
const load = sharedTab(() => browser);
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of a chart's table as text, header first. */
async function tableOf(page: Page, figureId: string): Promise<string[][]> {
  return page
    .locator(`[id="chart-trend-${figureId}"] table tr`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

/** Every figure reported in two or more of 2007, 2008 and 2009, in 2009's order, then older ones. */
const compared = [
  'teams.total',
  'teams.excellent',
  'teams.excellentRate',
  'teams.qualified',
  'teams.qualifiedRate',
  'leaders.total',
  'leaders.qualified',
  'inspections.octoberProblems',
  'fiveGood.offices',
  'fiveGood.officesAccepted',
];

describe('/figures/ of the three-year yearbook', () => {
  test('Chinese: values by year, "未报告" in the gaps (never 0), the change on the year before', async () => {
    const { page, consoleErrors, failedResponses } = await load(at(yearsUrl, '/figures/'));
    expect(await page.locator('h1').innerText()).toBe('各年数字对比');
    expect(await tableOf(page, 'teams.excellentRate')).toEqual([
      ['年份', '数值', '与上年相比'],
      ['2007年', '66%', '—'],
      ['2008年', '未报告', '—'],
      ['2009年', '71%', '比2007年提高5\u2060个百分点'],
    ]);
    expect(await tableOf(page, 'fiveGood.offices')).toEqual([
      ['年份', '数值', '与上年相比'],
      ['2007年', '99', '—'],
      ['2008年', '未报告', '—'],
      ['2009年', '100', '2008年未报告，无法比较'],
    ]);
    expect(await tableOf(page, 'teams.qualifiedRate')).toEqual([
      ['年份', '数值', '与上年相比'],
      ['2007年', '99%', '—'],
      ['2008年', '95%', '比2007年下降4\u2060个百分点'],
      ['2009年', '98%', '比2008年提高3\u2060个百分点'],
    ]);
    // First reported in 2008: 2007 is a gap, 2008 is new.
    expect(await tableOf(page, 'inspections.octoberProblems')).toEqual([
      ['年份', '数值', '与上年相比'],
      ['2007年', '未报告', '—'],
      ['2008年', '12', '本年新增'],
      ['2009年', '9', '比2008年减少3\u2060个'],
    ]);
    expect(
      await page.locator('[id="chart-trend-teams.excellentRate"] .chart__summary').innerText(),
    ).toBe('2007年66%、2008年未报告、2009年71%。2009年比2007年提高5\u2060个百分点。');
    expect(consoleErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
  });

  test('English: the same values and gaps, in English words', async () => {
    const { page } = await load(at(yearsUrl, '/en/figures/'));
    expect(await page.locator('h1').innerText()).toBe('Figures across years');
    expect(await tableOf(page, 'teams.excellentRate')).toEqual([
      ['Year', 'Value', 'Change on the year before'],
      ['2007', '66%', '—'],
      ['2008', 'not reported', '—'],
      ['2009', '71%', 'up 5\u00a0points on 2007'],
    ]);
    expect(await tableOf(page, 'fiveGood.offices')).toEqual([
      ['Year', 'Value', 'Change on the year before'],
      ['2007', '99', '—'],
      ['2008', 'not reported', '—'],
      ['2009', '100', 'not comparable: not reported in 2008'],
    ]);
    expect(
      await page.locator('[id="chart-trend-teams.excellentRate"] figcaption').innerText(),
    ).toBe('Excellent teams as a share of all teams (2007–2009)');
  });

  test.each(['/figures/', '/en/figures/'])(
    '%s: a trend chart for each compared figure, in a <figure> with caption, summary and table; open data linked',
    async (path) => {
      const { page, failedResponses } = await visit(browser, at(yearsUrl, path), {
        javaScript: false,
      });
      const figures = page.locator('figure.chart');
      expect(await figures.evaluateAll((all) => all.map((f) => f.id))).toEqual(
        compared.map((id) => `chart-trend-${id}`),
      );
      // The figure new in 2009 has one value: nothing to compare yet.
      expect(await page.locator('[id="chart-trend-teams.safetyModel"]').count()).toBe(0);
      const locale = path.startsWith('/en/') ? 'en' : 'zh-CN';
      for (const id of compared) {
        const figure = page.locator(`[id="chart-trend-${id}"]`);
        const captionId = await figure.locator('figcaption').getAttribute('id');
        expect(await figure.getAttribute('aria-labelledby')).toBe(captionId);
        expect((await figure.locator('.chart__summary').innerText()).length).toBeGreaterThan(10);
        expect(await figure.locator('tbody tr').count()).toBe(3);
        const src = await figure.locator('img').getAttribute('src');
        expect(src).toBe(`/charts/trends/${id}.${locale}.svg`);
        const narrow = await figure.locator('source').getAttribute('srcset');
        expect(narrow).toBe(`/charts/trends/${id}.${locale}.narrow.svg`);
        for (const file of [src, narrow]) {
          const response = await page.request.get(at(yearsUrl, file ?? ''));
          expect(response.status(), file ?? '').toBe(200);
          expect(response.headers()['content-type']).toBe('image/svg+xml');
          const svg = await response.text();
          expect(svg.startsWith('<svg')).toBe(true);
          expect(svg).not.toMatch(/<text\b/);
        }
      }
      const downloads = await page
        .locator('.figures__downloads a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(downloads).toEqual(['/data/metrics.csv', '/data/metrics.json']);
      for (const href of downloads) {
        const response = await page.request.get(at(yearsUrl, href ?? ''));
        expect(response.status()).toBe(200);
      }
      expect(failedResponses).toEqual([]);
      await page.close();
    },
  );

  test('the chart leaves a gap where a year reports nothing: no point, and "not reported" in its place', async () => {
    const { page } = await load(at(yearsUrl, '/figures/'));
    const response = await page.request.get(
      at(yearsUrl, '/charts/trends/teams.excellentRate.zh-CN.svg'),
    );
    const svg = await response.text();
    // Two points (filled circles in the accent colour, each with its outline), not three, and no
    // line: a line would be one more stroked path (2007 → 2009 across the gap).
    expect(svg.match(/<path fill="#0a5a9c"/gi)?.length).toBe(2);
    expect(svg.match(/stroke="#0a5a9c"/gi)?.length).toBe(2);
    // Where every year has a value, the points are joined: three points and one line.
    const total = await (
      await page.request.get(at(yearsUrl, '/charts/trends/teams.total.zh-CN.svg'))
    ).text();
    expect(total.match(/<path fill="#0a5a9c"/gi)?.length).toBe(3);
    expect(total.match(/stroke="#0a5a9c"/gi)?.length).toBe(4);
  });
});

describe('key-figure cards of 2009 show the change on the year before', () => {
  test.each([
    [
      '/',
      [
        ['112', '与2008年持平'],
        ['71%', '比2007年提高5\u2060个百分点'],
        ['30', '本年新增'],
        ['9', '比2008年减少3\u2060个'],
        ['45', '2008年未报告，无法比较'],
      ],
    ],
    [
      '/en/2009/print/',
      [
        ['112', 'no change on 2008'],
        ['71%', 'up 5\u00a0points on 2007'],
        ['30', 'new this year'],
        ['9', 'down 3\u00a0problems on 2008'],
        ['45', 'not comparable: not reported in 2008'],
      ],
    ],
  ])('%s', async (path, expected) => {
    const { page } = await load(at(yearsUrl, path));
    const cards = await page.locator('.figure-card').evaluateAll((all) =>
      all.map((card) => ({
        value: card.querySelector('.figure-card__value')?.textContent?.trim(),
        change: card.querySelector('.figure-card__change')?.textContent?.trim(),
        arrowHidden: card
          .querySelector('.figure-card__change [aria-hidden="true"]')
          ?.textContent?.trim(),
      })),
    );
    expect(cards.map((card) => [card.value, card.change?.replace(/^[▲▼]\s*/, '')])).toEqual(
      expected,
    );
    // The arrow repeats what the words say, and is hidden from screen readers.
    expect(cards.map((card) => card.arrowHidden ?? '')).toEqual(['', '▲', '', '▼', '']);
  });
});

describe('links to /figures/', () => {
  test.each([
    ['years', '/', '/figures/', yearsUrl],
    ['years', '/2008/', '/figures/', yearsUrl],
    ['years', '/en/2009/', '/en/figures/', yearsUrl],
    ['root', '/', '/figures/', rootUrl],
    ['root', '/en/2007/', '/en/figures/', rootUrl],
  ])('%s site: %s links to %s, which opens', async (_site, path, target, base) => {
    const { page } = await visit(browser, at(base, path), { javaScript: false });
    const link = page.locator(`a[href="${target}"]`).first();
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.waitForURL(at(base, target));
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });
});

describe('the real site, with one year', () => {
  test.each([
    ['/figures/', '对比从第二年开始'],
    ['/en/figures/', 'Comparison starts with the second year'],
  ])(
    '%s says comparison starts with the second year, with no empty table or chart',
    async (path, words) => {
      const { page, status } = await load(at(rootUrl, path));
      expect(status).toBe(200);
      expect(await page.locator('main').innerText()).toContain(words);
      expect(await page.locator('main table, main figure, main img').count()).toBe(0);
      // It leads on to the one year's figures and to the open data.
      expect(await page.locator('a[href$="2007/#figures"]').count()).toBe(1);
      expect(await page.locator('a[href="/data/metrics.csv"]').count()).toBe(1);
    },
  );
});

describe('reads on any screen', () => {
  const pages = [
    ['years', yearsUrl, '/figures/'],
    ['years', yearsUrl, '/en/figures/'],
    ['root', rootUrl, '/figures/'],
    ['root', rootUrl, '/en/figures/'],
    ['years', yearsUrl, '/'],
    ['years', yearsUrl, '/en/'],
  ] as const;
  test.each(
    pages.flatMap(([site, base, path]) => [
      [site, path, 'phone', 390, 844, base] as const,
      [site, path, 'desktop', 1280, 900, base] as const,
    ]),
  )('%s site: %s has no axe violations (%s)', async (_site, path, _name, width, height, base) => {
    const { page } = await load(at(base, path));
    await page.setViewportSize({ width, height });
    expect(await axeViolations(page)).toEqual([]);
  });

  test.each(['/figures/', '/en/figures/'])(
    '%s at 320 px: no sideways scrolling, the narrow charts',
    async (path) => {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const page = await context.newPage();
      await page.goto(at(yearsUrl, path), { waitUntil: 'load' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const first = page.locator('figure.chart img').first();
      await first.scrollIntoViewIfNeeded();
      await first.evaluate((img: HTMLImageElement) => img.decode());
      expect(await first.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(
        /\.narrow\.svg$/,
      );
      await context.close();
    },
  );
});
