// axe-core over every page of both locales, with the WCAG 2.2 AA and best-practice rules.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { axeViolations, sitePages, visit } from '../support/site';

const rootUrl = inject('rootUrl');
const pages = [...sitePages(inject('rootDir')), '/404.html', '/en/404/'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(pages)('%s', (path) => {
  test.each([
    ['phone', 360, 740],
    ['desktop', 1280, 900],
  ] as const)('has no axe violations (%s)', async (_name, width, height) => {
    const { page } = await visit(browser, new URL(path.replace(/^\//, ''), rootUrl).href);
    await page.setViewportSize({ width, height });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
