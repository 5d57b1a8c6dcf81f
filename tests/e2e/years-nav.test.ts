// Years as a first-class axis (issue 14), on the three-year fixture yearbook (2007 real, 2008 and
// 2009 made up) and on the real single-year site: the year switcher, the header and footer of a
// page of an earlier year, /years/ and the home page's earlier years.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { axeViolations, sharedTab, visit } from '../support/site';

const yearsUrl = inject('yearsUrl');
const rootUrl = inject('rootUrl');
const years = [2009, 2008, 2007] as const;
const locales = [
  { prefix: '/', lang: 'zh', folder: 'zh-cn' },
  { prefix: '/en/', lang: 'en', folder: 'en' },
] as const;

/** A report's frontmatter as the editors wrote it: the real 2007, the fixture's 2008 and 2009. */
function reportData(year: number, folder: string): { title: string; slogan: string } {
  const file =
    year === 2007
      ? `src/content/reports/${folder}/${year}.mdx`
      : `tests/fixtures/years-3/src/content/reports/${folder}/${year}.mdx`;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return parse(frontmatter) as { title: string; slogan: string };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const at = (site: string, path: string) => new URL(path.replace(/^\//, ''), site).href;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** One tab the tests share, sent from page to page and resized (each reads one page at a time). */
const load = sharedTab(() => browser);
async function open(site: string, path: string, width = 1280): Promise<Page> {
  const { page, status } = await load(at(site, path), width);
  expect(status, path).toBe(200);
  return page;
}

/** The switcher's links as the reader gets them: year text, href, and which is current. */
function switcherLinks(page: Page) {
  return page.$$eval('nav.year-switcher a', (links) =>
    links.map((link) => ({
      text: link.textContent?.trim() ?? '',
      href: link.getAttribute('href'),
      current: link.getAttribute('aria-current'),
    })),
  );
}

describe.each(locales)('the year switcher ($lang)', ({ prefix }) => {
  test('round trip: 2009 report → 2007 report → back, with JavaScript off', async () => {
    const { page } = await visit(browser, at(yearsUrl, `${prefix}2009/`), { javaScript: false });
    const nav = page.locator('nav.year-switcher');
    expect(await nav.count()).toBe(1);
    expect(await nav.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await nav.getAttribute('aria-label')).toBeNull();
    // Its name is the visible label.
    const labelId = (await nav.getAttribute('aria-labelledby')) ?? '';
    expect((await page.locator(`#${labelId}`).textContent())?.trim()).toBeTruthy();

    expect(await switcherLinks(page)).toEqual(
      years.map((year) => ({
        text: expect.stringContaining(String(year)),
        href: `${prefix}${year}/`,
        current: year === 2009 ? 'page' : null,
      })),
    );

    await page.click(`nav.year-switcher a[href="${prefix}2007/"]`);
    await page.waitForLoadState('load');
    expect(pathOf(page)).toBe(`${prefix}2007/`);
    expect(await page.locator('nav.year-switcher a[aria-current="page"]').textContent()).toContain(
      '2007',
    );
    await page.click(`nav.year-switcher a[href="${prefix}2009/"]`);
    await page.waitForLoadState('load');
    expect(pathOf(page)).toBe(`${prefix}2009/`);
    await page.close();
  });

  test('the year switcher lists the years newest first, the same in every year', async () => {
    for (const year of years) {
      const page = await open(yearsUrl, `${prefix}${year}/`);
      const links = await switcherLinks(page);
      expect(links.map((link) => link.href)).toEqual(years.map((y) => `${prefix}${y}/`));
      expect(links.filter((link) => link.current === 'page').map((link) => link.href)).toEqual([
        `${prefix}${year}/`,
      ]);
    }
  });

  test('on a 2007 page the header links stay in 2007 and the footer and metadata credit 2007', async () => {
    const page = await open(yearsUrl, `${prefix}2007/`);
    const header = await page.$$eval('.site-nav a', (links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(header).toContain(`${prefix}2007/`);
    expect(header).toContain(`${prefix}2007/units/`);
    expect(header.some((href) => /\/(2008|2009)\//.test(href ?? ''))).toBe(false);

    const folder = prefix === '/' ? 'zh-cn' : 'en';
    const footer = (await page.locator('.site-footer').textContent()) ?? '';
    expect(footer).toContain(reportData(2007, folder).title);
    expect(footer).not.toContain(reportData(2009, folder).title);
    const author = await page.getAttribute('meta[name="author"]', 'content');
    expect(author).toMatch(prefix === '/' ? /李兵/ : /Li Bing/);
  });

  test('pages of no year (the glossary) link and credit the newest year', async () => {
    const page = await open(yearsUrl, `${prefix}glossary/`);
    expect(await page.locator('nav.year-switcher').count()).toBe(0);
    expect(await page.getAttribute('.site-nav a >> nth=0', 'href')).toBe(`${prefix}2009/`);
    const folder = prefix === '/' ? 'zh-cn' : 'en';
    expect(await page.locator('.site-footer').textContent()).toContain(
      reportData(2009, folder).title,
    );
  });
});

describe.each(locales)('/years/ ($lang)', ({ prefix, folder }) => {
  test('lists the three years newest first with title, slogan, key figures and PDFs that download', async () => {
    const page = await open(yearsUrl, `${prefix}years/`);
    const entries = page.locator('.year-entry');
    expect(await entries.count()).toBe(3);
    for (const [index, year] of years.entries()) {
      const entry = entries.nth(index);
      const { title, slogan } = reportData(year, folder);
      const heading = entry.locator('h2');
      expect((await heading.textContent())?.trim()).toBe(title);
      expect(await heading.locator('a').getAttribute('href')).toBe(`${prefix}${year}/`);
      expect(await entry.textContent()).toContain(slogan);

      const values = await entry.locator('.figure-card__value').allTextContents();
      expect(values.length, `${year}: key figures`).toBeGreaterThan(0);
      for (const value of values) expect(value.trim()).not.toBe('');

      const pdf = entry.locator('.pdf-link a');
      expect(await pdf.count(), `${year}: PDF link`).toBe(1);
      const pdfHref = (await pdf.getAttribute('href')) ?? '';
      expect(pdfHref).toContain(String(year));
      const response = await page.request.get(at(yearsUrl, pdfHref));
      expect(response.status(), pdfHref).toBe(200);
      expect(response.headers()['content-type']).toMatch(/application\/pdf/);
    }
    // 2007's cards are the real report's: 108 teams in all.
    const cards2007 = await entries.nth(2).locator('.figure-card').allTextContents();
    expect(cards2007.join(' ')).toMatch(prefix === '/' ? /108\s*班组总数/ : /108\s*work teams/);
    // Each year's cards say how a figure changed (2009's excellent-team rate: 66% in 2007 → 71%).
    const changes2009 = await entries.nth(0).locator('.figure-card__change').allTextContents();
    expect(changes2009.join(' ')).toMatch(
      prefix === '/' ? /提高5\u2060个百分点/ : /up 5\u00a0points on 2007/,
    );
  });

  test('the home page leads with 2009 and links 2008 and 2007, and /years/', async () => {
    const page = await open(yearsUrl, prefix);
    expect(await page.locator('.hero__title').textContent()).toBe(reportData(2009, folder).title);
    const earlier = await page.$$eval('.earlier-years a', (links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(earlier).toEqual([`${prefix}2008/`, `${prefix}2007/`]);
    expect(await page.locator(`main a[href="${prefix}years/"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`footer a[href="${prefix}years/"]`).count()).toBe(1);
  });
});

describe.each(locales)('the real single-year site ($lang)', ({ prefix, folder }) => {
  test('a report shows no year switcher', async () => {
    const page = await open(rootUrl, `${prefix}2007/`);
    expect(await page.locator('nav.year-switcher').count()).toBe(0);
  });

  test('/years/ lists 2007 only, and the home page has no empty earlier-years block', async () => {
    const page = await open(rootUrl, `${prefix}years/`);
    expect(await page.locator('.year-entry').count()).toBe(1);
    expect((await page.locator('.year-entry h2').textContent())?.trim()).toBe(
      reportData(2007, folder).title,
    );
    const home = await open(rootUrl, prefix);
    expect(await home.locator('.earlier-years').count()).toBe(0);
    expect(await home.locator(`main a[href="${prefix}years/"]`).count()).toBe(1);
  });
});

describe.each(
  locales.flatMap(({ prefix }) => [`${prefix}years/`, `${prefix}2008/`].map((path) => ({ path }))),
)('$path on phones and desktops', ({ path }) => {
  test.each([320, 360, 1280])(
    'at %i px: no sideways scrolling, no axe violations',
    async (width) => {
      const page = await open(yearsUrl, path, width);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      if (/\d{4}\/$/.test(path)) {
        // The switcher is there, on screen, its links at least 24 px tall (WCAG 2.5.8).
        const boxes = await page.$$eval('nav.year-switcher a', (links) =>
          links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect),
        );
        expect(boxes).toHaveLength(3);
        for (const box of boxes) {
          expect(box.right).toBeLessThanOrEqual(width);
          expect(box.height).toBeGreaterThanOrEqual(24);
        }
      }
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});
