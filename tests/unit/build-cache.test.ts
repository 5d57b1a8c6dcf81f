// The pieces of issue 26's rebuild caches that need no build: the canonical digest behind every
// cache key, the reader of Astro's rendered/reused log, and precompression reusing the live
// site's copies without ever writing through them.
import { mkdtemp, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import { canonicalJson, codeDigest, digestOf } from '../../src/build-cache/digest.mjs';
import { renderedAndReused } from '../../scripts/lib/astro-routes-log.mjs';
import { precompress } from '../../scripts/lib/precompress.mjs';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('codeDigest: what the PDF, search and drawing caches key their code on', () => {
  test('a code file edited, a package added or another file named gives another digest', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'nianjian-code-digest-'));
    folders.push(folder);
    const base = pathToFileURL(join(folder, 'caller.mjs'));
    await writeFile(join(folder, 'a.mjs'), 'export const a = 1;\n');
    await writeFile(join(folder, 'b.mjs'), 'export const b = 1;\n');
    const first = codeDigest(base, ['a.mjs']);
    expect(codeDigest(base, ['a.mjs'])).toBe(first);
    expect(codeDigest(base, ['b.mjs'])).not.toBe(first);
    expect(codeDigest(base, ['a.mjs'], ['pagefind'])).not.toBe(first);
    await writeFile(join(folder, 'a.mjs'), 'export const a = 2;\n');
    expect(codeDigest(base, ['a.mjs'])).not.toBe(first);
    expect(() => codeDigest(base, ['a.mjs'], ['no-such-package-here'])).toThrow(/npm ci/);
  });
});

