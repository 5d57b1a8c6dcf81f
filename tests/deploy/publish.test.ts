// `npm run publish` against real nginx: the refusals (no SITE_URL, build from other sources, changed
// build, no build record), keeping the last N releases, and a publish and a rollback under load in which no
// request fails and every response is one release's file, whole; then the rollback is checked to
// restore the first release byte for byte.
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildInfoPath, readBuildInfo, writeBuildInfo } from '../../scripts/lib/build-info.mjs';
import { precompress } from '../../scripts/lib/precompress.mjs';
import { verifyRelease } from '../../scripts/lib/releases.mjs';
import { listFiles } from '../../scripts/lib/site-files.mjs';
import { projectRoot, runNode } from '../support/build-site';
import { testSiteUrl } from './global-setup';
import { browserEncodings, get } from './http';
import { startNginx, type RunningNginx } from './nginx';

const buildA = inject('deployBuildDir');
const publishScript = join(projectRoot, 'scripts', 'publish.mjs');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'nianjian-publish-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const runPublish = (...args: string[]) => runNode([publishScript, ...args], projectRoot);

/** A copy of build A whose record is changed by `edit` (its fingerprint excludes the record). */
async function copyWithRecord(
  name: string,
  edit: (info: Record<string, unknown>) => void,
): Promise<string> {
  const copy = join(work, name);
  await cp(buildA, copy, { recursive: true, preserveTimestamps: true });
  const info = JSON.parse(await readFile(join(copy, buildInfoPath), 'utf8'));
  edit(info);
  await writeFile(join(copy, buildInfoPath), JSON.stringify(info));
  return copy;
}

describe('publish refuses what must not go live', () => {
  test('a build made without SITE_URL', async () => {
    const build = await copyWithRecord('no-site-url', (info) => (info['siteUrl'] = null));
    const target = join(work, 'refused-1');
    const result = await runPublish(target, '--from', build);
    expect(result.code).toBe(1);
    expect(result.output).toContain('SITE_URL');
    expect(result.output).toContain('localhost');
    await expect(readdir(target)).rejects.toThrow();
  });

  test('a build made from other sources than the project has now, naming the differences', async () => {
    const build = await copyWithRecord('stale', (info) => {
      const sources = info['sources'] as { fingerprint: string; files: Record<string, string> };
      sources.fingerprint = 'made from other sources';
      sources.files['astro.config.mjs'] = 'another hash';
      sources.files['src/content/removed-since.mdx'] = 'a hash';
      for (const name of Object.keys(sources.files).filter((file) =>
        file.startsWith('src/styles/'),
      ))
        delete sources.files[name];
    });
    const result = await runPublish(join(work, 'refused-2'), '--from', build);
    expect(result.code).toBe(1);
    expect(result.output).toContain('out of date');
    expect(result.output).toContain('changed 已改动 astro.config.mjs');
    expect(result.output).toContain('deleted 已删除 src/content/removed-since.mdx');
    expect(result.output).toMatch(/^  added 新增 src\/styles\/\S+$/m);
  });

  test('a build changed after it was built, and a folder that is no build', async () => {
    const build = await copyWithRecord('tampered', () => {});
    await writeFile(join(build, 'index.html'), 'changed');
    const tampered = await runPublish(join(work, 'refused-3'), '--from', build);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain('was changed after it was built');
    const none = await runPublish(join(work, 'refused-3'), '--from', work);
    expect(none.code).toBe(1);
    expect(none.output).toContain('no build record');
  });
});

test('a live folder that is not a link is left alone: publish cannot switch it atomically', async () => {
  const target = join(work, 'plain-folder');
  await mkdir(join(target, 'current'), { recursive: true });
  const result = await runPublish(target, '--from', buildA);
  expect(result.code).toBe(1);
  expect(result.output).toContain('is not a symbolic link');
  expect(await readdir(join(target, 'current'))).toEqual([]);
});

test('keeps the newest releases (--keep), the live one the newest', async () => {
  const target = join(work, 'keep');
  for (let n = 0; n < 4; n += 1) {
    const result = await runPublish(target, '--from', buildA, '--keep', '2');
    expect(result.code, result.output).toBe(0);
  }
  const releases = (await readdir(join(target, 'releases'))).sort();
  expect(releases).toHaveLength(2);
  expect(await readlink(join(target, 'current'))).toBe(`releases/${releases[1]}`);
  expect(releases[1]).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{7,}(-\d+)?$/);
});

