// Byte budgets (issue 8): what a reader's browser downloads on the first visit to each kind of page,
// in both languages, measured in Chromium with the cache off, and the published images' sizes.
// Bytes only, never time. The test server does not compress, so text is judged at its gzip size
// (what any real server sends) and binary files (images, fonts, WebAssembly) at their size on the wire.
// The figures are written to .test-builds/budgets.md for BENCHMARKS.md.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { renditions } from '../../src/data/gallery';
import { forEachLimit, pageConcurrency, sitePages } from '../support/site';
import { pageKinds } from '../../scripts/lib/page-kinds.mjs';

const rootUrl = inject('rootUrl');
const rootDir = inject('rootDir');

const kilobyte = 1024;
/** Pages with no chart, lightbox or search of their own: the header and language switch only. */
const plainPageScriptBudget = 10 * kilobyte;
const styleBudget = 30 * kilobyte;
const homeFirstLoadBudget = 250 * kilobyte;

/** A mid-range phone, as Lighthouse's mobile profile: what most readers use (in WeChat). */
const phone = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

type PageKind =
  | 'home'
  | 'report'
  | 'unit'
  | 'gallery'
  | 'album'
  | 'photo'
  | 'search'
  | 'glossary'
  | 'years'
  | 'figures'
  | 'accessibility';
/** Which page kinds ship JavaScript for a feature (charts, lightbox, search) beyond the plain budget. */
const featurePages: Record<PageKind, string | undefined> = {
  home: undefined,
  report: 'charts',
  unit: undefined,
  gallery: 'lightbox',
  album: 'lightbox',
  photo: undefined,
  search: 'search',
  glossary: undefined,
  years: undefined,
  figures: 'charts',
  accessibility: undefined,
};

/** One example page of each kind per locale, from the sitemap (the first in path order). */
function examplePages(): { kind: PageKind; path: string }[] {
  const paths = sitePages(rootDir);
  const patterns = pageKinds as Array<[PageKind, RegExp]>;
  const examples: { kind: PageKind; path: string }[] = [];
  for (const english of [false, true]) {
    for (const [kind, pattern] of patterns) {
      const path = paths.find(
        (candidate) => pattern.test(candidate) && candidate.startsWith('/en/') === english,
      );
      if (!path)
        throw new Error(
          `No ${kind} page in ${english ? 'English' : 'Chinese'} in the sitemap of ${rootDir}.`,
        );
      examples.push({ kind, path });
    }
  }
  return examples;
}

interface Download {
  url: string;
  type: string;
  /** Bytes on the wire from the test server (uncompressed), headers excluded. */
  transferred: number;
  /** What a compressing server would send: gzip size for text, the file itself otherwise. */
  gzip: number;
}

interface Measurement {
  kind: PageKind;
  path: string;
  downloads: Download[];
  /** Images the page loaded lazily that lie below the first screen. */
  lazyBelowFold: Set<string>;
  /** Loaded images whose file is wider than the smallest candidate that covers their display. */
  oversized: string[];
}

const textTypes = new Set(['Document', 'Stylesheet', 'Script', 'Fetch', 'XHR']);
const isText = (type: string, mimeType: string) =>
  textTypes.has(type) || /^(text\/|application\/(json|javascript|xml))|svg\+xml/.test(mimeType);

