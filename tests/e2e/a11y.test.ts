// axe-core over every page of both locales, with the WCAG 2.2 AA and best-practice rules.
// - Every page once, at desktop width, for what differs from page to page (its text, images, links,
//   tables, headings, ids), with every rule but colour contrast, the slowest.
// - Colour contrast comes from the template's styles and the components a page uses: every rule,
//   colour contrast included, on the largest page (the most components) of each template in each
//   language, at desktop and phone width. tests/e2e/phone.test.ts adds axe on one page of each kind
//   at 320, 360 and 390 px.
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

const viewports = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };
type Run = { path: string; width: keyof typeof viewports; contrast: boolean };
const runs: Run[] = [
  ...pages.map((path) => ({ path, width: 'desktop' as const, contrast: false })),
  ...templateSamples.flatMap((path) => [
    { path, width: 'desktop' as const, contrast: true },
    { path, width: 'phone' as const, contrast: true },
  ]),
];
const key = (run: Run) => `${run.width}${run.contrast ? ' all rules' : ''} ${run.path}`;
const violations = new Map<string, string[]>();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await forEachLimit(runs, pageConcurrency, async (run) => {
    const { page } = await visit(browser, new URL(run.path.replace(/^\//, ''), rootUrl).href);
    await page.setViewportSize(viewports[run.width]);
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
    expect(violations.get(key({ path, width: 'desktop', contrast: false }))).toEqual([]);
  });
});

test('every template in both languages is checked with every rule', () => {
  expect(templateSamples.length).toBeGreaterThanOrEqual(26);
});

describe.each(templateSamples)('%s, the largest page of its template', (path) => {
  test.each(['desktop', 'phone'] as const)(
    'has no axe violations, colour contrast included (%s)',
    (width) => {
      expect(violations.get(key({ path, width, contrast: true }))).toEqual([]);
    },
  );
});
