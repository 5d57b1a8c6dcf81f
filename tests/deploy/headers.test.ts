// deploy/nginx.conf on real nginx, over a published build: every page of both languages with the
// headers the site needs, precompressed files chosen by the reader's Accept-Encoding and identical
// to the originals, the right types and cache lifetimes per kind of file, 404s per language, the
// CSP header in step with the build, and the /report/ variant.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { cspSnippetPath, headerPolicyFor } from '../../scripts/lib/csp-header.mjs';
import { pageKinds } from '../../scripts/lib/page-kinds.mjs';
import { compressibleExtensions, minimumBytes } from '../../scripts/lib/precompress.mjs';
import { listFiles } from '../../scripts/lib/site-files.mjs';
import { parsePolicy } from '../../src/security/csp.mjs';
import { sitePages } from '../support/site';
import { browserEncodings, get } from './http';
import { servePublished, startNginx, type RunningNginx } from './nginx';

const build = inject('deployBuildDir');
const files = await listFiles(build);
const pages = sitePages(build);
const immutable = 'public, max-age=31536000, immutable';

let nginx: Awaited<ReturnType<typeof servePublished>>;
beforeAll(async () => {
  nginx = await servePublished(build);
});
afterAll(async () => {
  await nginx?.stop();
});

const url = (path: string) => new URL(path.replace(/^\//, ''), nginx.url).href;
/** The file a site path is served from. */
const fileOf = (path: string) => join(build, path.endsWith('/') ? `${path}index.html` : path);

describe('the CSP header is made from this build', () => {
  test('the snippet holds the policy of the built pages plus frame-ancestors, and nginx sends it', async () => {
    const html = files
      .filter((path) => path.endsWith('.html'))
      .map((path) => ({ path, html: readFileSync(join(build, path), 'utf8') }));
    const expected = headerPolicyFor(html);
    expect(readFileSync(join(build, cspSnippetPath), 'utf8')).toContain(
      `add_header Content-Security-Policy "${expected}" always;`,
    );
    const response = await get(url('/'));
    expect(response.headers['content-security-policy']).toBe(expected);
    const policy = parsePolicy(expected);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    // Every inline script and style hash of every page is allowed by the one header.
    for (const { path, html: page } of html) {
      for (const hash of page.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? []) {
        expect(
          [...(policy.get('script-src') ?? []), ...(policy.get('style-src') ?? [])],
          `${path}: ${hash}`,
        ).toContain(hash);
      }
    }
  });
});

describe('every page of both languages', () => {
  test('the sitemap lists pages in both languages', () => {
    expect(pages.filter((path) => path.startsWith('/en/')).length).toBeGreaterThan(10);
    expect(pages.filter((path) => !path.startsWith('/en/')).length).toBeGreaterThan(10);
  });

  test.each(pages)(
    '%s: 200, brotli, security and cache headers, the same bytes as the build',
    async (path) => {
      const original = readFileSync(fileOf(path));
      const response = await get(url(path), browserEncodings);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['vary']).toBe('Accept-Encoding');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['etag']).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      expect(response.headers['last-modified']).toBeTruthy();
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['permissions-policy']).toMatch(
        /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
      );
      expect(response.decoded.equals(original)).toBe(true);
    },
  );

  test('gzip-only and no-encoding clients get gzip and the original, and a known ETag gets 304', async () => {
    const original = readFileSync(fileOf('/en/'));
    const gzipped = await get(url('/en/'), { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.decoded.equals(original)).toBe(true);
    const plain = await get(url('/en/'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    const again = await get(url('/en/'), {
      ...browserEncodings,
      'if-none-match': (await get(url('/en/'), browserEncodings)).headers['etag'] ?? '',
    });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
  });
});

describe('types and cache lifetimes per kind of file', () => {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.xml': 'application/xml; charset=utf-8',
    '.csv': 'text/csv; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
    '.svg': 'image/svg+xml; charset=utf-8',
    '.avif': 'image/avif',
    '.webp': 'image/webp',
    '.jpg': 'image/jpeg',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.pdf': 'application/pdf',
    '.wasm': 'application/wasm',
    '.pf_meta': 'application/octet-stream',
    '.pf_fragment': 'application/octet-stream',
    '.pf_index': 'application/octet-stream',
    '.pf_filter': 'application/octet-stream',
    '.pagefind': 'application/octet-stream',
  };
  const served = files.filter(
    (path) => !path.startsWith('.deploy/') && !path.endsWith('.gz') && !path.endsWith('.br'),
  );
  const extensions = [...new Set(served.map((path) => extname(path)))].sort();

  test('every kind of file in the build has a known type', () => {
    expect(extensions.filter((extension) => !(extension in types))).toEqual([]);
    for (const required of ['.avif', '.webp', '.svg', '.csv', '.pdf', '.pf_fragment', '.pf_meta'])
      expect(extensions).toContain(required);
  });

  // One file of each kind, and of each cache class: hashed (immutable) and the rest (revalidated).
  const samples = extensions.flatMap((extension) => {
    const ofKind = served.filter((path) => extname(path) === extension);
    const hashed = ofKind.find((path) =>
      /^(_astro|pagefind\/(fragment|index|filter))\//.test(path),
    );
    const other = ofKind.find(
      (path) => !/^(_astro|pagefind\/(fragment|index|filter))\//.test(path),
    );
    return [hashed, other].filter((path): path is string => path !== undefined);
  });

  test.each(samples)('/%s', async (path) => {
    const response = await get(url(`/${path}`), browserEncodings);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(types[extname(path)]);
    const hashed = /^(_astro|pagefind\/(fragment|index|filter))\//.test(path);
    expect(response.headers['cache-control']).toBe(hashed ? immutable : 'no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const precompressed = existsSync(join(build, `${path}.br`));
    expect(response.headers['content-encoding']).toBe(precompressed ? 'br' : undefined);
    expect(response.decoded.equals(readFileSync(join(build, path)))).toBe(true);
  });
});

describe('precompressed files', () => {
  test(
    'every text file over the threshold has .gz and .br copies that decode to it, ' +
      'with its modification time',
    () => {
      const candidates = files.filter(
        (path) => compressibleExtensions.includes(extname(path)) && !path.startsWith('.deploy/'),
      );
      const large = candidates.filter((path) => statSync(join(build, path)).size >= minimumBytes);
      expect(large.length).toBeGreaterThan(50);
      for (const path of large) {
        const original = readFileSync(join(build, path));
        for (const [suffix, decode] of [
          ['.gz', gunzipSync],
          ['.br', brotliDecompressSync],
        ] as const) {
          if (!existsSync(join(build, path + suffix))) continue;
          expect(
            decode(readFileSync(join(build, path + suffix))).equals(original),
            path + suffix,
          ).toBe(true);
          // The same time exactly, not only the same second of Last-Modified: a copy a fraction
          // newer could fall in the next second (Node rounds stat's mtime to the millisecond).
          expect(
            statSync(join(build, path + suffix), { bigint: true }).mtimeNs,
            path + suffix,
          ).toBe(statSync(join(build, path), { bigint: true }).mtimeNs);
        }
      }
      // HTML always gains: every page has both copies.
      for (const path of large.filter((file) => file.endsWith('.html'))) {
        expect(
          existsSync(join(build, `${path}.gz`)) && existsSync(join(build, `${path}.br`)),
          path,
        ).toBe(true);
      }
    },
  );

  test("Pagefind's own compressed files are left alone", () => {
    expect(files.filter((path) => /\.(pf_\w+|pagefind)\.(gz|br)$/.test(path))).toEqual([]);
  });

  test('bytes saved per kind of page (for BENCHMARKS.md)', () => {
    const kindOf = (path: string) => pageKinds.find(([, pattern]) => pattern.test(path))?.[0];
    const rows = new Map<string, { pages: number; raw: number; gzip: number; brotli: number }>();
    for (const path of pages) {
      const kind = kindOf(path) ?? 'other';
      const file = fileOf(path);
      const row = rows.get(kind) ?? { pages: 0, raw: 0, gzip: 0, brotli: 0 };
      row.pages += 1;
      row.raw += statSync(file).size;
      row.gzip += statSync(`${file}.gz`).size;
      row.brotli += statSync(`${file}.br`).size;
      rows.set(kind, row);
    }
    const assets = new Map<string, { files: number; raw: number; gzip: number; brotli: number }>();
    for (const path of files.filter(
      (file) => existsSync(join(build, `${file}.br`)) && !file.endsWith('.html'),
    )) {
      const kind = extname(path);
      const row = assets.get(kind) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
      row.files += 1;
      row.raw += statSync(join(build, path)).size;
      row.gzip += statSync(join(build, `${path}.gz`)).size;
      row.brotli += statSync(join(build, `${path}.br`)).size;
      assets.set(kind, row);
    }
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    const saved = (raw: number, compressed: number) =>
      `${kb(raw - compressed)} KB (${Math.round((1 - compressed / raw) * 100)}%)`;
    const lines = [
      '| Page kind | Pages | Raw, avg per page | gzip -9, avg | brotli 11, avg | ' +
        'Saved by gzip, all pages | Saved by brotli, all pages |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const [kind, row] of rows) {
      lines.push(
        `| ${kind} | ${row.pages} | ${kb(row.raw / row.pages)} KB | ${kb(row.gzip / row.pages)} KB | ` +
          `${kb(row.brotli / row.pages)} KB | ${saved(row.raw, row.gzip)} | ${saved(row.raw, row.brotli)} |`,
      );
    }
    lines.push(
      '',
      '| Other files | Files | Raw, total | gzip -9, total | brotli 11, total | Saved by gzip | Saved by brotli |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const [kind, row] of [...assets].sort()) {
      lines.push(
        `| ${kind} | ${row.files} | ${kb(row.raw)} KB | ${kb(row.gzip)} KB | ${kb(row.brotli)} KB | ` +
          `${saved(row.raw, row.gzip)} | ${saved(row.raw, row.brotli)} |`,
      );
    }
    console.log(`Precompression, bytes per kind of page:\n${lines.join('\n')}`);
    expect(rows.size).toBeGreaterThan(5);
  });
});

describe('missing pages and private files', () => {
  const zh404 = () => readFileSync(join(build, '404.html'));
  const en404 = () => readFileSync(join(build, 'en', '404', 'index.html'));
  test.each([
    ['/no-such-page/', zh404],
    ['/2007/units/no-such-unit/', zh404],
    ['/en/no-such-page/', en404],
    ['/en/2007/units/no-such-unit/', en404],
    ['/.deploy/build-info.json', zh404],
    ['/.deploy/nginx-csp.conf', zh404],
  ])('%s answers 404 with the page of its language', async (path, page) => {
    const response = await get(url(path), browserEncodings);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.decoded.equals(page())).toBe(true);
  });

  test('a folder without its slash redirects, relative to the host readers used', async () => {
    const response = await get(url('/en'));
    expect(response.status).toBe(301);
    expect(response.headers['location']).toBe('/en/');
  });
});

describe('the /report/ variant (deploy/nginx.base-path.conf)', () => {
  let variant: RunningNginx;
  beforeAll(async () => {
    variant = await startNginx(nginx.target, { basePath: '/report/' });
  });
  afterAll(async () => {
    await variant?.stop();
  });
  const at = (path: string) => new URL(path.replace(/^\//, ''), variant.url).href;

  test('pages, hashed assets, 404s per language and private files under /report/', async () => {
    const home = await get(at('/'), browserEncodings);
    expect(home.status).toBe(200);
    expect(home.headers['content-encoding']).toBe('br');
    expect(home.headers['cache-control']).toBe('no-cache');
    expect(home.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(home.decoded.equals(readFileSync(join(build, 'index.html')))).toBe(true);
    const asset = files.find((path) => path.startsWith('_astro/') && path.endsWith('.css'));
    expect((await get(at(`/${asset}`))).headers['cache-control']).toBe(immutable);
    const english = await get(at('/en/no-such-page/'), browserEncodings);
    expect(english.status).toBe(404);
    expect(english.decoded.equals(readFileSync(join(build, 'en', '404', 'index.html')))).toBe(true);
    const chinese = await get(at('/no-such-page/'), browserEncodings);
    expect(chinese.status).toBe(404);
    expect(chinese.decoded.equals(readFileSync(join(build, '404.html')))).toBe(true);
    expect((await get(at('/.deploy/build-info.json'))).status).toBe(404);
    const bare = await get(variant.url.replace(/\/$/, ''));
    expect(bare.status).toBe(301);
    expect(bare.headers['location']).toBe('/report/');
  });
});
