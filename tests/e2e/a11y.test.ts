// axe-core over every page of both locales, with the WCAG 2.2 AA and best-practice rules.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { sitePages, visit } from '../support/site';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const rootUrl = inject('rootUrl');
const pages = [...sitePages(inject('rootDir')), '/404.html', '/en/404/'];
const tags = ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

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
    // evaluate() runs outside the page's CSP, so axe needs no inline script allowance.
    await page.evaluate(axeSource);
    const violations = (await page.evaluate(
      async (runTags) =>
        (
          await (
            window as unknown as {
              axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> };
            }
          ).axe.run(document, { runOnly: { type: 'tag', values: runTags } })
        ).violations,
      tags,
    )) as AxeViolation[];
    const summary = violations.map(
      (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary).toEqual([]);
    await page.close();
  });
});
