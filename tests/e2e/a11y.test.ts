// axe-core over every page of both locales, with the WCAG 2.2 AA and best-practice rules: each
// page once at desktop width, for what differs from page to page (its text, images, links, tables,
// headings); and at phone width once per template and language (what the width changes is the
// template's layout). tests/e2e/phone.test.ts adds axe on one page of each kind at 320, 360 and 390 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import {
  axeViolations,
  forEachLimit,
  pageConcurrency,
  pageKindSamples,
  sitePages,
  visit,
} from '../support/site';

const rootUrl = inject('rootUrl');
const pages = [...sitePages(inject('rootDir')), '/404.html', '/en/404/'];
const phoneSamples = pageKindSamples(pages);
const viewports = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };
const violations = new Map<string, string[]>();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  const runs = [
    ...pages.map((path) => ({ path, width: 'desktop' as const })),
    ...phoneSamples.map((path) => ({ path, width: 'phone' as const })),
  ];
  await forEachLimit(runs, pageConcurrency, async ({ path, width }) => {
    const { page } = await visit(browser, new URL(path.replace(/^\//, ''), rootUrl).href);
    await page.setViewportSize(viewports[width]);
    violations.set(`${width} ${path}`, await axeViolations(page));
    await page.close();
  });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(pages)('%s', (path) => {
  test('has no axe violations (desktop)', () => {
    expect(violations.get(`desktop ${path}`)).toEqual([]);
  });
});

test('covers every template in both languages at phone width', () => {
  expect(phoneSamples.length).toBeGreaterThanOrEqual(26);
});

describe.each(phoneSamples)('%s', (path) => {
  test('has no axe violations (phone, for every page of its template)', () => {
    expect(violations.get(`phone ${path}`)).toEqual([]);
  });
});
