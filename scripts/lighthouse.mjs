// Lighthouse scores for every kind of page in both languages (issue 8), mobile profile, against the
// built site served on loopback: `npm run lighthouse [-- --dir dist] [--no-write]`.
// Builds the site first (without the PDF edition) when the folder has no sitemap. Uses the system
// Chromium (src/integrations/pdf-edition/chromium.mjs; CHROMIUM_PATH to override) with the flags this offline,
// sandboxed machine needs. Writes the score table into BENCHMARKS.md. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, findChromium } from '../src/integrations/pdf-edition/chromium.mjs';
import { pageKinds } from './lib/page-kinds.mjs';
import { serveStatic } from '../src/integrations/pdf-edition/static-server.mjs';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    'no-write': { type: 'boolean', default: false },
  },
});
const dir = resolve(projectRoot, options.dir);

if (!existsSync(join(dir, 'sitemap-0.xml'))) {
  console.log(`[lighthouse] no built site in ${dir}: building it (NIANJIAN_PDF=off)`);
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const built = spawnSync(process.execPath, [astro, 'build', '--outDir', dir], {
    cwd: projectRoot,
    env: { ...process.env, NIANJIAN_PDF: 'off' },
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('The build for Lighthouse failed; see its output above.');
}

/** One example of each kind of page per language: the first in the sitemap's path order. */
function examplePages() {
  const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => new URL(match[1]).pathname)
    .sort();
  const kinds = pageKinds;
  return [false, true].flatMap((english) =>
    kinds.map(([kind, pattern]) => {
      const path = paths.find(
        (candidate) => pattern.test(candidate) && candidate.startsWith('/en/') === english,
      );
      if (!path)
        throw new Error(
          `No ${kind} page in ${english ? 'English' : 'Chinese'} in ${dir}/sitemap-0.xml.`,
        );
      return { kind, path };
    }),
  );
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const server = await serveStatic(dir);
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: ['--headless=new', ...chromiumFlags],
});
const rows = [];
try {
  for (const { kind, path } of examplePages()) {
    const url = new URL(path.replace(/^\//, ''), server.url).href;
    // Lighthouse's default config is the mobile profile (Moto G Power, simulated slow 4G).
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
    const { lhr } = result;
    const scores = Object.fromEntries(
      categories.map((category) => [
        category,
        Math.round((lhr.categories[category]?.score ?? 0) * 100),
      ]),
    );
    const failing = Object.values(lhr.audits)
      .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
      .map((audit) => audit.id);
    rows.push({ kind, path, scores, failing });
    console.log(
      `[lighthouse] ${path}: ${categories.map((category) => `${category} ${scores[category]}`).join(', ')}` +
        `${failing.length ? ` — failing: ${failing.join(', ')}` : ''}`,
    );
  }
} finally {
  chrome.kill();
  await server.close();
}

if (!options['no-write']) {
  const start = '<!-- lighthouse:start -->';
  const end = '<!-- lighthouse:end -->';
  const table = [
    start,
    `Lighthouse ${lighthouseVersion()}, mobile profile, ` +
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    '| Page | Path | Performance | Accessibility | Best practices | SEO |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ kind, path, scores }) =>
        `| ${kind} | \`${path}\` | ${categories.map((category) => scores[category]).join(' | ')} |`,
    ),
    end,
  ].join('\n');
  const file = join(projectRoot, 'BENCHMARKS.md');
  const current = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    current.includes(start)
      ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), table)
      : `${current.trimEnd()}\n\n## Lighthouse\n\n${table}\n`,
  );
  console.log('[lighthouse] wrote the scores to BENCHMARKS.md');
}

function lighthouseVersion() {
  return JSON.parse(
    readFileSync(join(projectRoot, 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
  ).version;
}
