// Screenshots of the built site for the README: `npm run build && npm run screenshots`.
// `npm run screenshots -- --years` shoots the pages of years instead (`/figures/`, `/years/`) on the
// three-year fixture yearbook of tests/fixtures/years-3: it builds the fixture over a temporary copy
// of the project, or takes a build of it with `--dir <folder>`.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { copyProjectTo, yearsFixture } from './lib/project-copy.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from '../src/integrations/pdf-edition/static-server.mjs';
import { textSizeStorageKey } from '../src/text-size/text-size.mjs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const { values: options } = parseArgs({
  options: { years: { type: 'boolean', default: false }, dir: { type: 'string' } },
});

const siteShots = [
  { name: 'home.zh-CN', path: '' },
  { name: 'home.en', path: 'en/' },
  { name: 'report.zh-CN', path: '2007/' },
  { name: 'report.en', path: 'en/2007/' },
  // Large mode (the header's 标准 / 大字 control), as an older reader sets it on a phone.
  { name: 'large.zh-CN', path: '2007/', textSize: 'large', phoneOnly: true },
  { name: 'large.en', path: 'en/2007/', textSize: 'large', phoneOnly: true },
];
// The pages of years only show what they are for with more than one year: the fixture's.
const yearsShots = [
  // On a phone, the contents fill the first screen: show the chart the issue is about (66% → 71%).
  { name: 'figures.zh-CN', path: 'figures/', phoneAnchor: 'chart-trend-teams.excellentRate' },
  { name: 'figures.en', path: 'en/figures/', phoneAnchor: 'chart-trend-teams.excellentRate' },
  { name: 'years.zh-CN', path: 'years/' },
  { name: 'years.en', path: 'en/years/' },
];
const viewports = [
  { suffix: 'mobile', width: 390, height: 844 },
  { suffix: 'desktop', width: 1280, height: 900 },
];

/** Builds tests/fixtures/years-3 laid over a temporary copy of the project; returns the build folder. */
async function buildYearsFixture() {
  const root = await mkdtemp(join(tmpdir(), 'nianjian-screenshots-years-'));
  await copyProjectTo(projectRoot, root, { overlay: yearsFixture });
  const dist = join(root, 'out');
  console.log(`building the three-year fixture in ${root} …`);
  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--root',
      root,
      '--outDir',
      dist,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NIANJIAN_PDF: 'off' } },
  );
  if (result.status !== 0) throw new Error('Building the three-year fixture failed (see above).');
  return { dist, cleanUp: () => rm(root, { recursive: true, force: true }) };
}

const fixture = options.years && !options.dir ? await buildYearsFixture() : undefined;
const root = options.dir ?? fixture?.dist ?? join(projectRoot, 'dist');
const shots = options.years ? yearsShots : siteShots;

await mkdir(out, { recursive: true });
const server = await serveStatic(root);
const browser = await launchChromium();
try {
  for (const viewport of viewports) {
    const page = await browser.newPage({
      viewport: { width: viewport.width, height: viewport.height },
    });
    for (const shot of shots) {
      if (shot.phoneOnly && viewport.suffix !== 'mobile') continue;
      // The saved choice, as the control stores it: the page applies it before its first paint.
      await page.addInitScript(
        ([key, size]) => localStorage.setItem(key, size),
        [textSizeStorageKey, shot.textSize ?? 'standard'],
      );
      const response = await page.goto(server.url + shot.path);
      if (!response?.ok()) {
        // A page another part of the site has not made yet (say /years/): say so, shoot the rest.
        console.warn(`skipped ${shot.path}: the build has no such page (${response?.status()})`);
        continue;
      }
      if (shot.phoneAnchor && viewport.suffix === 'mobile')
        await page
          .locator(`[id="${shot.phoneAnchor}"]`)
          .evaluate((element) => element.scrollIntoView({ block: 'start' }));
      // Charts load lazily: let those in view arrive before the shot.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const file = `${out}${shot.name}.${viewport.suffix}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await fixture?.cleanUp();
}
