// The search index is checked whole before it is published (src/search/index-check.ts): every file
// pagefind.js decompresses, the entry file and what it lists. A bundle Pagefind hands over with a
// file missing, empty or cut short stops the build, naming the file in Chinese and English, and
// nothing of it is kept for the next build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind';
import { damagedIndexMessage, indexProblems, listedProblems } from '../../src/search/index-check';
import { sitePage } from './search-fixture-pages';

/** Which file of the next bundle Pagefind hands over is damaged, and how. */
const damage: { path?: RegExp; bytes?: (content: Uint8Array) => Uint8Array } = {};

vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>();
  return {
    ...real,
    createIndex: async (config?: Parameters<typeof real.createIndex>[0]) => {
      const created = await real.createIndex(config);
      const index = created.index;
      if (!index) return created;
      return {
        ...created,
        index: {
          ...index,
          getFiles: async () => {
            const bundle = await index.getFiles();
            const { path, bytes } = damage;
            if (!path || !bytes) return bundle;
            const file = bundle.files.find((candidate) => path.test(candidate.path));
            if (file) file.content = bytes(file.content);
            return bundle;
          },
        },
      };
    },
  };
});

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nianjian-index-check-'));
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await pagefind.close();
});

/**
 * A built site of two pages, one per language; with `withoutLanguage`, a third page without one,
 * so the step indexes everything at once instead of one language at a time.
 */
function makeSite(folder: string, withoutLanguage = false) {
  const pages: Record<string, string> = {
    ...(withoutLanguage && {
      'nolang/index.html': sitePage({
        lang: 'en',
        title: 'Page',
        body: '<h1>Page</h1><p>Sans langue.</p>',
      }).replace(' lang="en"', ''),
    }),
    '2016/index.html': sitePage({
      lang: 'zh-CN',
      title: '年度总结',
      body: '<h1>年度总结</h1><p>班组建设。</p>',
    }),
    'en/2016/index.html': sitePage({
      lang: 'en',
      title: 'Annual summary',
      body: '<h1>Annual summary</h1><p>Team building.</p>',
    }),
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), html);
  }
}

async function build(name: string, withoutLanguage = false) {
  const outDir = join(root, name);
  const cacheDir = join(root, `${name}-cache`);
  makeSite(outDir, withoutLanguage);
  const messages: string[] = [];
  const built = buildSearchIndex(outDir, cacheDir, (message) => messages.push(message));
  return { built, index: join(outDir, 'pagefind'), cacheDir, messages };
}

describe('indexProblems', () => {
  test('a whole bundle has none; each kind of damage is named with its file', async () => {
    const { built, index } = await build('whole');
    await built;
    expect(indexProblems(index)).toEqual([]);
    const entry = JSON.parse(readFileSync(join(index, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string }>;
    };
    const english = entry.languages['en'];
    if (!english) throw new Error('no English bundle');

    const meta = `pagefind.${english.hash}.pf_meta`;
    const metaBytes = readFileSync(join(index, meta));
    writeFileSync(join(index, meta), '');
    expect(indexProblems(index)).toEqual([`${meta}: empty`]);
    writeFileSync(join(index, meta), metaBytes.subarray(0, 20));
    expect(indexProblems(index)).toEqual([
      expect.stringMatching(new RegExp(`^${meta.replaceAll('.', '\\.')}: not whole gzip data`)),
    ]);
    // Whole gzip, but not what Pagefind wrote (an HTML page, say, where a file was expected).
    writeFileSync(join(index, meta), gzipSync('<!doctype html>'));
    expect(indexProblems(index)).toEqual([`${meta}: no Pagefind signature after decompressing`]);
    rmSync(join(index, meta));
    expect(indexProblems(index)).toEqual([`${meta}: missing (listed for en)`]);
    writeFileSync(join(index, meta), metaBytes);

    rmSync(join(index, `wasm.${english.wasm}.pagefind`));
    rmSync(join(index, 'pagefind.js'));
    writeFileSync(join(index, 'pagefind-entry.json'), '{"languages":');
    expect(indexProblems(index)).toEqual([
      'pagefind.js: missing',
      expect.stringMatching(/^pagefind-entry\.json: unreadable/),
    ]);
    expect(indexProblems(join(root, 'nowhere'))).toEqual(['(the folder): missing']);
  });

  test('the message names the folder and the files in Chinese and English, the rest counted', () => {
    const problems = Array.from(
      { length: listedProblems + 2 },
      (_, n) => `fragment/en_${n}.pf_fragment: empty`,
    );
    const message = damagedIndexMessage('/site/pagefind', problems);
    expect(message).toContain('搜索索引不完整，未发布（/site/pagefind）');
    expect(message).toContain(
      'The search index is not whole and was not published (/site/pagefind)',
    );
    // In each language: the last listed problem, not the next one, and how many are left.
    expect(message.split(`fragment/en_${listedProblems - 1}.pf_fragment: empty`)).toHaveLength(3);
    expect(message).not.toContain(`fragment/en_${listedProblems}.pf_fragment`);
    expect(message.split('… (2 more)')).toHaveLength(3);
  });
});

describe('a bundle handed over damaged stops the build', () => {
  for (const [kind, bytes, said, atOnce] of [
    ['empty', () => new Uint8Array(), 'empty', false],
    ['cut short', (content: Uint8Array) => content.subarray(0, 10), 'not whole gzip data', false],
    ['empty, all languages at once', () => new Uint8Array(), 'empty', true],
  ] as const) {
    test(`a fragment ${kind}: the build fails naming it, and nothing is kept`, async () => {
      damage.path = /^fragment\/en_/;
      damage.bytes = bytes;
      try {
        const name = `damaged-${kind.replaceAll(/\W+/g, '-')}`;
        const { built, cacheDir, index } = await build(name, atOnce);
        const error = await built.then(
          () => undefined,
          (thrown: unknown) => String(thrown),
        );
        expect(error).toMatch(
          new RegExp(`搜索索引不完整[\\s\\S]*fragment/en_\\w+\\.pf_fragment: ${said}`),
        );
        expect(error).toMatch(/The search index is not whole and was not published/);
        // The bundle it names: the site's own folder when all languages are indexed at once,
        // else the English bundle being made beside the cache.
        const folder = atOnce ? index : join(cacheDir, 'tmp-');
        expect(error).toContain(`（${folder}`);
        expect(existsSync(join(cacheDir, 'fingerprint'))).toBe(false);
        expect(existsSync(join(cacheDir, 'pagefind'))).toBe(false);
        expect(existsSync(join(cacheDir, 'languages', 'en'))).toBe(false);
      } finally {
        delete damage.path;
        delete damage.bytes;
      }
    });
  }
});
