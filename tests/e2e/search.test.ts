// Search (issue 5) in Chromium over the built site: the queries readers make, in both languages,
// Chinese substrings and out-of-order queries, English stems, filters, anchors, keyboard use, axe,
// the base path and a page without JavaScript. It also prints what the issue asks to measure.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { rewriteQuery } from '../../src/search/bigram-tokens';
import { plainText, rankByPhrases } from '../../src/search/result-ranking';
import {
  axeViolations,
  explainFragmentFailure,
  readResultInPage,
  recordFetches,
  visit,
} from '../support/site';

const rootUrl = inject('rootUrl');
const rootDir = inject('rootDir');
/** A failed in-page search on the root site, with what its failing fragment is on disk and served. */
const explainFailure = (error: unknown) => explainFragmentFailure(error, rootDir, rootUrl);
const baseUrl = inject('baseUrl');
/** Photo pages are in the build once the gallery is: its folder, or any page marked as a photo for search. */
const hasGallery =
  existsSync(join(rootDir, 'gallery')) ||
  readdirSync(rootDir, { recursive: true, encoding: 'utf8' }).some(
    (file) =>
      file.endsWith('.html') &&
      readFileSync(join(rootDir, file), 'utf8').includes('data-search-kind="photo"'),
  );
const photoLabels = ['图片', 'Photo'];

/**
 * A query and the page it must find among the first three results. `expected` is a site path:
 * a page (its anchor is ignored), a glossary entry (`/glossary/#term`), or `photo` for any photo
 * page of the gallery (under /gallery/, or shown with the kind “photo”). `needsGallery` queries find
 * words that only photo captions have: they apply once the gallery's photo pages are in the build.
 */
interface QueryCase {
  query: string;
  expected: string;
  needsGallery?: boolean;
}

const zh: QueryCase[] = [
  // Substrings that straddle the segmenter's word boundaries (Pagefind issue #987).
  { query: '班组', expected: '/glossary/#team' },
  { query: '轮值', expected: '/2007/units/hotel/' },
  { query: '组员轮值', expected: '/2007/units/hotel/' },
  { query: '组员轮值', expected: '/glossary/#rotating-team-leader' },
  { query: '宾馆', expected: '/2007/units/hotel/' },
  { query: '六常法', expected: '/glossary/#six-constants' },
  { query: '六常法', expected: '/2007/units/hotel/' },
  { query: '常整顿', expected: '/2007/units/hotel/' },
  { query: '首问责任制', expected: '/glossary/#first-contact-responsibility' },
  { query: '首问责任制', expected: '/2007/units/industrial-company/' },
  { query: '篝火晚会', expected: '/2007/units/mining-department/' },
  { query: '篝火晚会', expected: 'photo', needsGallery: true },
  { query: '汽排球', expected: 'photo', needsGallery: true },
  { query: '纯净水厂', expected: '/2007/units/purified-water-plant/' },
  { query: '绿牌', expected: '/glossary/#green-card-pass' },
  { query: '绿牌', expected: '/2007/' },
  // Unit names.
  { query: '生产一班', expected: '/2007/units/alloy-production-team-1/' },
  { query: '铝合金厂', expected: '/2007/units/aluminium-alloy-plant/' },
  { query: '财务部', expected: '/2007/units/finance-department/' },
  { query: '平果铝医院', expected: '/2007/units/hospital/' },
  { query: '实业管理部', expected: '/2007/units/industry-management-department/' },
  { query: '生活服务公司', expected: '/2007/units/living-services-company/' },
  { query: '矿山部', expected: '/2007/units/mining-department/' },
  { query: '保卫部', expected: '/2007/units/security-department/' },
  { query: '监理公司', expected: '/2007/units/supervision-company/' },
  // Glossary terms, by their Chinese and by their English name.
  { query: '五小一改', expected: '/glossary/#five-smalls-one-improvement' },
  { query: '限时办结制', expected: '/glossary/#time-limited-completion' },
  { query: '学习型班组', expected: '/glossary/#learning-team' },
  { query: '责任分片包干', expected: '/glossary/#zoned-responsibility' },
  { query: 'Six Constants', expected: '/glossary/#six-constants' },
  { query: 'green-card', expected: '/glossary/#green-card-pass' },
  // Report sections and figures.
  { query: '基本做法', expected: '/2007/' },
  { query: '存在不足', expected: '/2007/' },
  { query: '50、95、95', expected: '/glossary/#target-50-95-95' },
];

