// The photo gallery as readers get it: the lightbox, the pages without JavaScript, and the
// published image files themselves (read back with sharp: nothing but pixels).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../../src/integrations/pdf-edition/chromium.mjs';
import { projectRoot } from '../support/build-site';
import { recordFetches, visit } from '../support/site';
import { testSiteUrl } from '../support/sites';

const rootUrl = inject('rootUrl');
const rootDir = inject('rootDir');
const url = (path: string) => new URL(path.replace(/^\//, ''), rootUrl).href;
const photoSlugs = [
  'air-volleyball',
  'bonfire-song-and-dance',
  'dance-rainy-lane',
  'long-distance-run',
  'musical',
  'taekwondo-show',
];
/** What a gallery page may load before a photo is opened: the lightbox module only (~17 kB unminified). */
const galleryScriptBudget = 24_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const captionShown = (page: Page) => page.locator('.pswp__caption').innerText();

/** Waits until the lightbox has finished opening: PhotoSwipe then moves focus into itself. */
async function lightboxOpened(page: Page): Promise<void> {
  await page.locator('.pswp--open').waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('pswp') === true);
}

describe('lightbox', () => {
  test.each([
    [
      '/gallery/',
      '生活服务公司表演的音乐剧《新黄世仁与白毛女》诙谐幽默，令观众捧腹大笑。',
      '舞蹈《小城雨巷》，让人感受到了江南风的温柔，雨的缠绵。',
    ],
    [
      '/en/gallery/',
      'The musical “The New Huang Shiren and the White-Haired Girl”',
      'The dance “Rainy Lane in a Small Town”',
    ],
  ])(
    '%s: opens from the keyboard, arrows move, Esc closes and focus returns',
    async (path, first, second) => {
      const { page, consoleErrors } = await visit(browser, url(path));
      const thumbnail = page.locator('.photo-grid__link').first();
      await thumbnail.focus();
      await page.keyboard.press('Enter');
      await lightboxOpened(page);
      expect(await captionShown(page)).toContain(first);
      expect(await page.locator('.pswp__counter').innerText()).toMatch(/^1\s*(\/|of)\s*3$/);

      await page.keyboard.press('ArrowRight');
      await expect.poll(() => captionShown(page)).toContain(second);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => captionShown(page)).toContain(first);

      await page.keyboard.press('Escape');
      await page.locator('.pswp').waitFor({ state: 'detached' });
      expect(await thumbnail.evaluate((element) => element === document.activeElement)).toBe(true);
      // PhotoSwipe's styles and inline positioning stay within the CSP: no violation is logged.
      expect(consoleErrors).toEqual([]);
      await page.close();
    },
  );

  test('opens on click, labels its buttons in the page’s language and swipes', async () => {
    const { page, consoleErrors } = await visit(browser, url('/en/gallery/'));
    await page.locator('.photo-grid__link').first().click();
    await lightboxOpened(page);
    expect(await page.locator('.pswp__button--close').getAttribute('title')).toBe('Close (Esc)');
    expect(await page.locator('.pswp__button--arrow--next').getAttribute('title')).toBe(
      'Next photo',
    );
    // A swipe to the left: a pointer drag across the viewer moves to the next photo.
    const { width, height } = page.viewportSize() ?? { width: 1280, height: 720 };
    await page.mouse.move(width * 0.8, height / 2);
    await page.mouse.down();
    await page.mouse.move(width * 0.5, height / 2, { steps: 8 });
    await page.mouse.move(width * 0.2, height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.pswp__counter').innerText()).toMatch(/^2\s*of\s*3$/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('an album opens its photo full size, from the largest rendition', async () => {
    const { page } = await visit(browser, url('/gallery/bonfire-party/'));
    await page.locator('.photo-grid__link').first().click();
    await lightboxOpened(page);
    const image = page.locator('.pswp__img:not(.pswp__img--placeholder)').first();
    await image.waitFor();
    const src = await image.getAttribute('src');
    expect(src).toMatch(/\/_astro\/bonfire-song-and-dance\.[^/]+\.webp$/);
    await page.close();
  });
});

describe('JavaScript', () => {
  test(
    `a gallery page loads only the lightbox module (≤ ${galleryScriptBudget} bytes) ` +
      'until a photo is opened',
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const fetched = recordFetches(page);
      await page.goto(url('/gallery/'), { waitUntil: 'networkidle' });
      const scripts = (await fetched.settled()).filter((file) => file.type === 'script');
      const before = scripts.reduce((sum, file) => sum + file.bytes, 0);
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThanOrEqual(galleryScriptBudget);
      const photoSwipeRequested = () =>
        fetched.requested().some((address) => address.includes('photoswipe.esm'));
      expect(photoSwipeRequested()).toBe(false);
      await page.locator('.photo-grid__link').first().click();
      await page.locator('.pswp--open').waitFor();
      expect(photoSwipeRequested()).toBe(true);
      await context.close();
    },
  );

  test.each([
    '/',
    '/2007/',
    '/2007/units/living-services-company/',
    '/en/2007/units/mining-department/',
  ])('%s carries no gallery JavaScript', async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = recordFetches(page);
    await page.goto(url(path), { waitUntil: 'networkidle' });
    expect(fetched.requested().filter((address) => /PhotoGrid|photoswipe/i.test(address))).toEqual(
      [],
    );
    await context.close();
  });
});

