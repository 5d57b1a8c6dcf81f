// The whole site under an intranet-style base path (/report/): every page, asset and link stays inside it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { sitePages, visit } from '../support/site';

const baseUrl = inject('baseUrl');
const pages = sitePages(inject('baseDir'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the sitemap lists pages under the base path', () => {
  expect(pages.length).toBeGreaterThan(30);
  for (const path of pages) expect(path.startsWith('/report/')).toBe(true);
});

describe.each(pages)('%s', (path) => {
  test('loads every asset and links only inside the base path', async () => {
    const { page, status, failedResponses, consoleErrors } = await visit(
      browser,
      new URL(path, baseUrl).href,
    );
    expect(status).toBe(200);
    expect(failedResponses).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const hrefs = await page.$$eval('a[href], link[href]', (elements) =>
      elements.map((element) => element.getAttribute('href') ?? ''),
    );
    const outside = hrefs.filter((href) => href.startsWith('/') && !href.startsWith('/report/'));
    expect(outside).toEqual([]);
    await page.click('[data-language-switcher]');
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname.startsWith('/report/')).toBe(true);
    await page.close();
  });
});
