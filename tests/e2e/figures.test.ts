// Computed figures, charts, timeline and open data, as a reader gets them — with JavaScript off.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { visit } from '../support/site';
import { figuresSnapshot } from '../support/figures-snapshot.mjs';
import snapshot2007 from '../fixtures/figures-2007.snapshot.json';

const rootUrl = inject('rootUrl');
const rootDir = inject('rootDir');
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
    const { page, consoleErrors, failedResponses } = await visit(browser, url(path), {
      javaScript: false,
    });
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
      expect(await chart.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
        720,
      );
      expect(await chart.locator('tbody tr').count()).toBe(3);
    }
    expect(consoleErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
    await page.close();
  });
});

test('the leaders’ rate reads "not reported" everywhere, never 0', async () => {
  for (const [path, word] of [
    ['/2007/', '未报告'],
    ['/en/2007/', 'not reported'],
  ] as const) {
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
    const links = await page.$$eval('.figures__downloads a', (anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(links.map((link) => new URL(link).pathname)).toEqual([
      '/data/2007/metrics.csv',
      '/data/2007/metrics.json',
    ]);
    await page.close();
  }
  const csv = await fetch(url('/data/2007/metrics.csv'));
  const bytes = new Uint8Array(await csv.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toContain('teams.excellentRate,percent,computed,');
  const json = (await (await fetch(url('/data/2007/metrics.json'))).json()) as {
    figures: Array<{ id: string; displayed: number | null }>;
  };
  expect(json.figures.find((figure) => figure.id === 'teams.qualifiedRate')?.displayed).toBe(99);
});

test(
  '2007 is unchanged for readers: every chart, caption, summary, table, card, <Metric> ' +
    'and open-data file',
  async () => {
    // The snapshot was taken from the build before figures moved into data (2007's HTML text, open data
    // files and SVG bytes); `node tests/support/figures-snapshot.mjs <dist>` makes it.
    expect(await figuresSnapshot(rootDir)).toEqual(snapshot2007);
  },
);

test('one open-data file across all years, for comparing years in Excel', async () => {
  const csv = await (await fetch(url('/data/metrics.csv'))).text();
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('year,id,labelZh,labelEn,kind,value,displayed');
  expect(lines).toContain(
    '2007,teams.excellentRate,优秀班组占班组总数的比例,Excellent teams as a share of all teams,percent,65.74074074074075,66',
  );
  expect(lines).toContain(
    '2007,leaders.qualifiedRate,合格班组长比例,Qualified team leaders (share),percent,not reported,not reported',
  );
  const json = (await (await fetch(url('/data/metrics.json'))).json()) as {
    figures: Array<{ year: number; id: string }>;
  };
  expect(json.figures).toHaveLength(lines.length - 1);
});
