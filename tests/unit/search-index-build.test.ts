import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// The search step (src/integrations/pagefind.ts, buildSearchIndex) on a small made-up built site,
// in-process: a rebuild after one page changed reuses the other pages' kept Pagefind inputs and
// gives the same index, byte for byte, as a build with no caches; a rebuild with nothing changed
// links the kept index.
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { buildSearchIndex } from '../../src/integrations/pagefind';
import { withBigramBlocks } from '../../src/search/bigram-blocks';
import { bigramTokens } from '../../src/search/bigram-tokens';
import { indexProblems } from '../../src/search/index-check';
import { unusedFiles } from '../../src/search/language-indexes';
import { sitePage } from './search-fixture-pages';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nianjian-search-index-'));
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await pagefind.close();
});

const records = (lang: string) =>
  JSON.stringify([
    {
      url: lang === 'en' ? '/en/glossary/#learning-team' : '/glossary/#learning-team',
      language: lang === 'en' ? 'en' : 'zh-cn',
      content: lang === 'en' ? 'Learning team (学习型班组)' : '学习型班组 (Learning team)',
      meta: { title: 'Learning team · 学习型班组' },
      filters: { kind: ['term'] },
    },
  ]);

/** A built site: report and unit pages in both languages, a page without a body, the records. */
function makeSite(folder: string, reportSentence: string, extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    ...extra,
    '2016/index.html': sitePage({
      lang: 'zh-CN',
      title: '2016年年度总结',
      body: '<h1>年度总结</h1><h2 id="basics">一、基本做法</h2><p id="unit-plant">铝合金厂组员轮值，常整顿。</p>',
    }),
    'en/2016/index.html': sitePage({
      lang: 'en',
      title: 'Annual summary 2016',
      body: `<h1>Annual summary</h1><h2 id="basics">Basic practice</h2><p>Teams rotate duties. ${reportSentence}</p>`,
    }),
    '2016/units/plant/index.html': sitePage({
      lang: 'zh-CN',
      title: '铝合金厂',
      body: '<h1>铝合金厂</h1><p>建设学习型班组。</p><span data-pagefind-filter="kind">unit</span>',
    }),
    'en/2016/units/plant/index.html': sitePage({
      lang: 'en',
      title: 'Alloy plant',
      body: '<h1>Alloy plant</h1><p>Built learning teams.</p><span data-pagefind-filter="kind">unit</span>',
    }),
    'glossary/index.html':
      '<!DOCTYPE html><html lang="zh-CN"><head><title>术语</title></head><body>x</body></html>',
    'search-records.json': records('zh-CN'),
    'en/search-records.json': records('en'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

/** Every file of a folder with its bytes, by path. */
function tree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(folder.length + 1)] = readFileSync(path).toString('base64');
    }
  return files;
}

/**
 * The index as the search step made it before it kept anything: every whole page (Chinese ones with
 * their bigram blocks) and every record in one Pagefind index, in the order of their paths.
 */
async function referenceIndex(name: string, sentence: string, extra: Record<string, string> = {}) {
  const site = join(root, `${name}-site`);
  makeSite(site, sentence, extra);
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).sort();
  for (const path of files.filter((file) => file.endsWith('.html'))) {
    const html = readFileSync(join(site, path), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const content = /<html[^>]*\blang="zh/i.test(html) ? withBigramBlocks(html) : html;
    expect((await index.addHTMLFile({ sourcePath: path, content })).errors).toEqual([]);
  }
  for (const path of files.filter((file) => file.endsWith('search-records.json')))
    for (const record of JSON.parse(readFileSync(join(site, path), 'utf8'))) {
      const tokens = record.language.startsWith('zh') ? bigramTokens(record.content) : [];
      const content = tokens.length > 0 ? `${record.content}\n${tokens.join(' ')}` : record.content;
      await index.addCustomRecord({ ...record, content });
    }
  // Pagefind's files as its writer makes them, taken in memory: its writeFiles answers before
  // its writes are done (src/search/language-indexes.ts), so a folder read just after could differ.
  const written = await index.getFiles();
  await index.deleteIndex();
  const bundle: Record<string, string> = {};
  for (const { path, content } of written.files)
    if (!unusedFiles.includes(path)) bundle[path] = Buffer.from(content).toString('base64');
  return bundle;
}

