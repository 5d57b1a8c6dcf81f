import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { pageKinds } from '../../scripts/lib/page-kinds.mjs';
import { dataFileProblem } from '../../src/search/index-check';

/** Every page path of a built site (relative to its base), from its sitemap, plus the 404 pages. */
export function sitePages(buildDir: string): string[] {
  const sitemap = readFileSync(join(buildDir, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1] ?? '').pathname,
  );
  return paths.sort();
}

export interface PageVisit {
  page: Page;
  status: number | undefined;
  consoleErrors: string[];
  /** Requests to anything but this machine's loopback. */
  outsideRequests: string[];
  /** Same-site responses with an error status. */
  failedResponses: string[];
}

/** A page kept open and sent from address to address, recording what each load does. */
export interface Tab {
  page: Page;
  /** Loads `url` in this tab: what it records starts empty for each load. */
  load: (url: string) => Promise<PageVisit>;
}

/**
 * Opens a page that records console errors, non-loopback requests and failed loads. Opening a page
 * (a renderer process, a browser context) costs more than loading one: 10 loads in one page took
 * 2.5 s, in 10 fresh pages 6.3 s. Route interception turns the HTTP cache off, so a reused page
 * fetches every file again, as a fresh one would. Between two loads the tab goes to about:blank
 * first: the previous document is gone before the next one's record starts, so nothing of it is
 * counted against the next page (and nothing of the next is missed, as a reset on `framenavigated`
 * would miss what happened before a page's own `history.replaceState`).
 */
export async function openTab(browser: Browser, options: BrowserContextOptions = {}): Promise<Tab> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  let current: PageVisit | undefined;
  let currentUrl = '';
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      current?.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => current?.consoleErrors.push(error.message));
  await page.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    const local =
      protocol === 'data:' ||
      hostname === '127.0.0.1' ||
      hostname === 'localhost' ||
      hostname === '[::1]';
    // A request still in flight when the test closes its page rejects; that is not a failure.
    if (local) return route.continue().catch(() => {});
    current?.outsideRequests.push(route.request().url());
    return route.abort().catch(() => {});
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== currentUrl)
      current?.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  // The browser may already be gone when a test ends early: closing its context then is moot.
  page.once('close', () => void context.close().catch(() => undefined));
  return {
    page,
    load: async (url) => {
      if (current) {
        current = undefined;
        await page.goto('about:blank');
      }
      currentUrl = url;
      const visit: PageVisit = {
        page,
        status: undefined,
        consoleErrors: [],
        outsideRequests: [],
        failedResponses: [],
      };
      current = visit;
      const response = await page.goto(url, { waitUntil: 'load' });
      visit.status = response?.status();
      return visit;
    },
  };
}

/** Opens a URL in a fresh page, recording console errors, non-loopback requests and failed loads. */
export async function visit(
  browser: Browser,
  url: string,
  options: { javaScript?: boolean } = {},
): Promise<PageVisit> {
  const tab = await openTab(browser, { javaScriptEnabled: options.javaScript ?? true });
  return tab.load(url);
}

/**
 * One tab for a file's tests that read one page at a time, opened on first use and sent from page to
 * page (`openTab`): each load records as a fresh page would, without a fresh context's cost. Its
 * callers leave the page open (the browser's close ends it); `width` resizes it before the load.
 */
export function sharedTab(
  browser: () => Browser,
): (url: string, width?: number) => Promise<PageVisit> {
  let tab: Promise<Tab> | undefined;
  return async (url, width) => {
    tab ??= openTab(browser());
    const opened = await tab;
    if (width !== undefined) await opened.page.setViewportSize({ width, height: 800 });
    return opened.load(url);
  };
}

/**
 * Runs `work` on every item, at most `limit` at a time, each runner loading its items one after
 * another in one tab of its own (`openTab`): a walk over many pages opens `limit` pages, not one
 * per item. `options` are each tab's context options (viewport, device scale, JavaScript);
 * `work` sets anything else per item (the viewport's width, say) before it loads.
 */
export async function forEachInTabs<T>(
  browser: Browser,
  items: readonly T[],
  limit: number,
  options: BrowserContextOptions,
  work: (item: T, tab: Tab) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    const tab = await openTab(browser, options);
    try {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item, tab);
      }
    } finally {
      await tab.page.close().catch(() => undefined);
    }
  });
  await Promise.all(runners);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
/** WCAG 2.2 AA and best practice: what every page must pass. */
const axeTags = ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core's violations on the page as it stands, one line each (rule, help, offending elements),
 * so a failing test names them. `evaluate()` runs outside the page's CSP: axe needs no allowance.
 * `without` leaves rules out (by id) where another test runs them on the page's template; `only`
 * runs just these rules (by id), e.g. the ones that depend on layout at a second width.
 */
