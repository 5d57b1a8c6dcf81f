// axe-core over every page of both locales, with the WCAG 2.2 AA and best-practice rules.
// - Every page once, at desktop width, for what differs from page to page (its text, images, links,
//   tables, headings, ids), with every rule but colour contrast, the slowest.
// - Colour contrast comes from the template's styles and the components a page uses: every rule,
//   colour contrast included, on the largest page (the most components) of each template in each
//   language at desktop width (in the same load: each page is loaded once).
// - At phone width, tests/e2e/phone.test.ts runs every rule on one page of each template in each
//   language at 320, 360 and 390 px.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import {
  axeViolations,
  forEachInTabs,
  pageConcurrency,
  pageTemplate,
  sitePages,
} from '../support/site';

const rootUrl = inject('rootUrl');
const rootDir = inject('rootDir');
const pages = [...sitePages(rootDir), '/404.html', '/en/404/'];

/** The HTML file of a page path, to weigh it. */
const htmlBytes = (path: string) =>
  statSync(join(rootDir, path.endsWith('.html') ? path : join(path, 'index.html'))).size;

/** The largest page of each template in each language. */
const templateSamples = [
  ...Map.groupBy(
    pages,
    (path) => `${path.startsWith('/en/') ? 'en' : 'zh'} ${pageTemplate(path)}`,
  ).values(),
].map((group) =>
  group.reduce((largest, path) => (htmlBytes(path) > htmlBytes(largest) ? path : largest)),
);

/** What axe found on each page, and whether colour contrast was among the rules it ran. */
const found = new Map<string, { violations: string[]; contrast: boolean }>();
const samples = new Set(templateSamples);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // Each page loaded once, a few at a time in tabs kept open: the largest page of each template
  // gets every rule in that one load, the others every rule but colour contrast.
  const viewport = { width: 1280, height: 900 };
  await forEachInTabs(browser, pages, pageConcurrency, { viewport }, async (path, tab) => {
    await tab.load(new URL(path.replace(/^\//, ''), rootUrl).href);
    const contrast = samples.has(path);
    const without = contrast ? [] : ['color-contrast'];
    found.set(path, { violations: await axeViolations(tab.page, { without }), contrast });
  });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(pages)('%s', (path) => {
  test('has no axe violations (desktop; colour contrast on its template)', () => {
    expect(found.get(path)?.violations).toEqual([]);
  });
});

test('every template in both languages is checked with every rule', () => {
  expect(templateSamples.length).toBeGreaterThanOrEqual(26);
});

describe.each(templateSamples)('%s, the largest page of its template', (path) => {
  test('has no axe violations, colour contrast included (desktop)', () => {
    expect(found.get(path)?.contrast).toBe(true);
    expect(found.get(path)?.violations).toEqual([]);
  });
});
