// Search across years (issue 14) in Chromium, on the three-year fixture yearbook (tests/fixtures/years-3:
// the real 2007, made-up 2008 and 2009): the true count and “more results”, the year filter built
// from the index with its counts, each hit's year, both languages, the keyboard and axe.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { rewriteQuery } from '../../src/search/bigram-tokens';
import { pageSize } from '../../src/search/result-pages';
import { plainText, rankByPhrases } from '../../src/search/result-ranking';
import { axeViolations, explainFragmentFailure, readResultInPage, visit } from '../support/site';

const yearsUrl = inject('yearsUrl');
const yearsDir = inject('yearsDir');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Lang = 'zh' | 'en';

interface ShownResult {
  href: string;
  kind: string;
  year: string;
}

const searchUrl = (lang: Lang, params: Record<string, string>) =>
  `${new URL(lang === 'en' ? 'en/search/' : 'search/', yearsUrl).href}?${new URLSearchParams(params)}`;

/** Closes a page once its network is quiet: Pagefind may still be fetching index chunks. */
async function done(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.close();
}

/** Waits until the list shows the search for these form values (and `shown` results of it), and reads it. */
async function shownResults(
  page: Page,
  query: string,
  kind = '',
  year = '',
  shown?: number,
): Promise<ShownResult[]> {
  await page.waitForFunction(
    ([key, count]) => {
      const list = document.getElementById('search-results');
      return (
        list?.dataset['query'] === key && (count === null || list.dataset['shown'] === `${count}`)
      );
    },
    [[query, kind, year].join('|'), shown ?? null] as const,
  );
  return page.$$eval('#search-results > li', (items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      kind: item.querySelector('.search-result__type')?.textContent ?? '',
      year: item.querySelector('.search-result__year')?.textContent ?? '',
    })),
  );
}

/**
 * The true number of hits, straight from Pagefind in the page: every result for English; for
 * Chinese, the candidates of the bigram query that contain the phrase literally (the page's rule).
 */
async function trueCount(page: Page, query: string, lang: Lang): Promise<number> {
  const { engineQuery, phrases } = rewriteQuery(query, lang === 'zh' ? 'zh-CN' : 'en');
  // A string, so the test runner does not rewrite import() for Node. A result that cannot be read
  // names its fragment, and the failure then says what that file is on disk and over the wire.
  const found = (await page
    .evaluate(
      `(async (query) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const { results } = await pagefind.search(query);
    return Promise.all(results.map(async (result) => {
      const data = await (${readResultInPage})(result);
      return { title: data.meta.title ?? '', content: data.content, score: result.score };
    }));
  })(${JSON.stringify(engineQuery)})`,
    )
    .catch((error: unknown) => explainFragmentFailure(error, yearsDir, yearsUrl))) as Array<{
    title: string;
    content: string;
    score: number;
  }>;
  const candidates = found.map((entry) => ({ ...entry, text: plainText(entry.content) }));
  return rankByPhrases(candidates, phrases).length;
}

const status = (page: Page) => page.locator('#search-status').innerText();
const yearOptions = (page: Page) =>
  page.$$eval('#search-year option', (options) =>
    options.map(
      (option) => [(option as HTMLOptionElement).value, option.textContent ?? ''] as const,
    ),
  );