export async function axeViolations(
  page: Page,
  options: { without?: string[]; only?: readonly string[] } = {},
): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ tags, without, only }) => {
      const { axe } = window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      };
      const rules = Object.fromEntries(without.map((id) => [id, { enabled: false }]));
      const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: tags };
      return (await axe.run(document, { runOnly, rules })).violations;
    },
    { tags: axeTags, without: options.without ?? [], only: options.only },
  );
  return violations.map(
    (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * The axe rules whose result depends on layout (sizes and positions, what scrolls), not on the DOM
 * alone: what a second width of the same page and media queries can change. Colour contrast does
 * not change with the width; the rest of axe's rules read the DOM (and what is hidden, which only a
 * media query changes).
 */
export const axeLayoutRules = ['target-size', 'scrollable-region-focusable'] as const;

/**
 * Which of the page's stylesheet media queries hold, as one string: two loads of a page with the
 * same string show and hide the same elements, so the axe rules that read the DOM give the same
 * answer on both.
 */
export async function mediaState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const conditions = new Set<string>();
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) conditions.add(rule.conditionText);
        if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) {
      try {
        walk(sheet.cssRules);
      } catch {
        conditions.add(`unreadable ${sheet.href}`);
      }
    }
    return [...conditions]
      .sort()
      .map((condition) => `${condition}: ${matchMedia(condition).matches}`)
      .join('; ');
  });
}

/**
 * How many pages a suite keeps open at once: enough to overlap one page's network and layout with
 * another's scripts, few enough that two cores are not swamped (each page is a renderer process).
 */
export const pageConcurrency = 3;

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure. */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}

/**
 * The template a page is made from: its kind (scripts/lib/page-kinds.mjs) where it has one, else
 * its path with the language and any unit name left out (`/units/<unit>/`, `/2007/units/`).
 */
export function pageTemplate(path: string): string {
  const kind = pageKinds.find(([, pattern]) => pattern.test(path))?.[0];
  if (kind) return kind;
  return path.replace(/^\/en\//, '/').replace(/^\/units\/[^/]+\/$/, '/units/*/');
}

/**
 * The first page of each template in each language: what depends only on the template (layout at
 * a width, tap targets, the language switch's behaviour) is checked on these; what depends on the
 * content, on every page.
 */
export function pageKindSamples(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = `${path.startsWith('/en/') ? 'en' : 'zh'} ${pageTemplate(path)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One file a page fetched: its address, Playwright's resource type and its body's bytes. */
export interface FetchedFile {
  url: string;
  type: string;
  bytes: number;
}

/** What a page fetches from now on, read back once every body it has seen is in. */
export interface FetchRecord {
  /** Addresses requested so far: known the moment the request leaves, before any answer. */
  requested: () => string[];
  /** Every finished file so far with its bytes, once their bodies have been read. */
  settled: () => Promise<FetchedFile[]>;
}

/**
 * Records what a page fetches. Addresses are taken synchronously when a request starts, and the
 * bodies are kept as promises: an `async` listener that awaits a body before recording the file
 * can still be waiting when the test looks (the page has already run the script), so the file
 * would seem never to have loaded — a check that failed now and then until it read it this way.
 */
export function recordFetches(page: Page): FetchRecord {
  const requested: string[] = [];
  const finished: Array<Promise<FetchedFile>> = [];
  page.on('request', (request) => void requested.push(request.url()));
  page.on('requestfinished', (request) => {
    finished.push(
      request
        .response()
        // The page may close before a late request settles; such a file counts 0 bytes.
        .then((response) => response?.body())
        .catch(() => undefined)
        .then((body) => ({
          url: request.url(),
          type: request.resourceType(),
          bytes: body?.length ?? 0,
        })),
    );
  });
  return {
    requested: () => [...requested],
    settled: async () => {
      // A body read may finish another request meanwhile: wait until the list stops growing.
      let count = -1;
      while (count !== finished.length) {
        count = finished.length;
        await Promise.all(finished);
      }
      return Promise.all(finished);
    },
  };
}

/**
 * The tests' in-page searches read each Pagefind result with this function (inserted into the
 * page's code as text): a result that cannot be read fails naming its fragment.
 */
export const readResultInPage = `(result) => result.data().catch((error) => {
  throw new Error('fragment ' + result.id + ': ' + (error && error.message));
})`;

/**
 * When a page's call to Pagefind fails on a result (`fragment <id>: …`, as `readResultInPage`
 * labels it), says what the built file is on disk and what the server gives for it
 * now: a file that was never whole is the build's fault, one that is whole on disk and over the
 * wire now was spoiled on its way to the page. The error is thrown again with that added.
 */
export async function explainFragmentFailure(
  error: unknown,
  buildDir: string,
  siteUrl: string,
): Promise<never> {
  const message = error instanceof Error ? error.message : String(error);
  const id = /fragment (\S+):/.exec(message)?.[1];
  if (!id) throw error;
  const path = `pagefind/fragment/${id}.pf_fragment`;
  const describe = (bytes: Buffer) =>
    `${bytes.length} bytes, ${dataFileProblem(bytes) ?? 'whole'} (starts ${bytes.subarray(0, 8).toString('hex')})`;
  let onDisk: string;
  let disk: Buffer | undefined;
  try {
    disk = readFileSync(join(buildDir, path));
    onDisk = describe(disk);
  } catch (readError) {
    onDisk = `unreadable (${(readError as Error).message})`;
  }
  const response = await fetch(new URL(path, siteUrl));
  const served = Buffer.from(await response.arrayBuffer());
  const same = disk && served.equals(disk) ? ', the same bytes' : ', other bytes';
  throw new Error(
    `${message}\n  ${path} on disk: ${onDisk}\n  served now: ${response.status}, ${describe(served)}${same}`,
  );
}
