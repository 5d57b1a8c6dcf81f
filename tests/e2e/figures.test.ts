// Computed figures, charts, timeline and open data, as a reader gets them — with JavaScript off.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { visit } from '../support/site';

const rootUrl = inject('rootUrl');
const url = (path: string) => new URL(path.replace(/^\//, ''), rootUrl).href;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['/', '/2007/', '/en/', '/en/2007/'])('%s with JavaScript off', (path) => {
  test('shows three charts, each with caption, drawn image, summary and data table', async () => {
    const { page, consoleErrors, failedResponses } = await visit(browser, url(path), { javaScript: false });
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(3);
    for (let index = 0; index < 3; index++) {
      const chart = charts.nth(index);
      await chart.scrollIntoViewIfNeeded();
      for (const part of ['figcaption', 'img', '.chart__summary', 'table']) {
        expect(await chart.locator(part).isVisible(), `${part} of chart ${index + 1}`).toBe(true);
      }
      // The lazy image has loaded and decoded: it has real pixels, not a broken icon.
      await chart.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      expect(await chart.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(720);
      expect(await chart.locator('tbody tr').count()).toBe(3);
    }
    expect(consoleErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
    await page.close();
  });
});

test('the leaders’ rate reads "not reported" everywhere, never 0', async () => {
  for (const [path, word] of [['/2007/', '未报告'], ['/en/2007/', 'not reported']] as const) {
    const { page } = await visit(browser, url(path), { javaScript: false });
    const row = page.locator('#chart-targets tbody tr').nth(2);
    expect(await row.innerText()).toContain(word);
    expect(await row.innerText()).not.toMatch(/\b0(\.0)?%/);
    await page.close();
  }
});

test('the report shows the year’s timeline, quarter by quarter, with the September figure from data', async () => {
  const { page } = await visit(browser, url('/2007/'), { javaScript: false });
  const timeline = page.locator('#timeline');
  expect(await timeline.locator('.timeline__quarter').count()).toBe(4);
  expect(await timeline.innerText()).toContain('对检查中发现的18个问题提出整改意见');
  await page.close();
});

test('charts print with the page', async () => {
  const { page } = await visit(browser, url('/en/2007/'), { javaScript: false });
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#chart-team-grades table').isVisible()).toBe(true);
  await page.close();
});

test('open data downloads: JSON and an Excel-friendly CSV, linked from the report in both languages', async () => {
  for (const path of ['/2007/', '/en/2007/']) {
    const { page } = await visit(browser, url(path), { javaScript: false });
    const links = await page.$$eval('.figures__downloads a', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((link) => new URL(link).pathname)).toEqual(['/data/2007/metrics.csv', '/data/2007/metrics.json']);
    await page.close();
  }
  const csv = await fetch(url('/data/2007/metrics.csv'));
  const bytes = new Uint8Array(await csv.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toContain('teams.excellentRate,percent,computed,');
  const json = (await (await fetch(url('/data/2007/metrics.json'))).json()) as { figures: Array<{ id: string; displayed: number | null }> };
  expect(json.figures.find((figure) => figure.id === 'teams.qualifiedRate')?.displayed).toBe(99);
});
