// The whole site under an intranet-style base path (/report/): every page, asset and link stays inside it.
// Every page is visited once, a few at a time; the language switch is followed on one page of each
// template (it is a plain link, checked on every page with the others).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { forEachInTabs, pageConcurrency, pageKindSamples, sitePages } from '../support/site';

const baseUrl = inject('baseUrl');
const pages = sitePages(inject('baseDir'));
let browser: Browser;

interface PageRecord {
  status: number | undefined;
  failedResponses: string[];
  consoleErrors: string[];
  hrefs: string[];
}
const records = new Map<string, PageRecord>();

beforeAll(async () => {
  browser = await launchChromium();
  await forEachInTabs(browser, pages, pageConcurrency, {}, async (path, tab) => {
    const { page, status, failedResponses, consoleErrors } = await tab.load(
      new URL(path, baseUrl).href,
    );
    const hrefs = await page.$$eval('a[href], link[href]', (elements) =>
      elements.map((element) => element.getAttribute('href') ?? ''),
    );
    records.set(path, { status, failedResponses, consoleErrors, hrefs });
  });
});
afterAll(async () => {
  await browser?.close();
});

test('the sitemap lists pages under the base path', () => {
  expect(pages.length).toBeGreaterThan(30);
  for (const path of pages) expect(path.startsWith('/report/')).toBe(true);
});

describe.each(pages)('%s', (path) => {
  test('loads every asset and links only inside the base path', () => {
    const record = records.get(path);
    expect(record?.status).toBe(200);
    expect(record?.failedResponses).toEqual([]);
    expect(record?.consoleErrors).toEqual([]);
    const outside = record?.hrefs.filter(
      (href) => href.startsWith('/') && !href.startsWith('/report/'),
    );
    expect(outside).toEqual([]);
  });
});

const samples = pageKindSamples(pages.map((path) => path.replace(/^\/report\//, '/'))).map(
  (path) => `/report${path}`,
);

// Followed a few at a time in tabs kept open; where each click led is recorded and asserted per page.
const switcherTargets = new Map<string, string>();
beforeAll(async () => {
  await forEachInTabs(browser, samples, pageConcurrency, {}, async (path, tab) => {
    const { page } = await tab.load(new URL(path, baseUrl).href);
    await page.click('[data-language-switcher]');
    await page.waitForLoadState('load');
    switcherTargets.set(path, new URL(page.url()).pathname);
  });
});

describe.each(samples)('%s', (path) => {
  test('the language switcher stays inside the base path', () => {
    expect(switcherTargets.get(path)?.startsWith('/report/')).toBe(true);
  });
});
