// deploy/nginx.base-path.conf followed as its header says, on a host that serves another
// application too: the `map` into `http`, the `location` blocks into that host's `server` block.
// The report gets all its headers and types; the other application gets none of them (the report's
// hash-only script-src would break its scripts).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { publish } from '../../scripts/lib/releases.mjs';
import { projectRoot } from '../support/build-site';
import { browserEncodings, get } from './http';
import { startNginx, type RunningNginx } from './nginx';

const build = inject('deployBuildDir');
let work: string;
let nginx: RunningNginx;
let origin: string;
/** The whole file as a host's server block, with the other application added beside the report. */
let whole: RunningNginx;
let other: string;

/** The top-level `keyword …{…}` blocks of an nginx file's text (or of a block's body), in order. */
function blocks(text: string, keyword: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '#') {
      index = text.indexOf('\n', index);
      if (index < 0) break;
    } else if (char === '{') {
      if (depth === 0) {
        const lineStart = text.lastIndexOf('\n', index) + 1;
        if (text.slice(lineStart, index).trim().split(/\s/)[0] === keyword) start = lineStart;
      }
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0 && start >= 0) {
        found.push(text.slice(start, index + 1));
        start = -1;
      }
    }
  }
  return found;
}

const securityHeaders = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'nianjian-host-'));
  const target = join(work, 'publish');
  await publish({ build, target, root: projectRoot });
  // The other application: static files of its own, with an inline script and a .csv file.
  other = join(work, 'other-app');
  await mkdir(other, { recursive: true });
  await writeFile(
    join(other, 'index.html'),
    '<!doctype html><script>document.title = "app"</script>',
  );
  await writeFile(join(other, 'data.csv'), 'a,b\n1,2\n');

  const file = await readFile(join(projectRoot, 'deploy', 'nginx.base-path.conf'), 'utf8');
  const [map] = blocks(file, 'map');
  const [server] = blocks(file, 'server');
  const locations = blocks(server?.slice(server.indexOf('{') + 1, -1) ?? '', 'location');
  expect(map).toBeDefined();
  expect(locations.length).toBeGreaterThan(0);
  const host = [
    map,
    'server {',
    '    listen 80;',
    '    server_name intranet.example.cn;',
    `    root ${other};`,
    '    location / {',
    '        try_files $uri $uri/ =404;',
    '    }',
    ...locations,
    '}',
  ].join('\n');
  nginx = await startNginx(target, { basePath: '/report/', server: host });
  origin = new URL(nginx.url).origin;
  const withApp = file.replace(
    'server_name intranet.example.cn;',
    `server_name intranet.example.cn;\n    location /app/ {\n        alias ${other}/;\n    }`,
  );
  whole = await startNginx(target, { basePath: '/report/', server: withApp });
});
afterAll(async () => {
  await nginx?.stop();
  await whole?.stop();
  await rm(work, { recursive: true, force: true });
});

test('the report, its 404 pages and both languages get every security header and its types', async () => {
  for (const [path, status] of [
    ['/report/', 200],
    ['/report/en/', 200],
    ['/report/no-such-page/', 404],
    ['/report/en/no-such-page/', 404],
    ['/report/.deploy/build-info.json', 404],
  ] as const) {
    const response = await get(`${origin}${path}`, browserEncodings);
    expect(response.status, path).toBe(status);
    for (const header of securityHeaders)
      expect(response.headers[header], `${path} ${header}`).toBeTruthy();
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  }
  const csv = await get(`${origin}/report/data/metrics.csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers['cache-control']).toBe('no-cache');
});

test('the other application on the same server gets none of the report’s CSP, headers or types', async () => {
  const page = await get(`${origin}/`);
  expect(page.status).toBe(200);
  expect(page.body.toString()).toContain('document.title');
  for (const header of [...securityHeaders, 'cache-control'])
    expect(page.headers[header], header).toBeUndefined();
  const csv = await get(`${origin}/data.csv`);
  expect(csv.status).toBe(200);
  // Debian's mime.types has no .csv: the report's `types` would have made it text/csv.
  expect(csv.headers['content-type']).not.toContain('text/csv');
  expect(csv.headers['content-security-policy']).toBeUndefined();
});

test('used whole, another application added to its server block: the report’s CSP stays with it', async () => {
  const at = (path: string) => `${new URL(whole.url).origin}${path}`;
  const app = await get(at('/app/'));
  expect(app.status).toBe(200);
  expect(app.body.toString()).toContain('document.title');
  for (const header of [...securityHeaders, 'cache-control'])
    expect(app.headers[header], header).toBeUndefined();
  const report = await get(at('/report/'), browserEncodings);
  expect(report.status).toBe(200);
  for (const header of securityHeaders) expect(report.headers[header], header).toBeTruthy();
});