async function build(
  name: string,
  cacheDir: string,
  sentence: string,
  extra: Record<string, string> = {},
) {
  const outDir = join(root, name);
  makeSite(outDir, sentence, extra);
  const messages: string[] = [];
  await buildSearchIndex(outDir, cacheDir, (message) => messages.push(message));
  return { outDir, index: join(outDir, 'pagefind'), message: messages.join('\n') };
}

describe('the search step reuses what did not change and gives the index a fresh build gives', () => {
  test('first build, one page changed, nothing changed; each equal to a build without caches', async () => {
    const cache = join(root, 'cache');
    const first = await build('first', cache, 'One.');
    expect(first.message).toMatch(
      /^Indexed 4 pages and 2 glossary records in \d+ ms \(read \d+ ms, prepared 4 of 4 pages \d+ ms, /,
    );
    expect(readdirSync(first.outDir)).not.toContain('search-records.json');
    expect(tree(first.index)).toEqual(tree(join(cache, 'pagefind')));
    expect(tree(first.index)).toEqual(await referenceIndex('first', 'One.'));

    // One MDX change: only the changed page is prepared again; the index is a fresh build's.
    const changed = await build('changed', cache, 'Two.');
    expect(changed.message).toMatch(/prepared 1 of 4 pages/);
    expect(changed.message).toMatch(/languages indexed: en; reused: zh-cn/);
    const fresh = await build('fresh', join(root, 'cache-fresh'), 'Two.');
    expect(fresh.message).toMatch(/prepared 4 of 4 pages/);
    expect(fresh.message).toMatch(/languages indexed: en, zh-cn; reused: none/);
    expect(tree(changed.index)).toEqual(tree(fresh.index));
    expect(tree(changed.index)).toEqual(await referenceIndex('changed', 'Two.'));
    expect(tree(changed.index)).not.toEqual(tree(first.index));
    // The kept inputs are this build's pages only.
    const kept = JSON.parse(readFileSync(join(cache, 'inputs.json'), 'utf8')) as { inputs: object };
    expect(Object.keys(kept.inputs)).toHaveLength(4);

    // Nothing changed: the kept index is linked into the site (same files on disk), no Pagefind.
    const again = await build('again', cache, 'Two.');
    expect(again.message).toMatch(
      /^Search index unchanged \(4 pages, 2 record files\): reused in \d+ ms/,
    );
    expect(tree(again.index)).toEqual(tree(fresh.index));
    expect(readdirSync(join(again.outDir, 'en'))).not.toContain('search-records.json');
    const entry = 'pagefind-entry.json';
    expect(statSync(join(again.index, entry)).ino).toBe(
      statSync(join(cache, 'pagefind', entry)).ino,
    );
  });

  test('kept inputs from other code, or unreadable, are not used; NIANJIAN_FRESH=1 prepares every page', async () => {
    const cache = join(root, 'cache-2');
    const first = await build('a', cache, 'One.');
    const expected = tree(first.index);
    const inputs = join(cache, 'inputs.json');
    const kept = JSON.parse(readFileSync(inputs, 'utf8')) as {
      key: string;
      inputs: Record<string, string>;
    };
    // A kept input that is not what the page gives, under another key: not used.
    const wrong = Object.fromEntries(
      Object.keys(kept.inputs).map((digest) => [digest, '<html lang="en"></html>']),
    );
    writeFileSync(inputs, JSON.stringify({ key: 'other code', inputs: wrong }));
    rmSync(join(cache, 'fingerprint'));
    const other = await build('b', cache, 'One.');
    expect(other.message).toMatch(/prepared 4 of 4 pages/);
    expect(tree(other.index)).toEqual(expected);
    writeFileSync(inputs, '{"key":');
    rmSync(join(cache, 'fingerprint'));
    const broken = await build('c', cache, 'One.');
    expect(broken.message).toMatch(/prepared 4 of 4 pages/);
    expect(tree(broken.index)).toEqual(expected);
    process.env.NIANJIAN_FRESH = '1';
    try {
      const fresh = await build('d', cache, 'One.');
      expect(fresh.message).toMatch(/^Indexed .* prepared 4 of 4 pages/);
      expect(tree(fresh.index)).toEqual(expected);
    } finally {
      delete process.env.NIANJIAN_FRESH;
    }
  });

  test('a kept index replaced by another build is not reused: the step indexes afresh', async () => {
    const cache = join(root, 'cache-3');
    const first = await build('x', cache, 'One.');
    // Another build of the same project keeps its index for other pages: the fingerprint differs.
    cpSync(first.index, join(root, 'x-copy'), { recursive: true });
    writeFileSync(join(cache, 'fingerprint'), 'another build');
    const next = await build('y', cache, 'One.');
    expect(next.message).toMatch(/^Indexed /);
    expect(tree(next.index)).toEqual(tree(join(root, 'x-copy')));
  });

  test('a page without a language: all at once (Pagefind puts it into the main language)', async () => {
    const extra = {
      'nolang/index.html': sitePage({
        lang: 'en',
        title: 'Page',
        body: '<h1>Page</h1><p>Sans langue.</p>',
      }).replace(' lang="en"', ''),
    };
    const cache = join(root, 'cache-4');
    await build('three', cache, 'One.', extra);
    const changed = await build('three-changed', cache, 'Two.', extra);
    expect(changed.message).toMatch(/Pagefind \(all languages at once\)/);
    expect(tree(changed.index)).toEqual(await referenceIndex('three-changed', 'Two.', extra));
  });

  test('a page whose language Pagefind reads otherwise than the step: everything is indexed at once', async () => {
    // A `>` inside an attribute before `lang` hides the language from the step's quick look.
    const extra = {
      'odd/index.html': sitePage({
        lang: 'en',
        title: 'Odd',
        body: '<h1>Odd</h1><p>Odd page.</p>',
      }).replace('<html lang="en">', '<html data-note="a>b" lang="en">'),
    };
    const built = await build('odd', join(root, 'cache-5'), 'One.', extra);
    expect(built.message).toMatch(/Pagefind \(all languages at once\)/);
    expect(tree(built.index)).toEqual(await referenceIndex('odd', 'One.', extra));
  });

  test('a kept file emptied or cut short is never published: what it belongs to is indexed again', async () => {
    const cache = join(root, 'cache-7');
    const first = await build('cut-a', cache, 'One.');
    const expected = tree(first.index);
    // The kept index, the kept language bundles and the last site share their files (hard links):
    // one English fragment emptied is emptied in each.
    const fragments = join(cache, 'pagefind', 'fragment');
    const english = readdirSync(fragments).find((name) => name.startsWith('en_')) ?? '';
    writeFileSync(join(fragments, english), '');
    const emptied = await build('cut-b', cache, 'One.');
    expect(emptied.message).toContain(
      `Kept search index not whole (fragment/${english}: empty): indexing again.`,
    );
    expect(emptied.message).toMatch(/languages indexed: en; reused: zh-cn/);
    expect(indexProblems(emptied.index)).toEqual([]);
    expect(tree(emptied.index)).toEqual(expected);
    // A Chinese index chunk cut in half: not whole gzip data.
    const chunks = join(cache, 'pagefind', 'index');
    const chinese = readdirSync(chunks).find((name) => name.startsWith('zh-cn_')) ?? '';
    const bytes = readFileSync(join(chunks, chinese));
    writeFileSync(join(chunks, chinese), bytes.subarray(0, bytes.length >> 1));
    const cut = await build('cut-c', cache, 'One.');
    expect(cut.message).toMatch(
      new RegExp(`Kept search index not whole \\(index/${chinese}: not whole gzip data`),
    );
    expect(cut.message).toMatch(/languages indexed: zh-cn; reused: en/);
    expect(tree(cut.index)).toEqual(expected);
    // Made whole again: the next build reuses it.
    expect((await build('cut-d', cache, 'One.')).message).toMatch(/^Search index unchanged/);
  });

  test('a kept language bundle that lacks a file or has another fingerprint is indexed again', async () => {
    const cache = join(root, 'cache-6');
    await build('lang-a', cache, 'One.');
    const expected = await referenceIndex('lang-b', 'Two.');
    // The Chinese bundle loses a fragment (as if listed while another build deleted it).
    const fragments = join(cache, 'languages', 'zh-cn', 'index', 'fragment');
    rmSync(join(fragments, readdirSync(fragments)[0] ?? ''));
    const short = await build('lang-b', cache, 'Two.');
    expect(short.message).toMatch(/languages indexed: en, zh-cn; reused: none/);
    expect(tree(short.index)).toEqual(expected);
    // The English bundle is another build's (another fingerprint).
    writeFileSync(join(cache, 'languages', 'en', 'fingerprint'), 'another 1');
    rmSync(join(cache, 'fingerprint'));
    const other = await build('lang-c', cache, 'Two.');
    expect(other.message).toMatch(/languages indexed: en; reused: zh-cn/);
    expect(tree(other.index)).toEqual(expected);
  });
});