describe('search across years', () => {
  for (const [lang, query] of [
    ['en', 'the'],
    ['zh', '班组'],
  ] as const) {
    test(`${lang}: “${query}” says the true count, and “more results” adds the rest`, async () => {
      const { page, consoleErrors } = await visit(browser, searchUrl(lang, { q: query }));
      const first = await shownResults(page, query);
      const total = await trueCount(page, query, lang);
      expect(total).toBeGreaterThan(pageSize);
      expect(first).toHaveLength(pageSize);
      const count = (shown: number) =>
        lang === 'en'
          ? `${total} results for “${query}”.${shown < total ? ` Showing the first ${shown}.` : ''}`
          : `找到 ${total} 条与“${query}”相关的结果。${shown < total ? `当前显示前 ${shown} 条。` : ''}`;
      expect(await status(page)).toBe(count(pageSize));
      const more = page.locator('#search-more');
      expect(await more.evaluate((button) => button.tagName)).toBe('BUTTON');
      expect(await more.getAttribute('type')).toBe('button');

      let shown = pageSize;
      while (shown < total) {
        const adding = Math.min(pageSize, total - shown);
        expect(await more.isVisible()).toBe(true);
        expect(await more.innerText()).toBe(
          lang === 'en'
            ? `Show ${adding} more result${adding === 1 ? '' : 's'}`
            : `再显示 ${adding} 条结果`,
        );
        // From the keyboard: focus the button and press Enter.
        await more.focus();
        await page.keyboard.press('Enter');
        const results = await shownResults(page, query, '', '', shown + adding);
        expect(results).toHaveLength(shown + adding);
        // Focus lands on the first result added, where reading goes on.
        expect(
          await page.evaluate(() => {
            const items = [...document.querySelectorAll('#search-results > li')];
            return items.indexOf(document.activeElement?.closest('li') as Element);
          }),
        ).toBe(shown);
        shown += adding;
        expect(await status(page)).toBe(count(shown));
      }
      expect(await more.isVisible()).toBe(false);
      const all = await shownResults(page, query, '', '', total);
      expect(new Set(all.map((result) => result.href)).size).toBe(total);
      expect(consoleErrors).toEqual([]);
      await done(page);
    });
  }

  test('the year filter lists every year of the index, newest first, with counts (zh and en)', async () => {
    for (const [lang, query, label] of [
      ['zh', '班组', (year: string, count: number) => `${year}年（${count}）`],
      ['en', 'team', (year: string, count: number) => `${year} (${count})`],
    ] as const) {
      const { page } = await visit(browser, searchUrl(lang, {}));
      // The search starts when the reader comes to the box; the filter then lists the index's years.
      await page.focus('#search-q');
      const known = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        return (await pagefind.filters()).year;
      })()`)) as Record<string, number>;
      expect(Object.keys(known).sort()).toEqual(['2007', '2008', '2009']);
      // Polled: the built page already lists the years without counts ("2007"), and the search
      // code writes the counts when its own call to Pagefind returns, a moment after ours.
      await expect
        .poll(async () => (await yearOptions(page)).slice(1))
        .toEqual(['2009', '2008', '2007'].map((year) => [year, label(year, known[year] ?? 0)]));
      // With a query, each year says how many results it has for it: choosing it shows that many.
      await page.keyboard.type(query);
      await shownResults(page, query);
      const total = await trueCount(page, query, lang);
      const options = await yearOptions(page);
      expect(options[0]).toEqual([
        '',
        lang === 'en' ? `All years (${total})` : `全部年份（${total}）`,
      ]);
      expect(options.map(([value]) => value)).toEqual(['', '2009', '2008', '2007']);
      for (const [year, text] of options.slice(1)) {
        const count = Number(/(\d+)\D*$/.exec(text)?.[1]);
        expect(text).toBe(label(year, count));
        await page.selectOption('#search-year', year);
        const inYear = await shownResults(page, query, '', year);
        expect(inYear.length).toBe(Math.min(count, pageSize));
        expect(await status(page)).toMatch(
          count === 0 ? /^(没有找到|Nothing found)/ : new RegExp(`(^| )${count} (results?|条)`),
        );
        // The counts stay those of the query over all years while a year is chosen.
        expect(await yearOptions(page)).toEqual(options);
      }
      expect(
        options.slice(1).reduce((sum, [, text]) => sum + Number(/(\d+)\D*$/.exec(text)?.[1]), 0),
      ).toBeLessThanOrEqual(total);
      await page.selectOption('#search-year', '');
      await shownResults(page, query);
      // The filter is reachable and usable from the keyboard: Tab from the kind filter, then the arrows.
      await page.focus('#search-kind');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-year');
      await page.keyboard.press('ArrowDown');
      const newest = await shownResults(page, query, '', '2009');
      expect(newest.length).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get('year')).toBe('2009');
      await done(page);
    }
  });

  test('year 2008 finds only 2008 hits, each saying its year; no year keeps the glossary (zh and en)', async () => {
    for (const [lang, query, yearText] of [
      ['zh', '班组', '2008年'],
      ['en', 'team', '2008'],
    ] as const) {
      const prefix = lang === 'en' ? '/en' : '';
      const { page, consoleErrors } = await visit(browser, searchUrl(lang, { q: query }));
      const all = await shownResults(page, query);
      // Every hit with a year says it: pages under /<year>/ that year, photo pages their report year;
      // glossary terms and a unit's history (every year at once) have none and say none.
      const shown = (year: string) => (lang === 'zh' ? `${year}年` : year);
      for (const result of all) {
        const pathYear = new RegExp(`^${prefix}/(\\d{4})/`).exec(result.href)?.[1];
        if (pathYear) expect(result.year, result.href).toBe(shown(pathYear));
        else if (result.href.startsWith(`${prefix}/gallery/photos/`))
          expect(result.year, result.href).toMatch(lang === 'zh' ? /^\d{4}年$/ : /^\d{4}$/);
        else expect(result.year, result.href).toBe('');
      }
      expect(all.some((result) => result.href.startsWith(`${prefix}/glossary/`))).toBe(true);

      await page.selectOption('#search-year', '2008');
      const in2008 = await shownResults(page, query, '', '2008');
      expect(in2008.map((result) => result.href.split('#')[0])).toContain(`${prefix}/2008/`);
      for (const result of in2008) {
        expect(result.href.startsWith(`${prefix}/2008/`), result.href).toBe(true);
        expect(result.year).toBe(yearText);
      }
      expect(await status(page)).toMatch(
        lang === 'en'
          ? new RegExp(`^${in2008.length} results? for “${query}”\\.$`)
          : new RegExp(`^找到 ${in2008.length} 条与“${query}”相关的结果。$`),
      );
      expect(new URL(page.url()).searchParams.get('year')).toBe('2008');
      // The same from the address, in a fresh page.
      await page.goto(searchUrl(lang, { q: query, year: '2008' }));
      expect(await shownResults(page, query, '', '2008')).toEqual(in2008);
      expect(await page.inputValue('#search-year')).toBe('2008');
      expect(consoleErrors).toEqual([]);
      await done(page);
    }
  });

  test('no axe violations with results, “more results” and the year filter in use (phone, desktop)', async () => {
    for (const [lang, query] of [
      ['zh', '班组'],
      ['en', 'the'],
    ] as const) {
      for (const width of [360, 1280]) {
        const { page } = await visit(browser, searchUrl(lang, { q: query }));
        await page.setViewportSize({ width, height: 900 });
        await shownResults(page, query);
        expect(await page.locator('#search-more').isVisible()).toBe(true);
        await page.focus('#search-year');
        expect(await axeViolations(page), `${lang} ${width}px`).toEqual([]);
        await page.click('#search-more');
        await shownResults(
          page,
          query,
          '',
          '',
          Math.min(2 * pageSize, await trueCount(page, query, lang)),
        );
        await page.selectOption('#search-year', '2008');
        await shownResults(page, query, '', '2008');
        await page.focus('#search-year');
        expect(await axeViolations(page), `${lang} ${width}px, year 2008`).toEqual([]);
        await done(page);
      }
    }
  });
});

/** The built pages of a kind and year (`data-search-kind`, `data-search-year`), with their path and h1. */
function pagesOf(kind: string, year: string): Array<{ path: string; title: string }> {
  return readdirSync(yearsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => {
      const html = readFileSync(join(yearsDir, file), 'utf8');
      if (!html.includes(`data-search-kind="${kind}"`)) return [];
      if (!html.includes(`data-search-year="${year}"`)) return [];
      const title = /<h1[^>]*>([\s\S]*?)<\/h1>/
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim();
      return title ? [{ path: `/${file.replace(/index\.html$/, '')}`, title }] : [];
    });
}

// Needs the per-year units and the photos' years of the years-model branch (the fixture's 2008
// units and 2009 photos, and `data-search-year` on photo pages): run it once that branch is merged.
describe('search across years: units and photos by year (after years-model)', () => {
  for (const [kind, year] of [
    ['unit', '2008'],
    ['photo', '2009'],
  ] as const) {
    test(`year ${year} finds the fixture's ${kind} pages of ${year}, and only pages of ${year}`, async () => {
      const pages = pagesOf(kind, year);
      expect(pages.length, `the fixture has ${kind} pages of ${year}`).toBeGreaterThan(0);
      const { page, consoleErrors } = await visit(browser, searchUrl('zh', {}));
      for (const target of pages) {
        const lang: Lang = target.path.startsWith('/en/') ? 'en' : 'zh';
        // The title as typed (English), or its longest run of Chinese characters.
        const query =
          lang === 'en'
            ? target.title
            : ([...target.title.matchAll(/\p{Script=Han}+/gu)]
                .map((match) => match[0])
                .sort((a, b) => b.length - a.length)[0] ?? target.title);
        await page.goto(searchUrl(lang, { q: query, year }));
        const found = await shownResults(page, query, '', year);
        expect(
          found.map((result) => result.href.split('#')[0]),
          `“${query}” in ${year}`,
        ).toContain(target.path);
        for (const result of found) {
          expect(result.href).toMatch(new RegExp(`^${lang === 'en' ? '/en' : ''}/`));
          expect(result.year).toBe(lang === 'zh' ? `${year}年` : year);
        }
        // With the kind too, and never under another year.
        await page.goto(searchUrl(lang, { q: query, kind, year }));
        expect(
          (await shownResults(page, query, kind, year)).map((result) => result.href.split('#')[0]),
        ).toContain(target.path);
        const other = year === '2009' ? '2008' : '2009';
        await page.goto(searchUrl(lang, { q: query, year: other }));
        expect(
          (await shownResults(page, query, '', other)).map((result) => result.href.split('#')[0]),
        ).not.toContain(target.path);
      }
      expect(consoleErrors).toEqual([]);
      await done(page);
    });
  }
});
