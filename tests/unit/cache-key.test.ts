// The shared part of every page's cache key (src/routes/cache-key.ts), in-process: a changed UI
// string or a new report year changes every page's key, so Astro's incremental build can reuse
// nothing after either. This used to be a fourth site build in tests/editors/incremental-build
// .test.ts; that test still proves with real builds that a page whose key changed is rendered
// again. A key that skipped the helper would escape this proof, so the last case checks that
// every key in src/ comes from it.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { digestOf } from '../../src/build-cache/digest.mjs';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-cn';
import { cacheKeyWith, sharedInputsOf } from '../../src/routes/cache-key';
import { projectRoot } from '../support/build-site';

/** Props of several shapes, standing for the pages of every route (each key digests its own). */
const pageProps: unknown[] = [
  undefined,
  {},
  { locale: 'en', year: 2007, report: { title: 'Annual summary', headings: ['One', 'Two'] } },
  { locale: 'zh-cn', unit: { id: '2007/hotel', name: '平果铝业宾馆' }, photos: [] },
  { body: 'year,metric,value\n2007,x,108\n' },
];

function keysOf(shared: ReturnType<typeof sharedInputsOf>): string[] {
  const digest = digestOf(shared);
  return pageProps.map((props) => cacheKeyWith(props, digest));
}

/** The pages whose key is unchanged between two sets of shared inputs (the ones Astro may reuse). */
function unchangedKeys(before: string[], after: string[]): number[] {
  return before.flatMap((key, page) => (after[page] === key ? [page] : []));
}

describe('the inputs every page shows are in every page key', () => {
  const today = keysOf(sharedInputsOf([2007]));

  test('the same inputs give the same keys, and different props different keys', () => {
    expect(keysOf(sharedInputsOf([2007]))).toEqual(today);
    expect(new Set(today).size).toBe(pageProps.length);
  });

  test('a changed UI string (either language) changes every key', () => {
    const english = { ...en, 'footer.accessibility': 'Accessibility (incremental test)' };
    const chinese = { ...zhCN, 'footer.accessibility': '无障碍说明（增量测试）' };
    expect(
      unchangedKeys(today, keysOf(sharedInputsOf([2007], { 'zh-cn': zhCN, en: english }))),
    ).toEqual([]);
    expect(unchangedKeys(today, keysOf(sharedInputsOf([2007], { 'zh-cn': chinese, en })))).toEqual(
      [],
    );
  });

  test('a new report year changes every key', () => {
    expect(unchangedKeys(today, keysOf(sharedInputsOf([2008, 2007])))).toEqual([]);
    expect(unchangedKeys(today, keysOf(sharedInputsOf([2007, 2006])))).toEqual([]);
  });

  test('every cacheKey in src/ comes from cache-key.ts (withCacheKeys), so it holds the shared inputs', async () => {
    const src = join(projectRoot, 'src');
    const sources = (await readdir(src, { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile() && /\.(astro|ts|mjs|js|tsx)$/.test(entry.name),
    );
    const ownKeys: string[] = [];
    const keyedRoutes: string[] = [];
    for (const entry of sources) {
      const path = join(entry.parentPath, entry.name);
      const relative = path.slice(src.length + 1);
      if (relative === join('routes', 'cache-key.ts')) continue;
      const text = await readFile(path, 'utf8');
      if (/\bcacheKey\b/.test(text)) ownKeys.push(relative);
      if (/getStaticPaths = withCacheKeys\(/.test(text)) keyedRoutes.push(relative);
    }
    expect(ownKeys, 'these files set a cacheKey of their own, outside cacheKeyOf').toEqual([]);
    expect(keyedRoutes.length, 'no route takes its keys from withCacheKeys').toBeGreaterThan(10);
  });
});
