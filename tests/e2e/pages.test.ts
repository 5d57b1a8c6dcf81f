// Every page of both locales, as a reader's browser sees it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import {
  forEachInTabs,
  forEachLimit,
  openTab,
  pageConcurrency,
  pageKindSamples,
  sitePages,
  visit,
  type PageVisit,
  type Tab,
} from '../support/site';
import { testSiteUrl } from '../support/sites';
import { readSourceText } from '../support/source-text';

const rootUrl = inject('rootUrl');
const pages = sitePages(inject('rootDir'));
const notFoundPages = ['/404.html', '/en/404/'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => new URL(path.replace(/^\//, ''), rootUrl).href;

test('the site has every route of the report in both locales', () => {
  const units = [
    'industrial-company',
    'living-services-company',
    'hospital',
    'hotel',
    'supervision-company',
    'security-department',
    'aluminium-alloy-plant',
    'industry-management-department',
    'finance-department',
    'mining-department',
    'purified-water-plant',
    'alloy-production-team-1',
  ];
  for (const prefix of ['/', '/en/']) {
    for (const path of [
      '',
      '2007/',
      '2007/units/',
      'glossary/',
      ...units.map((unit) => `2007/units/${unit}/`),
      // Each unit's history across years.
      ...units.map((unit) => `units/${unit}/`),
    ]) {
      expect(pages).toContain(prefix + path);
    }
  }
});

/** What one visit of a page records: everything the per-page tests below assert on. */
interface PageRecord {
  status: number | undefined;
  consoleErrors: string[];
  outsideRequests: string[];
  failedResponses: string[];
  lang: string | null;
  headings: number;
  title: string;
  /** Where the language switcher leads (a path), if the page has one. */
  switcher: string | undefined;
  ids: Set<string>;
  links: string[];
}

const records = new Map<string, PageRecord>();

/** The other language's version of a path, as the language switcher must name it. */
const counterpart = (path: string) =>
  path.startsWith('/en/') ? path.replace(/^\/en\//, '/') : `/en${path}`;

// Every page once, a few at a time in tabs kept open (site.ts, forEachInTabs): what differs per
// page (status, console, requests, language, headings, title, the switcher's target, ids and
// links) is recorded here and asserted per page.
beforeAll(async () => {
  const walk = [...pages, ...notFoundPages];
  await forEachInTabs(browser, walk, pageConcurrency, {}, async (path, tab) => {
    const { page, status, consoleErrors, outsideRequests, failedResponses } = await tab.load(
      url(path),
    );
    const switcherHref = await page.getAttribute('[data-language-switcher]', 'href');
    records.set(path, {
      status,
      consoleErrors,
      outsideRequests,
      failedResponses,
      lang: await page.getAttribute('html', 'lang'),
      headings: await page.locator('h1').count(),
      title: await page.title(),
      switcher: switcherHref === null ? undefined : new URL(switcherHref, url(path)).pathname,
      ids: new Set(await page.$$eval('[id]', (elements) => elements.map((element) => element.id))),
      links: await page.$$eval('a[href]', (anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).href),
      ),
    });
  });
});

describe.each([...pages, ...notFoundPages])('%s', (path) => {
  test('loads with status 200, no console errors, nothing outside loopback', () => {
    const record = records.get(path);
    expect(record?.status).toBe(200);
    expect(record?.consoleErrors).toEqual([]);
    expect(record?.outsideRequests).toEqual([]);
    expect(record?.failedResponses).toEqual([]);
    expect(record?.lang).toBe(path.startsWith('/en/') ? 'en' : 'zh-CN');
    expect(record?.headings).toBe(1);
    expect(record?.title).not.toBe('');
  });

  test('the language switcher links to the same page in the other language', () => {
    const record = records.get(path);
    const english = path.startsWith('/en/');
    expect(record?.switcher).toBeDefined();
    // The Chinese 404 lives at /404.html; its English counterpart at /en/404/.
    if (!path.includes('404')) expect(record?.switcher).toBe(counterpart(path));
    const other = records.get(record?.switcher ?? '');
    if (other) expect(other.lang).toBe(english ? 'zh-CN' : 'en');
    else expect(path).toContain('404');
  });
});

// The switcher's behaviour is the template's: clicked there and back on one page of each kind,
// a few pages at a time in tabs kept open (each runner clicks from its tab's page; what a round trip
// finds is recorded and asserted per page).
interface RoundTrip {
  other: string;
  otherLang: string | null;
  back: string;
  backLang: string | null;
}
const switcherSamples = [...pageKindSamples(pages), ...notFoundPages];
const roundTrips = new Map<string, RoundTrip>();
beforeAll(async () => {
  await forEachInTabs(browser, switcherSamples, pageConcurrency, {}, async (path, tab) => {
    const { page } = await tab.load(url(path));
    await page.click('[data-language-switcher]');
    await page.waitForLoadState('load');
    const other = new URL(page.url()).pathname;
    const otherLang = await page.getAttribute('html', 'lang');
    await page.click('[data-language-switcher]');
    await page.waitForLoadState('load');
    roundTrips.set(path, {
      other,
      otherLang,
      back: new URL(page.url()).pathname,
      backLang: await page.getAttribute('html', 'lang'),
    });
  });
});

describe.each(switcherSamples)('%s', (path) => {
  test('the language switcher goes to the same page in the other language and back', () => {
    const trip = roundTrips.get(path);
    expect(trip).toBeDefined();
    if (!trip) return;
    const english = path.startsWith('/en/');
    if (!path.includes('404')) expect(trip.other).toBe(counterpart(path));
    expect(trip.otherLang).toBe(english ? 'zh-CN' : 'en');
    if (!path.includes('404')) expect(trip.back).toBe(path);
    expect(trip.backLang).toBe(english ? 'en' : 'zh-CN');
  });
});

/**
 * The tests below read a page or two each: one tab they share, sent from page to page (a fresh
 * context per page costs more than the load), recording each load as a fresh page would.
 */
let readerTab: Tab | undefined;
async function load(address: string): Promise<PageVisit> {
  readerTab ??= await openTab(browser);
  return readerTab.load(address);
}

describe('links and anchors', () => {
  test('every link inside the site points at a page that exists, and at an anchor that exists on it', async () => {
    const origin = new URL(rootUrl).origin;
    const broken: string[] = [];
    const files = new Map<string, string[]>();
    for (const path of pages) {
      for (const href of records.get(path)?.links ?? []) {
        const target = new URL(href);
        if (target.origin !== origin) continue;
        const ids = pages.includes(target.pathname) ? records.get(target.pathname)?.ids : undefined;
        if (!ids) {
          // Not an HTML page of the sitemap: a file (data, feed, icon) that must be served.
          const from = files.get(target.href) ?? [];
          files.set(target.href, [...from, path]);
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && !ids.has(fragment))
          broken.push(`${path} → ${href} (no #${fragment} there)`);
      }
    }
    expect(files.size).toBeGreaterThan(0);
    await forEachLimit([...files], 8, async ([href, from]) => {
      const response = await fetch(href, { method: 'HEAD' });
      if (response.status !== 200)
        broken.push(...from.map((path) => `${path} → ${href} (${response.status})`));
    });
    expect(broken).toEqual([]);
  });

  test('an unknown address answers 404 with the page in its language', async () => {
    const zh = await load(url('/no-such-page/'));
    expect(zh.status).toBe(404);
    expect(await zh.page.textContent('h1')).toBe('页面未找到');
    const en = await load(url('/en/no-such-page/'));
    expect(en.status).toBe(404);
    expect(await en.page.textContent('h1')).toBe('Page not found');
  });
});

describe('head', () => {
  test('each page declares both language versions with absolute hreflang links', async () => {
    const { page } = await load(url('/2007/units/hotel/'));
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (links) =>
      links.map((link) => `${link.getAttribute('hreflang')} ${link.getAttribute('href')}`),
    );
    expect(alternates).toEqual([
      `zh-CN ${testSiteUrl}/2007/units/hotel/`,
      `en ${testSiteUrl}/en/2007/units/hotel/`,
      `x-default ${testSiteUrl}/2007/units/hotel/`,
    ]);
    expect(
      await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content'),
    ).toContain("default-src 'self'");
  });
});

describe('content as the reader sees it', () => {
  const seed = readSourceText();
  // ％ is typesetting: the site writes figures with the locale's own percent sign.
  const body = seed
    .slice(0, seed.indexOf('打基础 强素质 促管理 树形象'))
    .replace(/\s+/g, '')
    .replaceAll('％', '%');

  test('the Chinese report page shows every sentence of the source', async () => {
    const { page } = await load(url('/2007/'));
    const shown = (await page.locator('main').innerText()).replace(/\s+/g, '');
    // List numbers are drawn by the list, so compare sentences without their "1." markers.
    const sentences = body
      .split(/(?<=[。；：！？])/)
      .map((s) => s.replace(/^\d\./, ''))
      .filter((s) => s.length > 1);
    expect(sentences.length).toBeGreaterThan(100);
    const missing = sentences.filter(
      (sentence) => !shown.includes(sentence.replace(/\d\.(?=\S)/g, '')),
    );
    expect(missing).toEqual([]);
    for (const fact of ['打基础 强素质 促管理 树形象', '公司党委副书记 李兵']) {
      expect(await page.locator('main').innerText()).toContain(fact);
    }
  });

  test("the report says where its text comes from, from the report's own provenance", async () => {
    for (const [path, sentence] of [
      ['/2007/', '内容依据平果铝业公司内部刊物所载原文整理，未作删改。'],
      [
        '/en/2007/',
        'Translated in full from the original published in the company magazine of Pingguo Aluminium Company.',
      ],
    ] as const) {
      const { page } = await load(url(path));
      expect((await page.locator('.report__source').innerText()).trim()).toBe(sentence);
    }
  });

  test('the report has a table of contents whose entries jump to their sections', async () => {
    // 10 report headings, then the timeline and the figures.
    for (const [path, count] of [
      ['/2007/', 12],
      ['/en/2007/', 12],
    ] as const) {
      const { page } = await load(url(path));
      const entries = page.locator('.toc a');
      expect(await entries.count()).toBe(count);
      await page.click('.toc a[href="#highlights"]');
      const hash = new URL(page.url()).hash;
      expect(hash).toBe('#highlights');
      expect(await page.locator('#highlights').isVisible()).toBe(true);
    }
  });

  test('the home page shows the key figures, computed, in both languages', async () => {
    const zh = await load(url('/'));
    const zhText = await zh.page.locator('.key-figures').innerText();
    for (const figure of ['108', '71', '107', '99', '41', '21', '66%', '99%'])
      expect(zhText).toContain(figure);
    const en = await load(url('/en/'));
    expect(await en.page.locator('.key-figures').innerText()).toContain('66% of all teams');
  });

  test('a unit page shows what the report says, its practices and awards, and links back', async () => {
    const { page } = await load(url('/2007/units/aluminium-alloy-plant/'));
    const text = await page.locator('main').innerText();
    expect(text).toContain('铝合金厂以建设学习型班组为重点');
    expect(text).toContain('学习型班组');
    expect(text).toContain('自治区五一劳动奖状（生产一班）');
    await page.getByRole('link', { name: /摘自/ }).click();
    expect(new URL(page.url()).hash).toBe('#unit-aluminium-alloy-plant');
  });

  test('the glossary gives each term in both languages', async () => {
    const { page } = await load(url('/en/glossary/'));
    const entry = page.locator('#six-constants');
    expect(await entry.innerText()).toContain('Six Constants method');
    expect(await entry.innerText()).toContain('六常法');
    expect(await entry.innerText()).toContain('constant tidying');
  });

  test('print hides navigation and keeps the report', async () => {
    const { page } = await load(url('/2007/'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.prose').isVisible()).toBe(true);
    await page.emulateMedia({ media: null });
  });

  test('pages read the same with JavaScript off', async () => {
    const { page } = await visit(browser, url('/'), { javaScript: false });
    expect(await page.locator('.key-figures').innerText()).toContain('108');
  });
});