const en: QueryCase[] = [
  // Stems: the query's form need not be the text's.
  // "teams" is the report's own word; the singular glossary terms must still rank (see qualified-team).
  { query: 'teams', expected: '/en/2007/' },
  { query: 'leaders', expected: '/en/glossary/#team-leader' },
  { query: 'rotating', expected: '/en/2007/units/hotel/' },
  { query: 'rotate', expected: '/en/2007/units/hotel/' },
  { query: 'tidy', expected: '/en/glossary/#six-constants' },
  { query: 'inspections', expected: '/en/glossary/#four-level-inspection' },
  // Unit names.
  { query: 'hotel', expected: '/en/2007/units/hotel/' },
  { query: 'purified water', expected: '/en/2007/units/purified-water-plant/' },
  { query: 'Pingguo Aluminium Hospital', expected: '/en/2007/units/hospital/' },
  { query: 'Finance Department', expected: '/en/2007/units/finance-department/' },
  { query: 'Security Department', expected: '/en/2007/units/security-department/' },
  { query: 'Production Team 1', expected: '/en/2007/units/alloy-production-team-1/' },
  { query: 'supervision company', expected: '/en/2007/units/supervision-company/' },
  // Glossary terms, by their English and by their Chinese name.
  { query: 'Six Constants', expected: '/en/glossary/#six-constants' },
  { query: 'first-contact responsibility', expected: '/en/glossary/#first-contact-responsibility' },
  { query: 'green card', expected: '/en/glossary/#green-card-pass' },
  { query: 'accountability', expected: '/en/glossary/#accountability-system' },
  { query: '六常法', expected: '/en/glossary/#six-constants' },
  { query: '首问责任制', expected: '/en/glossary/#first-contact-responsibility' },
  { query: '组员轮值班长制', expected: '/en/glossary/#rotating-team-leader' },
  // Events and captions.
  { query: 'bonfire', expected: '/en/2007/units/mining-department/' },
  { query: 'bonfire party', expected: 'photo', needsGallery: true },
  { query: 'volleyball', expected: 'photo', needsGallery: true },
  // Report sections.
  { query: 'shortcomings', expected: '/en/2007/' },
];

/** Out-of-order queries: every character is on the page, never in this order. */
const outOfOrder = [
  { query: '员组', page: '/2007/units/hotel/' },
  { query: '值轮', page: '/2007/units/hotel/' },
  { query: '法常六', page: '/2007/units/hotel/' },
  { query: '馆宾', page: '/2007/units/hotel/' },
];

interface ShownResult {
  href: string;
  kind: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Closes a page once its network is quiet: Pagefind may still be fetching index chunks in the background. */
async function done(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.close();
}

const searchUrl = (root: string, lang: 'zh' | 'en', params: Record<string, string>) =>
  `${new URL(lang === 'en' ? 'en/search/' : 'search/', root).href}?${new URLSearchParams(params)}`;

/** Waits until the list shows the search for these form values, and reads it. */
async function shownResults(
  page: Page,
  query: string,
  kind = '',
  year = '',
): Promise<ShownResult[]> {
  const key = [query, kind, year].join('|');
  await page.waitForFunction(
    (wanted) => document.getElementById('search-results')?.dataset['query'] === wanted,
    key,
  );
  return page.$$eval('#search-results > li', (items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      kind: item.querySelector('.search-result__kind')?.textContent ?? '',
    })),
  );
}

/**
 * Runs a query in the search page already open, as a reader submits the box (the form's submit runs
 * it at once, no typing pause), and reads the results: one page load per language for many queries,
 * not one per query (a load fetches Pagefind's code and index again). The page loads its search code
 * only once the reader focuses the box (SearchForm.astro); a submit before it is there is the plain
 * form's, a navigation. So a page's first query comes from the address, as the header's box sends
 * it, which starts the code at once; the page is marked once a search has shown, and the next
 * queries are typed.
 */
