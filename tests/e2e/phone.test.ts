// Reading on a phone (issue 16): every kind of page (every template) in both languages at 320, 360
// and 390 px wide.
// No sideways scrolling, chart text at a legible size, a one-row header, tap targets of 24 px,
// a share image that is served at the size the page says, and no axe violations.
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { measurePhone } from '../../scripts/lib/phone-measure.mjs';
import { pageKinds } from '../../scripts/lib/page-kinds.mjs';
import {
  axeViolations,
  forEachInTabs,
  pageConcurrency,
  pageKindSamples,
  sitePages,
} from '../support/site';

const rootUrl = inject('rootUrl');
const allPages = sitePages(inject('rootDir'));
/**
 * The first page of each template (each kind, the units index, a unit's history, the figures and
 * years pages, the 404 pages) in each language: the width changes the template's layout.
 */
const pages = pageKindSamples([...allPages, '/404.html', '/en/404/']);
const widths = [320, 360, 390] as const;
/** Smallest chart text, CSS px: 12 at 360 px and up, 11 at 320 px. */
const minimumChartText = (width: number) => (width >= 360 ? 12 : 11);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 740 },
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  const response = await page.goto(new URL(path.replace(/^\//, ''), rootUrl).href, {
    waitUntil: 'load',
  });
  // The 404 pages too: asked for by their own address, they are served with 200.
  expect(response?.status(), path).toBe(200);
  return page;
}

test('covers every kind of page in both languages', () => {
  expect(pages.length).toBeGreaterThanOrEqual(pageKinds.length * 2 + 4);
  expect(pages).toEqual(
    expect.arrayContaining(['/2007/units/', '/en/2007/units/', '/404.html', '/en/404/']),
  );
});

type PhoneMeasure = Awaited<ReturnType<typeof measurePhone>>;
interface HeaderBoxes {
  height: number;
  menu: DOMRect | undefined;
  language: DOMRect | undefined;
  search: DOMRect | undefined;
}
/** What each page showed at each width: measured a few pages at a time, asserted per page below. */
const seen = new Map<string, { measured: PhoneMeasure; header: HeaderBoxes; axe: string[] }>();

/** What each page's head says about its share image: read at 360 px, fetched in its test. */
const shareMeta = new Map<string, Record<string, string | null>>();
/** The text-size control in the header at 320 px: visible, and its number of buttons. */
const textSizeControls = new Map<string, { visible: boolean; buttons: number }>();

