// axe-core over every page of both locales, with the WCAG 2.2 AA and best-practice rules.
// - Every page once, at desktop width, for what differs from page to page (its text, images, links,
//   tables, headings, ids), with every rule but colour contrast, the slowest.
// - Colour contrast comes from the template's styles and the components a page uses: every rule,
//   colour contrast included, on the largest page (the most components) of each template in each
//   language at desktop width.
// - At phone width, tests/e2e/phone.test.ts runs every rule on one page of each template in each
//   language at 320, 360 and 390 px.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import {
  axeViolations,
  forEachLimit,
  pageConcurrency,
  pageTemplate,
  sitePages,
  visit,
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

type Run = { path: string; contrast: boolean };
const runs: Run[] = [
  ...pages.map((path) => ({ path, contrast: false })),
  ...templateSamples.map((path) => ({ path, contrast: true })),
];
const key = (run: Run) => `${run.contrast ? 'all rules' : 'no contrast'} ${run.path}`;
const violations = new Map<string, string[]>();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await forEachLimit(runs, pageConcurrency, async (run) => {
    const { page } = await visit(browser, new URL(run.path.replace(/^\//, ''), rootUrl).href);
    await page.setViewportSize({ width: 1280, height: 900 });
    const without = run.contrast ? [] : ['color-contrast'];
    violations.set(key(run), await axeViolations(page, { without }));
    await page.close();
  });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(pages)('%s', (path) => {
  test('has no axe violations (desktop; colour contrast on its template)', () => {
    expect(violations.get(key({ path, contrast: false }))).toEqual([]);
  });
});

test('every template in both languages is checked with every rule', () => {
  expect(templateSamples.length).toBeGreaterThanOrEqual(26);
});

describe.each(templateSamples)('%s, the largest page of its template', (path) => {
  test('has no axe violations, colour contrast included (desktop)', () => {
    expect(violations.get(key({ path, contrast: true }))).toEqual([]);
  });
});
