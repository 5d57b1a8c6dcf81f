// Reading for everyone (issue 25): every kind of page in both languages at 320, 360 and 390 px, at
// 200% browser text size with WCAG 1.4.12 text spacing, and in the site's large mode: no sideways
// scrolling, no text cut off or drawn over other text, tap targets of 24 px, no axe violations.
// Then the text-size control itself, the statement page and the reading details, one check each.
// The text size is Chromium's own font-size preference (CDP Page.setFontSizes): the root font size
// a reader's browser or WeChat setting changes, not page zoom (scripts/lib/text-measure.mjs).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { siteSettings } from '../../src/data/settings';
import { textSizeStorageKey } from '../../src/text-size/text-size.mjs';
import { pageKinds } from '../../scripts/lib/page-kinds.mjs';
import { measurePhone } from '../../scripts/lib/phone-measure.mjs';
import {
  applyTextSpacing,
  measureText,
  setBrowserTextSize,
  type TextMeasure,
} from '../../scripts/lib/text-measure.mjs';
import { axeLayoutRules, axeViolations, mediaState, sitePages } from '../support/site';

const rootUrl = inject('rootUrl');
const allPages = sitePages(inject('rootDir'));
/** The first page of each kind in each language. */
const pages = pageKinds.flatMap(([kind, pattern]) =>
  [false, true].flatMap((english) => {
    const path = allPages.find((p) => pattern.test(p) && p.startsWith('/en/') === english);
    return path ? [{ kind, path }] : [];
  }),
);
const widths = [320, 360, 390] as const;
const modes = ['text 200% and spacing', 'large mode'] as const;
type Mode = (typeof modes)[number];

let browser: Browser;

async function open(
  path: string,
  options: { width: number; height?: number; mode?: Mode; javaScript?: boolean },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 740 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  if (options.mode === 'large mode')
    await page.addInitScript((key) => localStorage.setItem(key, 'large'), textSizeStorageKey);
  if (options.mode === 'text 200% and spacing') await setBrowserTextSize(page, 200);
  const response = await page.goto(new URL(path.replace(/^\//, ''), rootUrl).href, {
    waitUntil: 'load',
  });
  expect(response?.status(), path).toBe(200);
  if (options.mode === 'text 200% and spacing') await applyTextSpacing(page);
  return { page, errors };
}

interface Visit {
  text: TextMeasure;
  /** CSS px of sideways scrolling, and the elements sticking out. */
  overflow: number;
  wideElements: string[];
  smallTargets: string[];
  axe: string[];
  /** Which of axe's rules ran at this width (see the walk). */
  axeRules: AxeRules;
  errors: string[];
}
type AxeRules = 'all' | 'all but contrast' | 'layout';
const visits = new Map<string, Visit>();
const key = (path: string, mode: Mode, width: number) => `${mode} ${width} ${path}`;

/** A page kept open for one mode, loaded from page to page: opening a page costs more than loading one. */
interface ModeTab {
  page: Page;
  errors: string[];
}

async function openModeTab(mode: Mode): Promise<ModeTab> {
  const context = await browser.newContext({ viewport: { width: widths[0], height: 740 } });
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  const tab: ModeTab = { page, errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') tab.errors.push(message.text());
  });
  if (mode === 'large mode')
    await page.addInitScript((key) => localStorage.setItem(key, 'large'), textSizeStorageKey);
  return tab;
}