beforeAll(async () => {
  const runs = pages.flatMap((path) => widths.map((width) => ({ path, width })));
  // A few tabs kept open, each sent from page to page (opening a page costs more than loading one).
  const phone = { viewport: { width: widths[0], height: 740 }, deviceScaleFactor: 2 };
  await forEachInTabs(browser, runs, pageConcurrency, phone, async ({ path, width }, tab) => {
    await tab.page.setViewportSize({ width, height: 740 });
    const { page, status } = await tab.load(new URL(path.replace(/^\//, ''), rootUrl).href);
    // The 404 pages too: asked for by their own address, they are served with 200.
    expect(status, path).toBe(200);
    const measured = await measurePhone(page);
    // The header: one row with the name, the menu and the language switch, then the search box.
    const header = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      return {
        height: box('.site-header')?.height ?? 0,
        menu: box('.site-menu__button')?.toJSON(),
        language: box('[data-language-switcher]')?.toJSON(),
        search: box('.header-search')?.toJSON(),
      };
    });
    if (width === 360)
      shareMeta.set(
        path,
        await page.evaluate(() =>
          Object.fromEntries(
            [...document.querySelectorAll('meta[property^="og:image"]')].map((element) => [
              element.getAttribute('property'),
              element.getAttribute('content'),
            ]),
          ),
        ),
      );
    if (width === 320) {
      const group = page.locator('.site-header .text-size');
      textSizeControls.set(path, {
        visible: await group.isVisible(),
        buttons: await group.locator('button').count(),
      });
    }
    seen.set(`${width} ${path}`, { measured, header, axe: await axeViolations(page) });
  });
});

describe.each(pages)('%s', (path) => {
  test.each(widths)(
    'at %i px: no sideways scrolling, legible charts, one-row header, 24 px targets, no axe violations',
    (width) => {
      const result = seen.get(`${width} ${path}`);
      expect(result).toBeDefined();
      const { measured, header, axe } = result as NonNullable<typeof result>;

      expect(
        measured.overflow,
        `wider than the screen by: ${measured.wideElements.join(', ')}`,
      ).toBe(0);

      for (const chart of measured.charts) {
        // Phones get the narrow drawing, and its smallest text reads at the size required.
        expect(chart.src).toMatch(/\.narrow\.svg$/);
        expect(chart.fontPx, chart.src).toBeGreaterThanOrEqual(minimumChartText(width));
        // What is on screen agrees: the shortest run of outlines (digits: ~0.7 of the font size).
        expect(chart.glyphPx, chart.src).toBeGreaterThanOrEqual(minimumChartText(width) * 0.65);
      }
      if (/^\/(en\/)?(\d{4}\/)?$/.test(path)) expect(measured.charts.length).toBeGreaterThan(0);

      expect(measured.smallTargets).toEqual([]);

      expect(header.height).toBeLessThanOrEqual(130);
      expect(header.menu && header.language && header.search).toBeTruthy();
      expect(Math.abs((header.menu?.top ?? 0) - (header.language?.top ?? 1))).toBeLessThan(4);
      expect(header.search?.top ?? 0).toBeGreaterThanOrEqual((header.menu?.bottom ?? 0) - 1);

      expect(axe).toEqual([]);
    },
  );

  test('has a share image that is served at the size the page gives', async () => {
    const meta = shareMeta.get(path) ?? {};
    expect(meta['og:image']).toBeTruthy();
    expect(meta['og:image:alt']).toBeTruthy();
    // The page names its share image with the build's SITE_URL; fetch the same path from this server.
    const imagePath = new URL(meta['og:image'] ?? '').pathname;
    const response = await fetch(new URL(imagePath.replace(/^\//, ''), rootUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([width, height]).toEqual([
      Number(meta['og:image:width']),
      Number(meta['og:image:height']),
    ]);
    expect(width).toBeGreaterThanOrEqual(1200);
    // Home and report pages get their year's card, photos their photo, other pages the site's card.
    if (/^\/(en\/)?(\d{4}\/)?$/.test(path))
      expect(imagePath).toMatch(/^\/share\/\d{4}\.(zh-CN|en)\.png$/);
    else if (/\/gallery\/photos\//.test(path)) expect(imagePath).toMatch(/\.jpg$/);
    else expect(imagePath).toMatch(/^\/share\/site\.(zh-CN|en)\.png$/);
  });

  // Was large-text.test.ts's "is in the header of every page, one tap away on a phone".
  test('has the text-size control in its header at 320 px: two buttons, one tap away', () => {
    expect(textSizeControls.get(path)).toEqual({ visible: true, buttons: 2 });
  });
});

describe('the phone header and charts', () => {
  test('the menu opens with the site’s links, one tap away, and the language switch is in the first row', async () => {
    const page = await open('/en/2007/', 360);
    expect(await page.locator('.site-nav a').first().isVisible()).toBe(false);
    await page.click('.site-menu__button');
    const links = page.locator('.site-nav a');
    expect(await links.count()).toBe(4);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    expect(await page.locator('[data-language-switcher]').isVisible()).toBe(true);
    await page.close();
  });

  test('wide screens get the page layout of each chart and the links in a row, with no menu button', async () => {
    const page = await open('/2007/', 1280);
    const sources = await page.$$eval('figure.chart img', (images) =>
      images.map((image) => (image as HTMLImageElement).currentSrc),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).not.toMatch(/\.narrow\.svg$/);
    expect(await page.locator('.site-menu__button').isVisible()).toBe(false);
    expect(await page.locator('.site-nav a').first().isVisible()).toBe(true);
    await page.close();
  });
});
