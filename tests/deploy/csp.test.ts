// The site under its header CSP alone: Chromium opens every page of the build through nginx with
// the `<meta>` policy cut out of the HTML, so only the header applies, and no page — search results
// and the photo lightbox included — may trigger a single CSP violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { listFiles } from '../../scripts/lib/site-files.mjs';
import { servePublished, type RunningNginx } from './nginx';

const build = inject('deployBuildDir');
/** Every HTML file of the build as a site path: pages, 404s and print documents. */
const paths = (await listFiles(build))
  .filter((path) => path.endsWith('.html') && !path.startsWith('.deploy/'))
  .map((path) => `/${path.replace(/(^|\/)index\.html$/, '$1')}`);

let nginx: RunningNginx;
let browser: Browser;
beforeAll(async () => {
  nginx = await servePublished(build);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

interface Opened {
  page: Page;
  violations: () => Promise<string[]>;
  headerPolicy: string | undefined;
  metaPolicies: () => Promise<number>;
}

/**
 * A page whose documents arrive with the `<meta>` CSP removed, collecting violations; `load` sends it
 * to a site path. A walk keeps one such page per worker (opening a page costs more than loading one);
 * the init script gives every new document an empty list, and the console's list is emptied between
 * loads, after the previous document is gone (about:blank).
 */
async function openTab(): Promise<{ page: Page; load: (path: string) => Promise<Opened> }> {
  const context = await browser.newContext();
  // Generous: on a busy shared machine a print document can take more than the default 30 s to load.
  context.setDefaultTimeout(120_000);
  const consoleViolations: string[] = [];
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /<meta\s[^>]*http-equiv="content-security-policy"[^>]*>/gi,
      '',
    );
    // The body is handed over decoded, so its encoding headers no longer apply.
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    return route.fulfill({ response, body: html, headers });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  page.once('close', () => void context.close().catch(() => undefined));
  let loads = 0;
  const load = async (path: string): Promise<Opened> => {
    if (loads++ > 0) await page.goto('about:blank');
    consoleViolations.length = 0;
    const response = await page.goto(new URL(path.replace(/^\//, ''), nginx.url).href, {
      waitUntil: 'load',
    });
    return {
      page,
      headerPolicy: (await response?.allHeaders())?.['content-security-policy'],
      violations: async () => [
        ...consoleViolations,
        ...(await page.evaluate(
          () => (window as unknown as { cspViolations: string[] }).cspViolations,
        )),
      ],
      metaPolicies: () => page.locator('meta[http-equiv="content-security-policy" i]').count(),
    };
  };
  return { page, load };
}

/** Opens a site path in a page of its own with the `<meta>` CSP removed, collecting violations. */
async function open(path: string): Promise<Opened> {
  return (await openTab()).load(path);
}

describe('no CSP violation under the header policy alone', () => {
  test('the build has pages of both languages to check', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/en/');
    expect(paths.length).toBeGreaterThan(30);
  });

  // Two pages at a time, each worker in one page sent from path to path: one test per page
  // would take minutes on a small machine.
  test('every HTML file of the build', async () => {
    const failures: string[] = [];
    const queue = [...paths];
    const worker = async () => {
      const tab = await openTab();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const { violations, headerPolicy, metaPolicies } = await tab.load(path);
        if (!headerPolicy?.includes("frame-ancestors 'self'"))
          failures.push(`${path}: no CSP header`);
        if ((await metaPolicies()) !== 0)
          failures.push(`${path}: the <meta> policy was not removed`);
        failures.push(...(await violations()).map((violation) => `${path}: ${violation}`));
      }
      await tab.page.close();
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
  }, 900_000);

  test.each([
    ['/search/?q=%E7%8F%AD%E7%BB%84', '班组'],
    ['/en/search/?q=rotating', 'rotating'],
  ])('search %s shows results without a violation', async (path, query) => {
    const { page, violations } = await open(path);
    await page.waitForFunction(
      (wanted) =>
        document.getElementById('search-results')?.dataset['query']?.startsWith(`${wanted}|`),
      query,
    );
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  test.each(['/gallery/', '/en/gallery/'])(
    '%s: the lightbox opens and shows a photo without a violation',
    async (path) => {
      const { page, violations } = await open(path);
      await page.locator('.photo-grid__link').first().click();
      await page.locator('.pswp--open').waitFor();
      await page.locator('.pswp__img:not(.pswp__img--placeholder)').first().waitFor();
      await page.keyboard.press('ArrowRight');
      await page.waitForLoadState('networkidle').catch(() => undefined);
      expect(await violations()).toEqual([]);
      await page.close();
    },
  );

  test('a page framed by another site is refused (frame-ancestors)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A page on another origin (localhost vs 127.0.0.1) that frames the report.
    const other = nginx.url.replace('127.0.0.1', 'localhost');
    await page.route(`${other}framer.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${nginx.url}"></iframe>` }),
    );
    await page.goto(`${other}framer.html`);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await framed?.waitForLoadState('load').catch(() => undefined);
    // Chromium replaces a refused frame with its error page: the report never renders inside it.
    await expect.poll(() => framed?.url()).toMatch(/^chrome-error:/);
    await context.close();
  });
});
