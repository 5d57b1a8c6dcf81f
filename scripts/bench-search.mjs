// Search latency in Chromium on the built site, served by nginx like a real host (or by the
// project's static server when nginx is missing): how long after the last keystroke the results
// list shows the query, typing pause included. Median of --runs (default 10) per scenario:
//   cold    a fresh browser profile opens the search page and types the first query
//   warm    the same, with the browser's cache filled by an earlier visit
//   later   a second query on the same page
//   header  typing into another page's header box first (focus), then Enter: search page → results
// Writes the table into BENCHMARKS.md (section “Search latency”).
//   node scripts/bench-search.mjs [--dir dist] [--runs 10]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../src/integrations/pdf-edition/chromium.mjs';
import { serveStatic } from '../src/integrations/pdf-edition/static-server.mjs';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    dir: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '10' },
    write: { type: 'boolean', default: true },
  },
});
const dir = resolve(values.dir);
const runs = Number(values.runs);
const queries = [
  ['/search/', '常整顿'],
  ['/search/', '首问责任制'],
  ['/search/', '班组'],
  ['/en/search/', 'hotel'],
];

/** nginx on a free port serving `dir`, with its default caching headers (ETag, Last-Modified). */
async function serveWithNginx() {
  const which = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], {
    encoding: 'utf8',
  });
  const binary = which.stdout.trim().split('\n')[0];
  if (!binary) return undefined;
  const prefix = mkdtempSync(join(tmpdir(), 'nianjian-nginx-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `daemon off; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log; worker_processes 1;
events { worker_connections 256; }
http { include /etc/nginx/mime.types; access_log off; client_body_temp_path ${prefix}; proxy_temp_path ${prefix};
  fastcgi_temp_path ${prefix}; uwsgi_temp_path ${prefix}; scgi_temp_path ${prefix}; gzip on; gzip_types *;
  server { listen 127.0.0.1:${port}; root ${dir}; error_page 404 /404.html; } }`,
  );
  const child = spawn(binary, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: 'ignore',
  });
  await new Promise((done) => setTimeout(done, 500));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      child.kill('SIGTERM');
      rmSync(prefix, { recursive: true, force: true });
    },
    name: 'nginx',
  };
}

/** Types `query` into `selector` like a reader (80 ms a key) and returns ms from the last keystroke to the results. */
async function typeAndTime(page, selector, query) {
  await page.evaluate((q) => {
    const state = (window.__bench = { lastKey: 0, shown: 0 });
    document.addEventListener('input', () => (state.lastKey = performance.now()), true);
    const list = document.getElementById('search-results');
    if (list)
      new MutationObserver(() => {
        if ((list.dataset.query ?? '').startsWith(`${q}|`) && !state.shown)
          state.shown = performance.now();
      }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
  }, query);
  await page.click(selector);
  await page.keyboard.type(query, { delay: 80 });
  await page.waitForFunction(() => window.__bench.shown > 0, undefined, { timeout: 20_000 });
  return page.evaluate(() => window.__bench.shown - window.__bench.lastKey);
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = (await serveWithNginx()) ?? { ...(await serveStatic(dir)), name: 'static server' };
const browser = await launchChromium();
const results = { cold: [], warm: [], later: [], header: [] };
try {
  for (let run = 0; run < runs; run += 1) {
    const [path, query] = queries[run % queries.length];
    const url = new URL(path.slice(1), server.url).href;
    // cold, then warm and later in the same profile
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    let page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    results.cold.push(await typeAndTime(page, '#search-q', query));
    await page.goto(url, { waitUntil: 'load' });
    results.warm.push(await typeAndTime(page, '#search-q', query));
    await page.fill('#search-q', '');
    const [, other] = queries[(run + 1) % queries.length];
    results.later.push(
      await typeAndTime(
        page,
        '#search-q',
        path === queries[(run + 1) % queries.length][0] ? other : query.slice(0, 2),
      ),
    );
    await context.close();
    // header box: fresh profile, another page, focus and type, Enter → the search page shows results
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await fresh.newPage();
    await page.goto(new URL(path.replace('search/', '').slice(1) + 'glossary/', server.url).href, {
      waitUntil: 'load',
    });
    await page.click('#header-search-q');
    await page.keyboard.type(query, { delay: 80 });
    const pressed = Date.now();
    await Promise.all([page.waitForURL(/search\/\?q=/), page.keyboard.press('Enter')]);
    await page.waitForFunction(
      (q) => (document.getElementById('search-results')?.dataset.query ?? '').startsWith(`${q}|`),
      query,
      { timeout: 20_000 },
    );
    results.header.push(Date.now() - pressed);
    await fresh.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const rows = Object.entries(results).map(
  ([scenario, times]) =>
    `| ${scenario} | ${Math.round(median(times))} | ` +
    `${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} |`,
);
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:search\` ` +
    `(${server.name}, Chromium, ${runs} runs, queries ${queries.map(([, q]) => q).join(', ')}; ` +
    'ms from the last keystroke — or from Enter in the header box — to the results list showing the query, ' +
    'typing pause of 150 ms included):',
  '',
  '| scenario | median ms | range |',
  '| --- | --- | --- |',
  ...rows,
].join('\n');
console.log(table);
if (values.write) {
  const file = resolve('BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:search:start -->';
  const end = '<!-- bench:search:end -->';
  const block = `${start}\n${table}\n${end}`;
  writeFileSync(
    file,
    text.includes(start)
      ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
      : `${text.trimEnd()}\n\n## Search latency (issue 16)\n\n${block}\n`,
  );
}
