// Large text on a phone (issue 25), measured on a build: one page of each kind in each language at
// 320, 360 and 390 px, at 200% browser text size with WCAG text spacing, and in the site's large
// mode. Prints one line per page that scrolls sideways, cuts text off or draws text over text.
//   node scripts/large-text-report.mjs [dist-folder]
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from '../src/integrations/pdf-edition/static-server.mjs';
import { pageKinds } from './lib/page-kinds.mjs';
import { measurePhone } from './lib/phone-measure.mjs';
import { measureText, setBrowserTextSize, applyTextSpacing } from './lib/text-measure.mjs';
import { textSizeStorageKey } from '../src/text-size/text-size.mjs';

const dir = process.argv[2] ?? 'dist';
const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
const pages = pageKinds.flatMap(([kind, pattern]) =>
  [false, true].flatMap((english) => {
    const path = paths.find((p) => pattern.test(p) && p.startsWith('/en/') === english);
    return path ? [{ kind, path }] : [];
  }),
);
const modes = /** @type {const} */ (['200%+spacing', 'large']);
const widths = [320, 360, 390];

const server = await serveStatic(dir);
const browser = await launchChromium();
let problems = 0;
const jobs = pages.flatMap((p) =>
  modes.flatMap((mode) => widths.map((width) => ({ ...p, mode, width }))),
);
async function run(job) {
  const context = await browser.newContext({ viewport: { width: job.width, height: 740 } });
  const page = await context.newPage();
  if (job.mode === 'large')
    await page.addInitScript((key) => localStorage.setItem(key, 'large'), textSizeStorageKey);
  else await setBrowserTextSize(page, 200);
  await page.goto(new URL(job.path.slice(1), server.url).href, { waitUntil: 'load' });
  if (job.mode !== 'large') await applyTextSpacing(page);
  const measured = {
    ...(await measurePhone(page, { charts: false })),
    ...(await measureText(page)),
  };
  await context.close();
  const bad = measured.overflow > 0 || measured.clipped.length > 0 || measured.overlaps.length > 0;
  if (bad) {
    problems += 1;
    console.log(
      `${job.mode} ${job.width} ${job.path}: overflow ${measured.overflow} ` +
        `${measured.wideElements.join(' ')}; clipped ${measured.clipped.join(' | ')}; ` +
        `overlaps ${measured.overlaps.slice(0, 3).join(' | ')}`,
    );
  }
}
const queue = [...jobs];
await Promise.all(
  [1, 2, 3].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await run(job);
  }),
);
console.log(`${jobs.length} page views, ${problems} with a problem`);
await browser.close();
await server.close();