describe('canonicalJson / digestOf', () => {
  test('key order does not count; values, undefined against null, dates and Maps do', () => {
    expect(digestOf({ a: 1, b: [1, 2] })).toBe(digestOf({ b: [1, 2], a: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf({ a: undefined })).not.toBe(digestOf({ a: null }));
    expect(digestOf({ a: undefined })).not.toBe(digestOf({}));
    expect(digestOf(new Date(0))).not.toBe(digestOf(new Date(1)));
    expect(digestOf(new Map([['x', 1]]))).not.toBe(digestOf(new Map([['x', 2]])));
    expect(canonicalJson(new Set([2, 1]))).toBe(canonicalJson(new Set([1, 2])));
  });

  test('an astro:assets image is digested from its clone, never through the fields that publish its original', () => {
    // Astro's image Proxy (astro/dist/assets/utils/proxy.js): reading any field but `fsPath` and
    // `clone` marks the camera original for copying into dist/_astro/.
    const read: string[] = [];
    const imageOf = (src: string, fsPath: string) => {
      const target = { src, width: 1600, height: 1200, format: 'jpg', fsPath };
      return new Proxy(target, {
        get(object, name) {
          if (name === 'clone') return structuredClone(object);
          if (name !== 'fsPath') read.push(String(name));
          return object[name as keyof typeof object];
        },
      });
    };
    const a = digestOf({ photo: { image: imageOf('/_astro/a.1.jpg', '/one/checkout/a.jpg') } });
    expect(read).toEqual([]);
    // The same image in another checkout keys the same; another image does not.
    expect(
      digestOf({ photo: { image: imageOf('/_astro/a.1.jpg', '/other/checkout/a.jpg') } }),
    ).toBe(a);
    expect(
      digestOf({ photo: { image: imageOf('/_astro/a.2.jpg', '/one/checkout/a.jpg') } }),
    ).not.toBe(a);
    expect(read).toEqual([]);
  });

  test('anything that is not plain data is refused, naming where it is', () => {
    expect(() => canonicalJson({ entry: { render: () => 1 } })).toThrow(
      /props\.entry\.render is a function/,
    );
    expect(() => canonicalJson({ bytes: Buffer.from('x') })).toThrow(/props\.bytes is a Buffer/);
  });
});

describe('renderedAndReused', () => {
  test('reads the static routes phase of an astro build log', () => {
    const log = [
      ' generating static routes ',
      '18:19:30 ▶ src/pages/[...lang]/index.astro',
      '18:19:30   ├─ /index.html (+12ms)',
      '18:19:30   ├─ /en/index.html (cached)',
      '18:19:30   ├─ /share/2007.en.png (restored)',
      '18:19:31 ✓ Completed in 2.45s.',
      '  ├─ /after/index.html (+1ms)',
    ].join('\n');
    expect(renderedAndReused(log)).toEqual({
      rendered: ['index.html'],
      reused: ['en/index.html', 'share/2007.en.png'],
    });
  });
});

describe('precompress: one modification time for a file and its copies', () => {
  test('a file written late in a second (.9996 s) and its .gz/.br carry the same time, to the nanosecond', async () => {
    const work = await mkdtemp(join(tmpdir(), 'nianjian-precompress-time-'));
    folders.push(work);
    // Node rounds stat's mtime to the millisecond: copies given that time were a second newer
    // than this file, so nginx sent another Last-Modified for the compressed page (a CI failure).
    const page = join(work, 'page.html');
    await writeFile(page, `<p>${'text '.repeat(300)}</p>`);
    await utimes(page, 1796606062.9996, 1796606062.9996);
    await precompress(work);
    const times = await Promise.all(
      ['', '.gz', '.br'].map(
        async (suffix) => (await stat(page + suffix, { bigint: true })).mtimeNs,
      ),
    );
    expect(new Set(times).size).toBe(1);
  });

  test('a previous copy a fraction of a millisecond off its page is made again, not reused', async () => {
    const work = await mkdtemp(join(tmpdir(), 'nianjian-precompress-reuse-time-'));
    folders.push(work);
    const [live, next] = [join(work, 'live'), join(work, 'next')];
    const text = `<p>${'same '.repeat(300)}</p>`;
    for (const folder of [live, next]) {
      await mkdir(folder);
      await writeFile(join(folder, 'page.html'), text);
    }
    await precompress(live);
    // As an older version left them: the copies 0.3 ms before their page, the same millisecond
    // rounded (Node's mtime), the same second here but not always.
    const page = await stat(join(live, 'page.html'));
    const earlier = (page.mtimeMs - 0.3) / 1000;
    for (const suffix of ['.gz', '.br'])
      await utimes(join(live, `page.html${suffix}`), earlier, earlier);
    const [result] = await precompress(next, { previous: live });
    expect(result?.reused).toBe(false);
    const times = await Promise.all(
      ['', '.gz', '.br'].map(
        async (suffix) => (await stat(join(next, `page.html${suffix}`), { bigint: true })).mtimeNs,
      ),
    );
    expect(new Set(times).size).toBe(1);
    // Made exactly, they are reused by the build after.
    const after = join(work, 'after');
    await mkdir(after);
    await writeFile(join(after, 'page.html'), text);
    const [again] = await precompress(after, { previous: next });
    expect(again?.reused).toBe(true);
  });
});

describe('precompress with the previous build', () => {
  test('unchanged files link the live copies, changed ones are compressed anew, nothing live is written', async () => {
    const work = await mkdtemp(join(tmpdir(), 'nianjian-precompress-'));
    folders.push(work);
    const live = join(work, 'live');
    const next = join(work, 'next');
    const same = `<p>${'unchanged '.repeat(300)}</p>`;
    await mkdir(live);
    await writeFile(join(live, 'same.html'), same);
    await writeFile(join(live, 'changed.html'), `<p>${'before '.repeat(300)}</p>`);
    await precompress(live);
    const liveGzip = await readFile(join(live, 'changed.html.gz'));
    const liveSame = await stat(join(live, 'same.html.gz'));

    await mkdir(next);
    await writeFile(join(next, 'same.html'), same);
    await writeFile(join(next, 'changed.html'), `<p>${'after '.repeat(300)}</p>`);
    const results = await precompress(next, { previous: live });
    expect(Object.fromEntries(results.map((result) => [result.path, result.reused]))).toEqual({
      'changed.html': false,
      'same.html': true,
    });
    // The unchanged file's copies are the live ones, and it keeps the live modification time.
    expect((await stat(join(next, 'same.html.gz'))).ino).toBe(liveSame.ino);
    expect((await stat(join(next, 'same.html'))).mtime.getTime()).toBe(
      (await stat(join(live, 'same.html'))).mtime.getTime(),
    );
    // The changed file's copies are new, and the live ones are as they were.
    expect(gunzipSync(await readFile(join(next, 'changed.html.gz'))).toString()).toContain('after');
    expect(await readFile(join(live, 'changed.html.gz'))).toEqual(liveGzip);

    // A live copy whose time is not its file's was not made for these bytes: compressed again.
    const old = new Date(2000, 0, 1);
    await utimes(join(live, 'same.html.gz'), old, old);
    await rm(join(next, 'same.html.gz'));
    await rm(join(next, 'same.html.br'));
    const again = await precompress(next, { previous: live });
    expect(again.find((result) => result.path === 'same.html')?.reused).toBe(false);
    expect((await stat(join(next, 'same.html.gz'))).ino).not.toBe(liveSame.ino);
  });
});
