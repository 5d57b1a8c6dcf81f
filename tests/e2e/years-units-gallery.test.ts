// Units and the gallery by year, on the three-year fixture yearbook (tests/fixtures/years-3):
// a year's units, a unit's page of one year, its history page, the gallery grouped by year,
// each year's PDF with only its own featured photos, and the year filter on photo pages.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { axeViolations, sharedTab } from '../support/site';

const yearsUrl = inject('yearsUrl');
const yearsDir = inject('yearsDir');
const url = (path: string) => new URL(path.replace(/^\//, ''), yearsUrl).href;

let browser: Browser;
/** One tab the tests share, sent from page to page (each reads one page at a time). */
const load = sharedTab(() => browser);
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function mainText(path: string): Promise<string> {
  const { page, status } = await load(url(path));
  expect(status, path).toBe(200);
  const text = await page.locator('main').innerText();
  return text;
}

describe("a year's units", () => {
  test('/2009/units/ lists the units of 2009 only', async () => {
    const { page } = await load(url('/2009/units/'));
    const names = await page.locator('.unit-card__name').allInnerTexts();
    expect(names.sort()).toEqual(['平果铝宾馆', '测试车间（虚构）'].sort());
    // Praised in 2009 (highlighted), mentioned only in 2009.
    expect(await page.locator('#praised + .unit-grid .unit-card__name').allInnerTexts()).toEqual([
      '平果铝宾馆',
    ]);
  });

  test('/2008/units/ has the hotel but not the 2009-only unit; 2007 keeps its twelve', async () => {
    const { page } = await load(url('/2008/units/'));
    expect(await page.locator('.unit-card__name').allInnerTexts()).toEqual(['平果铝宾馆']);
    const units2007 = await load(url('/2007/units/'));
    const names = await units2007.page.locator('.unit-card__name').allInnerTexts();
    expect(names).toHaveLength(12);
    expect(names).not.toContain('测试车间（虚构）');
  });

  test("/2008/units/hotel/ shows 2008's quote and practices only, and links the history", async () => {
    const { page } = await load(url('/2008/units/hotel/'));
    const text = await page.locator('main').innerText();
    expect(text).toContain('测试用虚构引文（2008）');
    expect(text).not.toContain('测试用虚构引文（2009）');
    expect(text).not.toContain('组员轮值班长制');
    expect(await page.locator('#practices + ul a').allInnerTexts()).toEqual(['“温馨”服务']);
    const history = page.locator('a[href$="/units/hotel/"]:not([href*="/20"])');
    expect(await history.count()).toBe(1);
    expect(await page.locator('[data-search-year]').getAttribute('data-search-year')).toBe('2008');
  });

  test('a unit page of the only year it appears in exists; other years have none', async () => {
    expect(await mainText('/2009/units/test-workshop/')).toContain('只在2009年度出现');
    // Its kind is a workshop (车间), named from the unit kinds table in each language.
    for (const [page, kind] of [
      ['2009/units/test-workshop/index.html', '车间'],
      ['en/2009/units/test-workshop/index.html', 'workshop'],
    ] as const)
      expect(readFileSync(join(yearsDir, page), 'utf8')).toContain(
        `<p class="page-header__kicker">${kind}</p>`,
      );
    expect(existsSync(join(yearsDir, '2008/units/test-workshop/index.html'))).toBe(false);
    expect(existsSync(join(yearsDir, '2007/units/test-workshop/index.html'))).toBe(false);
  });
});

describe("a unit's history", () => {
  test.each([
    [
      '/units/hotel/',
      '平果铝宾馆历年亮点',
      ['2009年度', '2008年度', '2007年度'],
      ['测试用虚构引文（2009）', '测试用虚构引文（2008）', '组员轮值班长制'],
    ],
    [
      '/en/units/hotel/',
      'Pingguo Aluminium Hotel year by year',
      ['2009', '2008', '2007'],
      ['Made-up test quote (2009)', 'Made-up test quote (2008)', 'rotating team-leader system'],
    ],
  ])('%s shows every year, newest first, with its quote', async (path, title, years, quotes) => {
    const { page, status, consoleErrors } = await load(url(path));
    expect(status).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(title);
    const sections = page.locator('.unit-history__year');
    expect(await sections.locator('h2').allInnerTexts()).toEqual(years);
    for (const [index, quote] of quotes.entries())
      expect(await sections.nth(index).innerText()).toContain(quote);
    // Each year's quote links its report; each year links its year page.
    const locale = path.startsWith('/en/') ? '/en' : '';
    for (const [index, year] of [2009, 2008, 2007].entries()) {
      const links = await sections
        .nth(index)
        .locator('a')
        .evaluateAll((anchors) =>
          anchors.map(
            (a) =>
              new URL((a as HTMLAnchorElement).href).pathname +
              new URL((a as HTMLAnchorElement).href).hash,
          ),
        );
      expect(links).toContain(`${locale}/${year}/#unit-hotel`);
      expect(links).toContain(`${locale}/${year}/units/hotel/`);
    }
    // Practices and awards are those of each year.
    expect(await sections.nth(0).innerText()).toContain(
      path.startsWith('/en/') ? 'Made-up test award' : '测试用虚构荣誉',
    );
    expect(await sections.nth(2).innerText()).not.toContain(
      path.startsWith('/en/') ? 'Made-up test award' : '测试用虚构荣誉',
    );
    expect(consoleErrors).toEqual([]);
  });

  test('a unit of one year has a history of one year', async () => {
    const text = await mainText('/en/units/test-workshop/');
    expect(text).toContain('Test Workshop (made up) year by year');
    expect(text).toContain('appears in the 2009 report only');
  });
});

describe('the gallery by year', () => {
  test.each([
    ['/gallery/', ['2009年度', '2007年度'], '2009年度活动图片', '2008年1月迎新春活动的图片'],
    ['/en/gallery/', ['2009', '2007'], 'Photos of 2009', 'January 2008'],
  ])(
    '%s groups events by year, newest first, with each year’s intro',
    async (path, headings, intro2009, intro2007) => {
      const { page } = await load(url(path));
      const years = page.locator('.gallery-year');
      expect(await years.locator('> h2').allInnerTexts()).toEqual(headings);
      expect(await years.nth(0).locator('.gallery-year__intro').innerText()).toBe(intro2009);
      expect(await years.nth(1).locator('.gallery-year__intro').innerText()).toContain(intro2007);
      expect(await years.nth(0).locator('.event-card').count()).toBe(2);
      expect(await years.nth(1).locator('.event-card').count()).toBe(3);
      // The 2009 photo with no event sits in 2009; 2007's three in 2007.
      expect(await years.nth(0).locator('.photo-grid__link').count()).toBe(1);
      expect(await years.nth(1).locator('.photo-grid__link').count()).toBe(3);
    },
  );

  test.each([
    ['/gallery/photos/lantern-riddles/', '2009'],
    ['/en/gallery/photos/choir-rehearsal/', '2009'],
    ['/gallery/photos/musical/', '2007'],
    ['/en/gallery/photos/bonfire-song-and-dance/', '2007'],
  ])('%s carries the year filter %s', async (path, year) => {
    const { page } = await load(url(path));
    const article = page.locator('[data-pagefind-body]');
    expect(await article.getAttribute('data-search-year')).toBe(year);
    expect(await article.getAttribute('data-pagefind-filter')).toContain('year[data-search-year]');
  });

  test("a photo's unit links its page of the photo's year", async () => {
    const { page } = await load(url('/gallery/photos/tug-of-war/'));
    const hrefs = await page
      .locator('main a')
      .evaluateAll((anchors) =>
        anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
    expect(hrefs).toContain('/2009/units/test-workshop/');
  });
});

describe("each year's PDF carries only that year's featured photos", () => {
  function pdfText(file: string): string {
    const result = spawnSync('pdftotext', [join(yearsDir, 'downloads', file), '-'], {
      encoding: 'utf8',
    });
    if (result.error) throw new Error('pdftotext is missing: install poppler-utils.');
    return result.stdout.replace(/\s+/g, ' ');
  }
  test.each(['2007', '2008', '2009'])('%s (English)', (year) => {
    const text = pdfText(`${year}-report.en.pdf`);
    expect(text.includes('lantern riddles'), year).toBe(year === '2009');
    // 2007's featured photo (the bonfire song-and-dance) is in 2007's edition only.
    expect(text.includes('July Torch Festival'), year).toBe(year === '2007');
  });
  test('the Chinese 2009 edition has the 2009 photo, the 2007 one does not', () => {
    const flat = (file: string) => pdfText(file).replace(/ /g, '');
    expect(flat('2009-report.zh-CN.pdf')).toContain('猜灯谜');
    expect(flat('2007-report.zh-CN.pdf')).not.toContain('猜灯谜');
  });
});

describe('accessibility of the new pages', () => {
  const pages = ['/units/hotel/', '/en/units/hotel/', '/gallery/', '/en/gallery/'];
  describe.each(pages)('%s', (path) => {
    test.each([
      ['phone', 360, 740],
      ['desktop', 1280, 900],
    ] as const)('has no axe violations (%s)', async (_name, width, height) => {
      const { page } = await load(url(path));
      await page.setViewportSize({ width, height });
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