/** Opens a page the way a first-time reader does and records every response it downloads. */
async function measure(browser: Browser, kind: PageKind, path: string): Promise<Measurement> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = new Map<string, { url: string; type: string; mimeType: string }>();
  const finished: { requestId: string; encodedDataLength: number }[] = [];
  cdp.on('Network.responseReceived', (event) => {
    responses.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? 'Other',
      mimeType: event.response.mimeType,
    });
  });
  cdp.on('Network.loadingFinished', (event) => finished.push(event));
  await page.goto(new URL(path.replace(/^\//, ''), rootUrl).href, { waitUntil: 'networkidle' });

  const downloads: Download[] = [];
  for (const { requestId, encodedDataLength } of finished) {
    const response = responses.get(requestId);
    if (!response || response.url.startsWith('data:')) continue;
    const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId });
    const bytes = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
    const headerBytes = Math.max(0, encodedDataLength - bytes.length);
    const transferred = encodedDataLength - headerBytes;
    downloads.push({
      url: response.url,
      type: response.type,
      transferred,
      gzip: isText(response.type, response.mimeType) ? gzipSync(bytes).length : transferred,
    });
  }
  // Styles inlined into the document count as CSS too (they travel inside the HTML).
  const inlineStyles = await page.evaluate(() =>
    [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n'),
  );
  if (inlineStyles.length > 0) {
    const bytes = Buffer.from(inlineStyles);
    downloads.push({
      url: `${path} <style>`,
      type: 'InlineStylesheet',
      transferred: bytes.length,
      gzip: gzipSync(bytes).length,
    });
  }

  const images = await page.evaluate(() => {
    const candidatesOf = (image: HTMLImageElement) => {
      const sets = [
        image.srcset,
        ...[...(image.parentElement?.querySelectorAll('source') ?? [])].map(
          (source) => source.srcset,
        ),
      ];
      return sets
        .flatMap((set) => set.split(','))
        .map((candidate) => Number(/\s(\d+)w\s*$/.exec(candidate)?.[1]))
        .filter((width) => Number.isFinite(width) && width > 0);
    };
    return [...document.images]
      .filter(
        (image) =>
          image.complete && image.currentSrc !== '' && !image.currentSrc.startsWith('data:'),
      )
      .map((image) => ({
        url: image.currentSrc,
        lazy: image.loading === 'lazy',
        top: image.getBoundingClientRect().top + window.scrollY,
        shownWidth: image.getBoundingClientRect().width,
        naturalWidth: image.naturalWidth,
        candidates: candidatesOf(image),
      }));
  });
  const lazyBelowFold = new Set(
    images
      .filter((image) => image.lazy && image.top >= phone.viewport.height)
      .map((image) => image.url),
  );
  const oversized = images
    .filter((image) => {
      if (image.url.endsWith('.svg')) return false;
      const needed = Math.ceil(image.shownWidth * phone.deviceScaleFactor);
      const covering = image.candidates.filter((width) => width >= needed).sort((a, b) => a - b)[0];
      const allowed = covering ?? Math.max(needed, ...image.candidates);
      return image.naturalWidth > allowed;
    })
    .map(
      (image) =>
        `${image.url}: ${image.naturalWidth} px wide, shown at ${Math.round(image.shownWidth)} CSS px`,
    );
  await context.close();
  return { kind, path, downloads, lazyBelowFold, oversized };
}

const sum = (downloads: Download[], key: 'gzip' | 'transferred') =>
  downloads.reduce((total, download) => total + download[key], 0);
const ofType = (downloads: Download[], ...types: string[]) =>
  downloads.filter((download) => types.includes(download.type));
/** What was fetched: inlined styles travel inside the HTML, so totals leave their separate entry out. */
const fetched = (downloads: Download[]) =>
  downloads.filter((download) => download.type !== 'InlineStylesheet');
const kb = (bytes: number) => (bytes / kilobyte).toFixed(1);

let browser: Browser;
const measured: Measurement[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  // A few pages at a time (each in its own context, cache off): sizes do not depend on the load.
  const examples = examplePages();
  const results: Measurement[] = new Array(examples.length);
  await forEachLimit([...examples.entries()], pageConcurrency, async ([index, { kind, path }]) => {
    results[index] = await measure(browser, kind, path);
  });
  measured.push(...results);
  const rows = measured.map(({ kind, path, downloads, lazyBelowFold }) => {
    const firstLoad = fetched(downloads).filter((download) => !lazyBelowFold.has(download.url));
    return (
      `| ${kind} | \`${path}\` | ${kb(sum(ofType(downloads, 'Document'), 'gzip'))} | ` +
      `${kb(sum(ofType(downloads, 'Script'), 'gzip'))} | ` +
      `${kb(sum(ofType(downloads, 'Stylesheet', 'InlineStylesheet'), 'gzip'))} | ` +
      `${kb(sum(ofType(downloads, 'Font'), 'gzip'))} | ${kb(sum(ofType(downloads, 'Image'), 'gzip'))} | ` +
      `${kb(sum(fetched(downloads), 'gzip'))} | ${kb(sum(firstLoad, 'gzip'))} | ` +
      `${kb(sum(fetched(downloads), 'transferred'))} | ${fetched(downloads).length} |`
    );
  });
  const table = [
    '| Page | Path | HTML | JS | CSS | Fonts | Images | Total | ' +
      'Total without lazy images below the fold | Uncompressed, as served by the test server | Requests |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  writeFileSync(join(rootDir, '..', 'budgets.md'), `${table}\n`);
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

describe('first load, per page kind and locale (KB gzip for text)', () => {
  test('every kind of page in both languages was measured', () => {
    expect(measured.map(({ kind }) => kind).sort()).toEqual([
      'accessibility',
      'accessibility',
      'album',
      'album',
      'figures',
      'figures',
      'gallery',
      'gallery',
      'glossary',
      'glossary',
      'home',
      'home',
      'photo',
      'photo',
      'report',
      'report',
      'search',
      'search',
      'unit',
      'unit',
      'years',
      'years',
    ]);
  });

  test(`JavaScript ≤ ${kb(plainPageScriptBudget)} KB on pages with no chart, lightbox or search`, () => {
    const plain = measured.filter(({ kind }) => featurePages[kind] === undefined);
    expect(plain.length).toBeGreaterThan(0);
    for (const { path, downloads } of plain) {
      const scripts = ofType(downloads, 'Script');
      expect(
        sum(scripts, 'gzip'),
        `${path}: ${scripts.map((script) => `${script.url} ${script.gzip} B`).join(', ')}`,
      ).toBeLessThanOrEqual(plainPageScriptBudget);
    }
  });

  test(`CSS ≤ ${kb(styleBudget)} KB on every page`, () => {
    for (const { path, downloads } of measured) {
      const styles = ofType(downloads, 'Stylesheet', 'InlineStylesheet');
      expect(
        sum(styles, 'gzip'),
        `${path}: ${styles.map((style) => `${style.url} ${style.gzip} B`).join(', ')}`,
      ).toBeLessThanOrEqual(styleBudget);
    }
  });

  test(`the home page’s first load ≤ ${kb(homeFirstLoadBudget)} KB (lazy images below the fold aside)`, () => {
    const homes = measured.filter(({ kind }) => kind === 'home');
    expect(homes).toHaveLength(2);
    for (const { path, downloads, lazyBelowFold } of homes) {
      const firstLoad = fetched(downloads).filter((download) => !lazyBelowFold.has(download.url));
      expect(
        sum(firstLoad, 'gzip'),
        `${path}: ${firstLoad.map((download) => `${download.url} ${download.gzip} B`).join(', ')}`,
      ).toBeLessThanOrEqual(homeFirstLoadBudget);
    }
  });

  test('no page downloads an image wider than its display needs', () => {
    for (const { oversized } of measured) expect(oversized).toEqual([]);
  });
});

describe('published images', () => {
  /** The widest any photo is ever shown: the full rendition at 60rem on a 2x screen, i.e. 1920 px. */
  const widestRendition = Math.max(...renditions.full.widths, ...renditions.thumb.widths);

  test(`no published photo is wider than the largest rendition (${widestRendition} px)`, async () => {
    const photos = readdirSync(join(rootDir, '_astro')).filter((file) =>
      /\.(jpe?g|webp|avif|png)$/.test(file),
    );
    expect(photos.length).toBeGreaterThan(0);
    const tooWide: string[] = [];
    for (const file of photos) {
      const { width = 0, height = 0 } = await sharp(join(rootDir, '_astro', file)).metadata();
      if (width > widestRendition) tooWide.push(`${file}: ${width}×${height}`);
    }
    expect(tooWide).toEqual([]);
  });
});