/** Loads `path` in the mode's tab at `width`, as open() would in a fresh page. */
async function loadInTab(tab: ModeTab, path: string, mode: Mode, width: number): Promise<void> {
  // The previous document goes first, so none of its console lines count against this page.
  await tab.page.goto('about:blank');
  tab.errors.length = 0;
  await tab.page.setViewportSize({ width, height: 740 });
  if (mode === 'text 200% and spacing') await setBrowserTextSize(tab.page, 200);
  const response = await tab.page.goto(new URL(path.replace(/^\//, ''), rootUrl).href, {
    waitUntil: 'load',
  });
  expect(response?.status(), path).toBe(200);
  if (mode === 'text 200% and spacing') await applyTextSpacing(tab.page);
}

beforeAll(async () => {
  browser = await launchChromium();
  // One load per kind × language × width × mode, three pages at a time in one browser, each worker
  // keeping one tab per mode and taking a page in one mode at all three widths in turn. The layout
  // measures run at every width. axe runs every rule at the first width; at the next ones only the
  // rules that depend on layout (axeLayoutRules), unless a media query holds there that did not at
  // the first (then every rule but colour contrast, which no width changes): the DOM rules' answer
  // is the same wherever the same elements show.
  const queue = modes.flatMap((mode) => pages.map(({ path }) => ({ path, mode })));
  const worker = async () => {
    const tabs = new Map<Mode, ModeTab>();
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        let tab = tabs.get(job.mode);
        if (!tab) {
          tab = await openModeTab(job.mode);
          tabs.set(job.mode, tab);
        }
        const checkedStates = new Set<string>();
        for (const width of widths) {
          await loadInTab(tab, job.path, job.mode, width);
          const { page } = tab;
          const text = await measureText(page);
          // The layout half of the phone measure: overflow and tap targets (the charts' text is phone.test.ts's).
          const phone = await measurePhone(page, { charts: false });
          const state = await mediaState(page);
          const axeRules: AxeRules =
            width === widths[0] ? 'all' : checkedStates.has(state) ? 'layout' : 'all but contrast';
          checkedStates.add(state);
          const axe = await axeViolations(
            page,
            axeRules === 'layout'
              ? { only: axeLayoutRules }
              : axeRules === 'all but contrast'
                ? { without: ['color-contrast'] }
                : {},
          );
          visits.set(key(job.path, job.mode, width), {
            text,
            overflow: phone.overflow,
            wideElements: phone.wideElements,
            smallTargets: phone.smallTargets.map(
              (target) => `${target.element} (${target.width} × ${target.height})`,
            ),
            axe,
            axeRules,
            errors: [...tab.errors],
          });
        }
      }
    } finally {
      await Promise.all([...tabs.values()].map((tab) => tab.page.close().catch(() => undefined)));
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

test('covers every kind of page in both languages, the new ones included', () => {
  expect(pages.length).toBe(pageKinds.length * 2);
  expect(pages.map(({ kind }) => kind)).toEqual(
    expect.arrayContaining(['years', 'figures', 'accessibility']),
  );
});

describe.each(modes)('%s', (mode) => {
  describe.each(pages)('$path', ({ path }) => {
    test.each(widths)(
      'at %i px: no sideways scrolling, no text cut off or overlapping, 24 px targets, no axe violations',
      (width) => {
        const visit = visits.get(key(path, mode, width));
        expect(visit).toBeDefined();
        if (!visit) return;
        expect(visit.overflow, visit.wideElements.join(', ')).toBe(0);
        expect(visit.text.clipped).toEqual([]);
        expect(visit.text.overlaps).toEqual([]);
        expect(visit.smallTargets).toEqual([]);
        expect(visit.axe).toEqual([]);
        // Every rule ran on this page in this mode at the first width.
        expect(visits.get(key(path, mode, widths[0]))?.axeRules).toBe('all');
        // The head script that applies the saved size passes the CSP (its hash is in the policy).
        expect(visit.errors).toEqual([]);
      },
    );
  });
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('the text-size control', () => {
  test('one tap makes the text large, raises contrast and line height, and the device remembers it', async () => {
    const { page, errors } = await open('/2007/', { width: 360 });
    const read = () =>
      page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const paper = document.querySelector('.report') as HTMLElement;
        const soft = document.querySelector('.report__year') as HTMLElement;
        const link = document.querySelector('.prose a') as HTMLElement | null;
        return {
          size: document.documentElement.dataset.textSize,
          rootPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
          lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
          ink: body.color,
          soft: getComputedStyle(soft).color,
          link: link ? getComputedStyle(link).color : body.color,
          paper: getComputedStyle(paper).backgroundColor,
          page: body.backgroundColor,
          pressed: [...document.querySelectorAll('[data-text-size-option]')].map((button) =>
            button.getAttribute('aria-pressed'),
          ),
        };
      });
    const before = await read();
    expect(before.size).toBe('standard');
    expect(before.pressed).toEqual(['true', 'false']);
    await page.getByRole('button', { name: '大字' }).click();
    const after = await read();
    expect(after.size).toBe('large');
    expect(after.pressed).toEqual(['false', 'true']);
    expect(after.rootPx).toBeGreaterThanOrEqual(before.rootPx * 1.2);
    expect(after.lineHeight).toBeGreaterThan(before.lineHeight);
    for (const color of [after.ink, after.soft, after.link]) {
      expect(contrast(color, after.paper)).toBeGreaterThanOrEqual(7);
      expect(contrast(color, after.page)).toBeGreaterThanOrEqual(7);
    }
    // Another page on the same device opens large, before its first paint (no CSP error either).
    await page.goto(new URL('en/glossary/', rootUrl).href);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
    await page.getByRole('button', { name: 'Standard' }).click();
    expect(await page.evaluate((k) => localStorage.getItem(k), textSizeStorageKey)).toBe(
      'standard',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  // "Is in the header of every page, one tap away on a phone" (320 px, two buttons): measured in
  // phone.test.ts's walk, on one page of each template in each language.

  test('without JavaScript the page is at the standard size and shows no control that cannot work', async () => {
    const { page } = await open('/', { width: 360, javaScript: false });
    expect(await page.locator('.text-size').isVisible()).toBe(false);
    expect(
      await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)),
    ).toBe(16);
    await page.close();
  });
});

/**
 * One standard-mode tab the reading details and the statement's tests share, sent from page to page
 * and resized (they read the page and follow its links; none changes the device's storage).
 */
let sharedTab: Page | undefined;
async function openShared(path: string, width: number): Promise<Page> {
  if (!sharedTab) {
    const context = await browser.newContext({ viewport: { width, height: 740 } });
    sharedTab = await context.newPage();
  }
  await sharedTab.goto('about:blank');
  await sharedTab.setViewportSize({ width, height: 740 });
  const response = await sharedTab.goto(new URL(path.replace(/^\//, ''), rootUrl).href, {
    waitUntil: 'load',
  });
  expect(response?.status(), path).toBe(200);
  return sharedTab;
}

describe('a browser text size doubled (WeChat and phone settings)', () => {
  // In Chinese every character is a word, so the header's name once shrank to one character per
  // line, a tall column beside the menu: it must keep at least four characters on a line.
  test.each([320, 360])(
    'the Chinese site name keeps four characters a line at %i px',
    async (width) => {
      const page = await openShared('/2007/', width);
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      const lines = await page.locator('.site-header__brand span').evaluate((brand) => {
        const range = document.createRange();
        range.selectNodeContents(brand);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        return { tops: tops.size, text: brand.textContent?.trim() ?? '' };
      });
      expect(lines.text).toBe('平果铝业公司年鉴');
      expect(lines.tops, 'lines of the site name').toBeLessThanOrEqual(2);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
        'sideways overflow',
      ).toBeLessThanOrEqual(0);
    },
  );
});

describe('the accessibility statement', () => {
  test.each(['/', '/en/'])(
    'is linked from the footer (%s) and names the contact from the site settings',
    async (home) => {
      const page = await openShared(home, 390);
      await page.locator('.site-footer a[href$="accessibility/"]').click();
      await page.waitForURL(/accessibility\/$/);
      const text = await page.locator('main').innerText();
      const locale = home === '/' ? 'zh-cn' : 'en';
      expect(text).toContain(siteSettings.contact.name[locale]);
      expect(text).toContain('axe');
      expect(await page.locator('main h2').count()).toBeGreaterThanOrEqual(4);
    },
  );
});

describe('reading details', () => {
  test.each([1024, 1280])('the English header is one row at %i px', async (width) => {
    const page = await openShared('/en/2007/', width);
    const rows = await page.evaluate(() => {
      const tops = [
        '.site-header__brand',
        '.site-nav li:last-child a',
        '[data-language-switcher]',
        '.header-search__button',
        '.text-size',
      ].map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box ? box.top + box.height / 2 : -1;
      });
      return {
        tops,
        height: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
      };
    });
    expect(rows.tops.every((top) => top > 0)).toBe(true);
    expect(Math.max(...rows.tops) - Math.min(...rows.tops)).toBeLessThan(8);
    expect(rows.height).toBeLessThan(80);
  });

  test.each([
    ['/', 360],
    ['/', 768],
    ['/', 1280],
    ['/en/2007/', 1024],
  ] as const)(
    'key-figure cards on %s at %i px leave no card alone on a row',
    async (path, width) => {
      const page = await openShared(path, width);
      const rows = await page.evaluate(() => {
        const list = document.querySelector('.key-figures__list')?.getBoundingClientRect();
        const byRow = new Map<number, number[]>();
        for (const card of document.querySelectorAll('.key-figures__list > .figure-card')) {
          const box = card.getBoundingClientRect();
          byRow.set(Math.round(box.top), [...(byRow.get(Math.round(box.top)) ?? []), box.width]);
        }
        return { listWidth: list?.width ?? 0, rows: [...byRow.values()] };
      });
      expect(rows.rows.length).toBeGreaterThan(0);
      for (const row of rows.rows) {
        // A card alone on its row is one the row is made for: as wide as the list.
        if (row.length === 1) expect(row[0]).toBeGreaterThan(rows.listWidth - 2);
      }
    },
  );

  test.each(['/2007/', '/en/2007/'])('the report page %s shows its key figures', async (path) => {
    const page = await openShared(path, 390);
    expect(await page.locator('.report .key-figures .figure-card').count()).toBe(6);
  });

  test('Chinese punctuation in Chinese, a space after the colon in English', async () => {
    const page = await openShared('/2007/', 390);
    expect(await page.locator('.figures__downloads').innerText()).toMatch(/^下载数据：CSV/);
    await page.goto(new URL('en/2007/', rootUrl).href);
    expect(await page.locator('.figures__downloads').innerText()).toMatch(
      /^Download the data: CSV/,
    );
  });

  test.each([320, 360, 390])(
    'the slogan on a phone (%i px) never leaves one character alone on its last line',
    async (width) => {
      const page = await openShared('/', width);
      const lastLine = await page.evaluate(() => {
        const slogan = document.querySelector('.hero__slogan');
        const text = slogan?.firstChild;
        if (!text) return '';
        const range = document.createRange();
        const lines = new Map<number, string>();
        for (let i = 0; i < (text.textContent ?? '').length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          lines.set(top, (lines.get(top) ?? '') + (text.textContent ?? '')[i]);
        }
        return [...lines.values()].at(-1)?.trim() ?? '';
      });
      expect(lastLine.length).toBeGreaterThan(1);
    },
  );
});