async function searchFor(page: Page, query: string, kind = ''): Promise<ShownResult[]> {
  if (!(await page.evaluate(() => 'searchShown' in window))) {
    const address = new URL(page.url());
    address.searchParams.set('q', query);
    await page.goto(address.href);
    const results = await shownResults(page, query, kind);
    await page.evaluate(() => Object.assign(window, { searchShown: true }));
    return results;
  }
  // A query equal to the one shown must not read the old list as the new one's.
  await page.evaluate(() => delete document.getElementById('search-results')?.dataset['query']);
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  return shownResults(page, query, kind);
}

/** A result's href as the suite's expectations write it: the site path, the anchor kept only for glossary entries. */
function comparable(href: string, base = '/'): string {
  const path = href.startsWith(base) ? `/${href.slice(base.length)}` : href;
  return path.includes('/glossary/#') ? path : (path.split('#')[0] ?? path);
}

function matches(expected: string, result: ShownResult): boolean {
  const path = comparable(result.href);
  if (expected !== 'photo') return path === expected;
  return (
    /^\/(en\/)?gallery\/.+/.test(path) || photoLabels.some((label) => result.kind.startsWith(label))
  );
}

async function runCases(cases: QueryCase[], lang: 'zh' | 'en') {
  const { page, consoleErrors } = await visit(browser, searchUrl(rootUrl, lang, {}));
  const notApplicable = cases.filter((entry) => entry.needsGallery && !hasGallery);
  if (notApplicable.length > 0) {
    console.log(
      `search (${lang}): not applicable until the gallery's photo pages are in the build (no /gallery/): ` +
        notApplicable.map((entry) => `“${entry.query}” → ${entry.expected}`).join(', '),
    );
  }
  const failures: string[] = [];
  const wrongLocale: string[] = [];
  for (const entry of cases.filter((entry) => !entry.needsGallery || hasGallery)) {
    const results = await searchFor(page, entry.query);
    const top = results.slice(0, 3).map((result) => comparable(result.href));
    if (!results.slice(0, 3).some((result) => matches(entry.expected, result))) {
      failures.push(
        `“${entry.query}”: expected ${entry.expected} in the top 3, got ${top.join(', ') || 'nothing'}`,
      );
    }
    for (const result of results) {
      if (lang === 'en' ? !result.href.startsWith('/en/') : result.href.startsWith('/en/')) {
        wrongLocale.push(`“${entry.query}” → ${result.href}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(wrongLocale).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await done(page);
}

describe('queries', () => {
  test(`${zh.length} Chinese queries each find their page in the top 3, and only Chinese pages`, async () => {
    await runCases(zh, 'zh');
  });
  test(`${en.length} English queries each find their page in the top 3, and only English pages`, async () => {
    await runCases(en, 'en');
  });
  test('the suite has at least 40 queries that apply to this build', () => {
    expect(
      [...zh, ...en].filter((entry) => !entry.needsGallery || hasGallery).length,
    ).toBeGreaterThanOrEqual(40);
  });

  test('an out-of-order query does not rank the page that has its characters first', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', {}));
    for (const { query, page: path } of outOfOrder) {
      const results = await searchFor(page, query);
      expect(comparable(results[0]?.href ?? ''), query).not.toBe(path);
    }
    await done(page);
  });

  test('Pagefind out of the box, for comparison (printed, not asserted)', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', {}));
    // A string, so the test runner does not rewrite import() for Node.
    const input = JSON.stringify({
      queries: zh.filter((entry) => !entry.needsGallery),
      disordered: outOfOrder,
    });
    const report = (await page
      .evaluate(
        `(async ({ queries, disordered }) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const top3 = async (query) => {
        const { results } = await pagefind.search(query);
        return Promise.all(results.slice(0, 3).map(async (result) => (await (${readResultInPage})(result)).url));
      };
      let found = 0;
      for (const { query, expected } of queries) {
        const urls = await top3(query);
        const same = (url) => url === expected || (!expected.includes('#') && url.split('#')[0] === expected);
        if (urls.some(same)) found += 1;
      }
      const falseHits = [];
      for (const { query, page } of disordered) if ((await top3(query))[0] === page) falseHits.push(query);
      return { found, falseHits };
    })(${input})`,
      )
      .catch(explainFailure)) as { found: number; falseHits: string[] };
    console.log(
      `search: Pagefind alone finds ${report.found} of ${zh.filter((entry) => !entry.needsGallery).length} ` +
        'Chinese queries in the top 3 ' +
        `and ranks the page first for out-of-order ${report.falseHits.map((q) => `“${q}”`).join(', ') || '(none)'}.`,
    );
    await done(page);
  });
  test('any run of two or more Han characters finds its page (200 random runs from the Chinese pages)', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', {}));
    // Strings, so the test runner does not rewrite import() for Node.
    const pages = (await page
      .evaluate(
        `(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search(null, {});
      return Promise.all(results.map(async (result) => {
        const data = await (${readResultInPage})(result);
        return { url: data.url, content: data.content };
      }));
    })()`,
      )
      .catch(explainFailure)) as Array<{ url: string; content: string }>;
    let seed = 20_071_231;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const samples: Array<{ run: string; url: string }> = [];
    const withRuns = pages
      .map((entry) => ({
        url: entry.url,
        runs: plainText(entry.content).match(/\p{Script=Han}{2,}/gu) ?? [],
      }))
      .filter((entry) => entry.runs.length > 0);
    while (samples.length < 200) {
      const entry = withRuns[Math.floor(random() * withRuns.length)];
      const run = entry?.runs[Math.floor(random() * entry.runs.length)] ?? '';
      const length = 2 + Math.floor(random() * Math.min(5, run.length - 1));
      const start = Math.floor(random() * (run.length - length + 1));
      if (entry && run.length >= 2)
        samples.push({ run: run.slice(start, start + length), url: entry.url });
    }
    const found = (await page
      .evaluate(
        `(async (queries) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const out = [];
      for (const query of queries) {
        const { results } = await pagefind.search(query);
        out.push(await Promise.all(results.map(async (result) => {
          const data = await (${readResultInPage})(result);
          return { url: data.url, content: data.content, title: data.meta.title ?? '', score: result.score };
        })));
      }
      return out;
    })(${JSON.stringify(samples.map((sample) => rewriteQuery(sample.run, 'zh-CN').engineQuery))})`,
      )
      .catch(explainFailure)) as Array<
      Array<{ url: string; content: string; title: string; score: number }>
    >;
    const missed = samples.filter((sample, index) => {
      const kept = rankByPhrases(
        (found[index] ?? []).map((entry) => ({ ...entry, text: plainText(entry.content) })),
        [sample.run],
      );
      return !kept.some((entry) => entry.url === sample.url);
    });
    expect(missed.map((sample) => `${sample.run} @ ${sample.url}`)).toEqual([]);

    // For comparison, Pagefind alone with the same runs, as typed and as a quoted phrase.
    const alone = (await page
      .evaluate(
        `(async (samples) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const stats = { typed: { found: 0, results: 0, literal: 0 }, quoted: { found: 0, results: 0, literal: 0 } };
      for (const { run, url } of samples) {
        for (const [mode, query] of [['typed', run], ['quoted', '"' + run + '"']]) {
          const { results } = await pagefind.search(query);
          const data = await Promise.all(results.map(${readResultInPage}));
          stats[mode].found += data.some((entry) => entry.url === url) ? 1 : 0;
          stats[mode].results += data.length;
          stats[mode].literal += data.filter((entry) => entry.content.replace(/\\s+/g, '').includes(run)).length;
        }
      }
      return stats;
    })(${JSON.stringify(samples)})`,
      )
      .catch(explainFailure)) as Record<
      'typed' | 'quoted',
      { found: number; results: number; literal: number }
    >;
    const ours = found.reduce((sum, results) => sum + results.length, 0);
    console.log(
      `search: 200 random Chinese runs. Pagefind alone, as typed: finds ${alone.typed.found}/200, ` +
        `${alone.typed.results - alone.typed.literal} of ${alone.typed.results} results lack the run; ` +
        `as a quoted phrase: finds ${alone.quoted.found}/200. ` +
        `With bigram tokens: finds 200/200 from ${ours} candidates before the literal check.`,
    );
    await done(page);
  });
});

describe('results', () => {
  test('link to the section they were found in', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', { kind: 'report' }));
    let loaded: 'zh' | 'en' = 'zh';
    for (const [lang, query, expected] of [
      ['zh', '宾馆', '/2007/#unit-hotel'],
      ['zh', '生产一班', '/2007/#unit-aluminium-alloy-plant'],
      ['en', 'rotating', '/en/2007/#unit-hotel'],
      ['en', 'shortcomings', '/en/2007/#shortcomings'],
    ] as const) {
      // One load per language (the kind chosen in the address), the queries typed in it.
      if (lang !== loaded) await page.goto(searchUrl(rootUrl, lang, { kind: 'report' }));
      loaded = lang;
      const [first] = await searchFor(page, query, 'report');
      expect(first?.href, query).toBe(expected);
    }
    // Following the link lands on an element with that id.
    await page.click('#search-results a');
    await page.waitForURL(/#shortcomings$/);
    expect(await page.locator('#shortcomings').count()).toBe(1);
    await done(page);
  });

  test('show highlighted excerpts, without the index’s own tokens', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', { q: '常整顿' }));
    await shownResults(page, '常整顿');
    const marks = await page.$$eval('#search-results mark', (elements) =>
      elements.map((element) => element.textContent),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['常整顿']));
    expect(await page.locator('#search-results').innerText()).not.toMatch(/zz[0-9a-f]{10}/);
    await page.goto(searchUrl(rootUrl, 'en', { q: 'rotating' }));
    await shownResults(page, 'rotating');
    expect(await page.locator('#search-results mark').first().innerText()).toMatch(/rotating/i);
    await done(page);
  });

  test('never show what only the hidden index tokens matched (issue 12)', async () => {
    const { page, consoleErrors } = await visit(browser, searchUrl(rootUrl, 'zh', {}));
    for (const query of ['zz', 'ZZ0', 'zz0', `zz${'073ed07ec4'}`]) {
      expect(await searchFor(page, query), query).toEqual([]);
      expect(await page.locator('#search-status').innerText()).toBe(
        `没有找到与“${query}”相关的内容。`,
      );
    }
    // Beside a Chinese phrase, such a word must still show in the result's text.
    expect(await searchFor(page, '宾馆 zz')).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await done(page);
  });

  test('say the query exactly as typed, with the count in its plural form (issue 12)', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', {}));
    let loaded: 'zh' | 'en' = 'zh';
    for (const [lang, query, status] of [
      ['zh', '宾馆 $&', /^找到 \d+ 条与“宾馆 \$&”相关的结果。$/],
      ['zh', "$'", /^没有找到与“\$'”相关的内容。$/],
      ['en', 'hotel $`', /^\d+ results for “hotel \$`”\.$/],
      ['en', "$'$&", /^Nothing found for “\$'\$&”\.$/],
      ['en', 'shortcomings', /^1 result for “shortcomings”\.$/],
    ] as const) {
      // One load per language, the queries typed in it.
      if (lang !== loaded) await page.goto(searchUrl(rootUrl, lang, {}));
      loaded = lang;
      await searchFor(page, query);
      expect(await page.locator('#search-status').innerText(), query).toMatch(status);
    }
    await done(page);
  });

  test('filter by kind and year, and keep the search in the address', async () => {
    const { page } = await visit(browser, searchUrl(rootUrl, 'zh', { q: '六常法', kind: 'unit' }));
    const units = await shownResults(page, '六常法', 'unit');
    expect(units.length).toBeGreaterThan(0);
    for (const result of units) expect(result.href).toMatch(/^\/2007\/units\/[^/]+\/(#.*)?$/);
    expect(await page.inputValue('#search-q')).toBe('六常法');
    expect(await page.inputValue('#search-kind')).toBe('unit');

    await page.selectOption('#search-kind', 'term');
    const terms = await shownResults(page, '六常法', 'term');
    expect(terms.map((result) => result.href)).toContain('/glossary/#six-constants');
    for (const result of terms) expect(result.href).toMatch(/^\/glossary\/#/);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('term');

    await page.selectOption('#search-kind', '');
    await page.selectOption('#search-year', '2007');
    const in2007 = await shownResults(page, '六常法', '', '2007');
    expect(in2007.length).toBeGreaterThan(0);
    // Glossary terms belong to no year.
    for (const result of in2007) expect(result.href).not.toContain('/glossary/');
    expect(new URL(page.url()).search).toBe(
      `?${new URLSearchParams({ q: '六常法', year: '2007' })}`,
    );
    await done(page);
  });

  test('work under the base path', async () => {
    const { page, consoleErrors, failedResponses } = await visit(
      browser,
      searchUrl(baseUrl, 'zh', { q: '宾馆' }),
    );
    const results = await shownResults(page, '宾馆');
    expect(results.map((result) => result.href)).toContain('/report/2007/units/hotel/');
    for (const result of results) expect(result.href.startsWith('/report/')).toBe(true);
    await page.click('#search-results a[href="/report/2007/units/hotel/"]');
    await page.waitForURL(/\/report\/2007\/units\/hotel\/$/);
    expect(consoleErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
    await done(page);
  });
});

describe('the search box and page', () => {
  test('every page has the header search box, a plain form to the search page of its language', async () => {
    for (const [path, action] of [
      ['', '/search/'],
      ['2007/units/hotel/', '/search/'],
      ['en/glossary/', '/en/search/'],
    ] as const) {
      const { page } = await visit(browser, new URL(path, rootUrl).href, { javaScript: false });
      const form = page.locator('.site-header form[role="search"]');
      expect(await form.getAttribute('action')).toBe(action);
      expect(await form.getAttribute('method')).toBe('get');
      expect(await page.locator('.site-header input[name="q"]').getAttribute('id')).toBe(
        'header-search-q',
      );
      expect(await page.locator('label[for="header-search-q"]').count()).toBe(1);
      await done(page);
    }
  });

  test('without JavaScript, the header box leads to the search page, which says so and links the indexes', async () => {
    const { page } = await visit(browser, new URL('2007/', rootUrl).href, { javaScript: false });
    await page.fill('#header-search-q', '宾馆');
    await page.press('#header-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('宾馆');
    const text = await page.locator('main').innerText();
    expect(text).toContain('JavaScript');
    for (const href of ['/2007/', '/2007/units/', '/glossary/'])
      expect(
        await page.locator(`main noscript ~ * a[href="${href}"], main a[href="${href}"]`).count(),
      ).toBeGreaterThan(0);
    await done(page);
  });

  test('works with the keyboard alone, announcing results in a live region', async () => {
    const { page, consoleErrors } = await visit(browser, searchUrl(rootUrl, 'en', {}));
    expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'search-q' && steps < 20) {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.type('hotel');
    await shownResults(page, 'hotel');
    expect(await page.locator('#search-status').innerText()).toMatch(/results for “hotel”/);
    // Kind filter, from the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-kind');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await shownResults(page, 'hotel', 'unit');
    await page.keyboard.press('Tab'); // year
    await page.keyboard.press('Tab'); // submit
    await page.keyboard.press('Tab'); // first result
    expect(
      await page.evaluate(() => document.activeElement?.closest('#search-results') !== null),
    ).toBe(true);
    const target = await page.evaluate(() =>
      (document.activeElement as HTMLAnchorElement).getAttribute('href'),
    );
    expect(target).toBe('/en/2007/units/hotel/');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/en/2007/units/hotel/');
    expect(consoleErrors).toEqual([]);
    await done(page);
  });

  test('has no axe violations with results shown (phone and desktop)', async () => {
    for (const [lang, query] of [
      ['zh', '六常法'],
      ['en', 'rotating'],
    ] as const) {
      // One load per language, measured at both widths.
      const { page } = await visit(browser, searchUrl(rootUrl, lang, { q: query }));
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await shownResults(page, query);
        expect(await axeViolations(page), `${lang} ${width}`).toEqual([]);
      }
      await done(page);
    }
  });

  test('is in the sitemap in both languages', () => {
    const sitemap = readFileSync(join(rootDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toMatch(/<loc>[^<]*\/search\/<\/loc>/);
    expect(sitemap).toMatch(/<loc>[^<]*\/en\/search\/<\/loc>/);
  });
});

describe('measurements (printed for the issue; budgets only)', () => {
  test('index size per locale', () => {
    const dir = join(rootDir, 'pagefind');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      statSync(join(dir, file)).isFile(),
    );
    const size = (pattern: RegExp) =>
      files
        .filter((file) => pattern.test(file))
        .reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
    const sizes = {
      'zh-cn': size(/(^|\/)(pagefind\.)?zh-cn_/),
      en: size(/(^|\/)(pagefind\.)?en_/),
    };
    const shared = size(/^(pagefind\.js|pagefind-entry\.json|wasm\..*)$/);
    console.log(
      `search: index size zh-cn ${sizes['zh-cn']} bytes, en ${sizes.en} bytes; ` +
        `shared code (pagefind.js, WebAssembly) ${shared} bytes.`,
    );
    expect(sizes['zh-cn']).toBeGreaterThan(0);
    expect(sizes.en).toBeGreaterThan(0);
    // The published site carries no prebuilt search UI and no search-records file.
    expect(files.some((file) => file.startsWith('pagefind-ui'))).toBe(false);
    expect(existsSync(join(rootDir, 'search-records.json'))).toBe(false);
  });

  test('JavaScript loaded before and after the first query, and time from keystroke to first result', async () => {
    const report: string[] = [];
    for (const [lang, query] of [
      ['zh', '宾馆'],
      ['en', 'hotel'],
    ] as const) {
      const { page } = await visit(browser, searchUrl(rootUrl, lang, {}));
      const fetched = recordFetches(page);
      // What loaded with the page itself (before this listener) is measured from the performance timeline.
      const before = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry) =>
              (entry as PerformanceResourceTiming).initiatorType === 'script' ||
              entry.name.endsWith('.js'),
          )
          .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).decodedBodySize, 0),
      );
      await page.evaluate(() => {
        const list = document.getElementById('search-results');
        const timing = { input: 0, result: 0 };
        (window as unknown as { searchTiming: typeof timing }).searchTiming = timing;
        document
          .getElementById('search-q')
          ?.addEventListener('input', () => (timing.input ||= performance.now()), {
            capture: true,
          });
        new MutationObserver(() => {
          if (!timing.result && list?.children.length) timing.result = performance.now();
        }).observe(list as Node, { childList: true });
      });
      // Cold: the reader clicks into the box and types at once; nothing of search was loaded before.
      await page.click('#search-q');
      await page.keyboard.insertText(query);
      await shownResults(page, query);
      const cold = await page.evaluate(
        () =>
          (window as unknown as { searchTiming: { input: number; result: number } }).searchTiming,
      );
      const loaded = await fetched.settled();
      const js = loaded.filter(
        (entry) => entry.type === 'script' || /\.m?js$/.test(new URL(entry.url).pathname),
      );
      const wasm = loaded.filter((entry) => /wasm\./.test(entry.url));
      const index = loaded.filter((entry) =>
        /\.pf_(meta|index|fragment|filter)$|pagefind-entry\.json$/.test(entry.url),
      );
      const sum = (entries: typeof loaded) =>
        entries.reduce((total, entry) => total + entry.bytes, 0);
      report.push(
        `${lang}: JS before the first query ${before} bytes; after it +${sum(js)} bytes of JS ` +
          `(${js.map((entry) => `${new URL(entry.url).pathname.split('/').at(-1)} ${entry.bytes}`).join(', ')}), ` +
          `+${sum(wasm)} bytes of WebAssembly, +${sum(index)} bytes of index; ` +
          `keystroke to first result ${Math.round(cold.result - cold.input)} ms ` +
          `(cold, includes the ${150} ms typing pause)`,
      );
      // Warm: a second query, everything loaded.
      await page.fill('#search-q', '');
      await shownResults(page, '');
      await page.evaluate(() =>
        Object.assign(
          (window as unknown as { searchTiming: { input: number; result: number } }).searchTiming,
          { input: 0, result: 0 },
        ),
      );
      await page.keyboard.insertText(lang === 'zh' ? '六常法' : 'rotating');
      await shownResults(page, lang === 'zh' ? '六常法' : 'rotating');
      const warm = await page.evaluate(
        () =>
          (window as unknown as { searchTiming: { input: number; result: number } }).searchTiming,
      );
      report[report.length - 1] += `, ${Math.round(warm.result - warm.input)} ms warm.`;
      console.log(`search: ${report.at(-1)}`);
      // Budgets: the page's own script stays tiny; the search code is small next to Pagefind's.
      expect(before).toBeLessThan(4_000);
      expect(sum(js)).toBeLessThan(60_000);
      await done(page);
    }
  });
});