describe('publish and rollback under load', () => {
  let target: string;
  let nginx: RunningNginx;
  let buildB: string;
  /** The paths checked: pages that differ between the two releases, and files that do not. */
  let paths: string[];
  const bodies = new Map<string, { a: Buffer; b: Buffer }>();

  beforeAll(async () => {
    // Release B: build A with every page changed (and compressed again), as a content edit would.
    buildB = join(work, 'b');
    await cp(buildA, buildB, { recursive: true, preserveTimestamps: true });
    const files = await listFiles(buildB);
    for (const path of files.filter((file) => file.endsWith('.html'))) {
      await writeFile(
        join(buildB, path),
        `${await readFile(join(buildB, path), 'utf8')}\n<!-- release B -->\n`,
      );
    }
    await precompress(buildB);
    const infoA = await readBuildInfo(buildA);
    await writeBuildInfo({
      outDir: buildB,
      root: projectRoot,
      env: { SITE_URL: testSiteUrl },
      startedAt: new Date(infoA?.builtAt ?? 0),
    });

    const css = files.find((path) => path.startsWith('_astro/') && path.endsWith('.css'));
    paths = [
      '/',
      '/en/',
      '/2007/',
      '/en/gallery/',
      '/search/',
      `/${css}`,
      '/pagefind/pagefind-entry.json',
    ];
    for (const path of paths) {
      const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
      bodies.set(path, {
        a: await readFile(join(buildA, file)),
        b: await readFile(join(buildB, file)),
      });
    }
    target = join(work, 'live');
    const first = await runPublish(target, '--from', buildA);
    expect(first.code, first.output).toBe(0);
    nginx = await startNginx(target);
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  test(
    'no request fails, each response is release A or B whole, ' +
      'and the rollback restores A byte for byte',
    async () => {
      const origin = new URL(nginx.url).origin;
      const load = autocannon({
        url: origin,
        connections: 50,
        duration: 12,
        // Before nginx's keep-alive limit, as browsers do (tests/deploy/load.test.ts says why).
        reconnectRate: 500,
        headers: browserEncodings,
        requests: [{ method: 'GET', path: '/' }],
      });

      // Readers: fetch the checked paths over and over, each response compared with both releases.
      // `sent`: when the request left, so a request sent after a switch had finished must see the new release.
      const seen: Array<{
        sent: number;
        path: string;
        release: 'A' | 'B' | 'both' | 'neither';
        status: number;
      }> = [];
      let reading = true;
      const reader = async (offset: number) => {
        for (let n = offset; reading; n += 1) {
          const path = paths[n % paths.length] ?? '/';
          const sent = performance.now();
          const response = await get(`${origin}${path}`, browserEncodings);
          const { a, b } = bodies.get(path) ?? { a: Buffer.alloc(0), b: Buffer.alloc(0) };
          const isA = response.decoded.equals(a);
          const isB = response.decoded.equals(b);
          seen.push({
            sent,
            path,
            status: response.status,
            release: isA && isB ? 'both' : isA ? 'A' : isB ? 'B' : 'neither',
          });
        }
      };
      const readers = Promise.all(Array.from({ length: 8 }, (_, index) => reader(index)));
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

      await pause(2000);
      const published = await runPublish(target, '--from', buildB);
      expect(published.code, published.output).toBe(0);
      const switchedToB = performance.now();
      await pause(3000);
      const rollbackStarted = performance.now();
      const rolledBack = await runPublish(target, '--rollback');
      expect(rolledBack.code, rolledBack.output).toBe(0);
      expect(rolledBack.output).toContain('Rolled back');
      const switchedToA = performance.now();
      await pause(3000);
      reading = false;
      await readers;
      const result = await load;

      console.log(
        `Publish under load: ${Math.round(result.requests.average)} req/s ` +
          'on the home page during a publish and a rollback, ' +
          `p99 ${result.latency.p99} ms, ${result.requests.total} requests, ` +
          `errors ${result.errors}, non-2xx ${result.non2xx}; ` +
          `${seen.length} checked responses: ${seen.filter((s) => s.release === 'A').length} from A, ` +
          `${seen.filter((s) => s.release === 'B').length} from B, ` +
          `${seen.filter((s) => s.release === 'both').length} identical in both, ` +
          `${seen.filter((s) => s.release === 'neither').length} from neither`,
      );
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(seen.filter((response) => response.status !== 200)).toEqual([]);
      expect(seen.filter((response) => response.release === 'neither')).toEqual([]);
      // Both releases were really served, in order: A, then B after the publish, then A after the rollback.
      const afterPublish = seen.filter(
        (response) => response.sent > switchedToB && response.sent < rollbackStarted,
      );
      expect(afterPublish.some((response) => response.release === 'B')).toBe(true);
      expect(afterPublish.filter((response) => response.release === 'A')).toEqual([]);
      expect(
        seen.filter((response) => response.sent > switchedToA && response.release === 'B'),
      ).toEqual([]);

      // The rollback: the live folder is build A again, every file the same size and hash, and served as such.
      const current = join(target, 'current');
      expect(await verifyRelease(buildA, current)).toEqual({
        files: (await listFiles(buildA)).length,
        problems: [],
      });
      for (const path of (await listFiles(buildA)).filter((file) => file.endsWith('.html'))) {
        const served = await get(`${origin}/${path}`, browserEncodings);
        expect(served.decoded.equals(await readFile(join(buildA, path))), path).toBe(true);
      }
      // Release B is kept, to publish forward again.
      expect(await readdir(join(target, 'releases'))).toHaveLength(2);
    },
  );
});