describe('without JavaScript', () => {
  test('every thumbnail is a plain link to its photo’s page', async () => {
    for (const path of ['/gallery/', '/en/gallery/bonfire-party/']) {
      const { page } = await visit(browser, url(path), { javaScript: false });
      const links = await page.$$eval('.photo-grid__link', (anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link).toMatch(/\/gallery\/photos\/[a-z-]+\/$/);
      await page.close();
    }
    const { page } = await visit(browser, url('/gallery/'), { javaScript: false });
    await page.locator('.photo-grid__link').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/gallery/photos/musical/');
    expect(await page.locator('h1').innerText()).toBe(
      '生活服务公司表演的音乐剧《新黄世仁与白毛女》诙谐幽默，令观众捧腹大笑。',
    );
    expect(await page.locator('main').innerText()).toContain('原刊未注明');
    await page.close();
  });
});

describe('pages', () => {
  test('the gallery lists the three dated events with covers, and says the source dates the others not', async () => {
    const { page } = await visit(browser, url('/en/gallery/'));
    const titles = await page.locator('.event-card__title').allInnerTexts();
    expect(titles).toEqual([
      'Pingguo Aluminium Company Spring Festival air-volleyball match',
      'Spring Festival bonfire party of Chalco’s Guangxi enterprises',
      'Long-distance race to welcome the Olympics',
    ]);
    expect(await page.locator('.event-card img.photo-frame__image').count()).toBe(3);
    expect(await page.locator('main').innerText()).toContain(
      'The source does not say at which event or on which day these photos were taken.',
    );
    await page.close();
  });

  test("stand-ins and caption sources are marked by each photo's own flags, not by a notice for all", async () => {
    const { page } = await visit(browser, url('/en/gallery/'));
    const year = await page.locator('[data-year="2007"] .gallery-notice').innerText();
    expect(year).toBe(
      'Every picture here is a stand-in marked “sample image”, not the original photograph.',
    );
    // The photos of no event, in the grid: each stand-in says so under its caption.
    const grid = page.locator('[data-year="2007"] .photo-grid__item');
    expect(await grid.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-year="2007"] .photo-grid__sample').count()).toBe(
      await grid.count(),
    );
    const { page: bonfire } = await visit(browser, url('/en/gallery/bonfire-party/'));
    expect(await bonfire.locator('.gallery-notice').innerText()).toContain(
      'The captions are as printed in the company magazine of Pingguo Aluminium Company.',
    );
    const { page: photo } = await visit(browser, url('/gallery/photos/musical/'));
    expect(await photo.locator('.photo-facts').innerText()).toContain('图注出处');
    for (const opened of [page, bonfire, photo]) await opened.close();
  });

  test('an event page gives date, time and place', async () => {
    const { page } = await visit(browser, url('/gallery/olympic-long-distance-run/'));
    const facts = await page.locator('.event-facts').innerText();
    expect(facts).toContain('2008年1月31日 14:00');
    expect(facts).toContain('原刊未注明');
    const { page: bonfire } = await visit(browser, url('/en/gallery/bonfire-party/'));
    expect(await bonfire.locator('.event-facts').innerText()).toContain('30 January 2008, evening');
    expect(await bonfire.locator('.event-facts').innerText()).toContain(
      'Auditorium of the Workers’ Cultural Palace',
    );
    await page.close();
    await bonfire.close();
  });

  test('a photo page is shareable: Open Graph image, absolute, and served', async () => {
    const { page } = await visit(browser, url('/en/gallery/photos/bonfire-song-and-dance/'));
    const image = await page.getAttribute('meta[property="og:image"]', 'content');
    // The root test build is made for testSiteUrl, as for a real server.
    expect(image?.startsWith(`${testSiteUrl}/`)).toBe(true);
    expect(image?.slice(testSiteUrl.length)).toMatch(
      /^\/_astro\/bonfire-song-and-dance\.[^/]+\.jpg$/,
    );
    const file = join(rootDir, new URL(image ?? '').pathname);
    const { width, format } = await sharp(file).metadata();
    expect([width, format]).toEqual([1280, 'jpeg']);
    expect(await page.locator('main').innerText()).toContain('Performed by');
    await page.close();
  });

  test('the photo of a unit appears on its page, linked to the photo', async () => {
    for (const [path, photo] of [
      ['/2007/units/living-services-company/', 'musical'],
      ['/en/2007/units/mining-department/', 'bonfire-song-and-dance'],
    ] as const) {
      const { page } = await visit(browser, url(path));
      const links = await page.$$eval('.unit-photos a', (anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
      expect(links.map((link) => link.replace(/^\/en\//, '/'))).toEqual([
        `/gallery/photos/${photo}/`,
      ]);
      await page.close();
    }
  });

  test('images have width and height; only the photo a page is about loads eagerly', async () => {
    const { page } = await visit(browser, url('/gallery/photos/musical/'));
    const images = await page.$$eval('main img', (elements) =>
      elements.map((element) => ({
        width: element.getAttribute('width'),
        height: element.getAttribute('height'),
        loading: element.getAttribute('loading'),
      })),
    );
    for (const image of images)
      expect(Number(image.width) * Number(image.height)).toBeGreaterThan(0);
    expect(images.filter((image) => image.loading === 'eager')).toHaveLength(1);
    const album = await visit(browser, url('/gallery/'));
    const loading = await album.page.$$eval('main picture img', (elements) =>
      elements.map((element) => element.getAttribute('loading')),
    );
    expect(new Set(loading)).toEqual(new Set(['lazy']));
    await page.close();
    await album.page.close();
  });

  test('the header links to the gallery and marks it current there', async () => {
    const { page } = await visit(browser, url('/en/gallery/bonfire-party/'));
    expect(await page.locator('.site-nav a[aria-current="page"]').innerText()).toBe('Photos');
    await page.close();
  });
});

describe('published image files', () => {
  const assets = join(rootDir, '_astro');
  const images = readdirSync(assets).filter((file) =>
    /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(file),
  );

  test('every photo is published as AVIF, WebP and JPEG, and no camera original is', async () => {
    for (const slug of photoSlugs) {
      const formats = new Set(
        images.filter((file) => file.startsWith(`${slug}.`)).map((file) => file.split('.').pop()),
      );
      expect(formats, slug).toEqual(new Set(['avif', 'webp', 'jpg']));
    }
    for (const file of images) {
      const { width = 0, height = 0 } = await sharp(join(assets, file)).metadata();
      expect(Math.max(width, height), file).toBeLessThanOrEqual(1920);
    }
  });

  test('no source photo is published as it is (only its resized, re-encoded renditions)', async () => {
    // A build once copied every full-size original into _astro/ because the pages' cache keys read
    // the image objects' fields, which tells Astro the original is used (src/build-cache/digest.mjs).
    const sources = join(projectRoot, 'src', 'content', 'photos');
    const digests = new Set(
      readdirSync(sources)
        .filter((file) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(file))
        .map((file) =>
          createHash('sha256')
            .update(readFileSync(join(sources, file)))
            .digest('hex'),
        ),
    );
    expect(digests.size).toBeGreaterThanOrEqual(photoSlugs.length);
    const copies = images.filter((file) =>
      digests.has(
        createHash('sha256')
          .update(readFileSync(join(assets, file)))
          .digest('hex'),
      ),
    );
    expect(copies).toEqual([]);
  });

  test('no published image carries EXIF (GPS, serials, orientation), ICC, XMP or IPTC data', async () => {
    const carrying: string[] = [];
    for (const file of images) {
      const metadata = await sharp(join(assets, file)).metadata();
      const extra = {
        exif: metadata.exif,
        icc: metadata.icc,
        xmp: metadata.xmp,
        iptc: metadata.iptc,
        orientation: metadata.orientation,
      };
      const present = Object.entries(extra)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      if (present.length > 0) carrying.push(`${file}: ${present.join(', ')}`);
    }
    expect(images.length).toBeGreaterThanOrEqual(photoSlugs.length * 3);
    expect(carrying).toEqual([]);
  });

  test('photos stored sideways by the camera are published upright', async () => {
    // dance-rainy-lane.jpg is stored 3000 × 4000 with orientation 6; the picture is landscape.
    const published = images.filter((file) => file.startsWith('dance-rainy-lane.'));
    expect(published.length).toBeGreaterThan(0);
    for (const file of published) {
      const { width = 0, height = 0 } = await sharp(join(assets, file)).metadata();
      expect(width / height, file).toBeCloseTo(4 / 3, 2);
    }
  });

  test('no page embeds the camera original by its path', () => {
    const html = readFileSync(join(rootDir, 'gallery/photos/dance-rainy-lane/index.html'), 'utf8');
    expect(html).not.toMatch(/src\/content\/photos/);
  });
});
