import { readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { packageVersion, sha256 } from '../build-cache/digest.mjs';
import { withBigramBlocks } from '../search/bigram-blocks.ts';
import { bigramTokens } from '../search/bigram-tokens.ts';
import type { SearchRecord } from '../search/glossary-records.ts';

/** The file each locale's build writes with its non-page records (see src/pages/[...lang]/search-records.json.ts). */
const recordsFile = 'search-records.json';

/** The code that decides what the index holds, besides Pagefind itself. */
const indexCode = ['pagefind.ts', '../search/bigram-blocks.ts', '../search/bigram-tokens.ts'];

/**
 * The fingerprint of an index: Pagefind's version, this code, and every page and record it is made
 * from. Equal fingerprints make equal indexes, so the last build's index is copied instead.
 */
function indexFingerprint(
  pages: Array<{ sourcePath: string; html: string }>,
  records: string[],
): string {
  const parts = [`pagefind@${packageVersion('pagefind')}`];
  for (const file of indexCode)
    parts.push(`${file}\0${sha256(readFileSync(new URL(file, import.meta.url)))}`);
  for (const page of pages) parts.push(`${page.sourcePath}\0${sha256(page.html)}`);
  for (const record of records) parts.push(`record\0${sha256(record)}`);
  return sha256(parts.join('\n'));
}

/**
 * Builds the Pagefind search index of the built site, as the last step of `astro build`: pages with
 * `data-pagefind-body` (report, units, photos), plus the glossary terms as records of their own.
 * Chinese pages get their bigram tokens for substring search (only in what Pagefind reads).
 * Pagefind has no incremental mode: one changed page means indexing every page again. So the index
 * is kept in `.astro/search-index/` with the fingerprint of what it was made from, and a build
 * whose pages and records are all unchanged copies it (NIANJIAN_FRESH=1 always indexes).
 */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'nianjian:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.root), '.astro', 'search-index');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        const pages: Array<{ sourcePath: string; html: string }> = [];
        for (const file of await htmlFiles(outDir)) {
          const html = await readFile(file, 'utf8');
          if (!html.includes('data-pagefind-body')) continue;
          pages.push({ sourcePath: relative(outDir, file).split(sep).join('/'), html });
        }
        const files = await recordFiles(outDir);
        const records = await Promise.all(files.map((file) => readFile(file, 'utf8')));
        const fingerprint = indexFingerprint(pages, records);
        const cached = join(cacheDir, 'pagefind');
        const fresh = process.env.NIANJIAN_FRESH === '1';
        const recorded = await readFile(join(cacheDir, 'fingerprint'), 'utf8').catch(() => '');
        if (!fresh && recorded === fingerprint && (await copyIndex(cached, outDir, fingerprint))) {
          for (const file of files) await rm(file);
          logger.info(
            `Search index unchanged (${pages.length} pages, ${records.length} record files): ` +
              `reused in ${Date.now() - started} ms.`,
          );
          return;
        }
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          for (const { sourcePath, html } of pages) {
            const chinese = /<html[^>]*\blang="zh/i.test(html);
            const added = await index.addHTMLFile({
              sourcePath,
              content: chinese ? withBigramBlocks(html) : html,
            });
            if (added.errors.length > 0)
              throw new Error(`${sourcePath}: ${added.errors.join('; ')}`);
          }
          let recordCount = 0;
          for (const [position, file] of files.entries()) {
            for (const record of JSON.parse(records[position] ?? '[]') as SearchRecord[]) {
              const tokens = record.language.startsWith('zh') ? bigramTokens(record.content) : [];
              const content =
                tokens.length > 0 ? `${record.content}\n${tokens.join(' ')}` : record.content;
              const added = await index.addCustomRecord({ ...record, content });
              if (added.errors.length > 0)
                throw new Error(`${record.url}: ${added.errors.join('; ')}`);
              recordCount += 1;
            }
            await rm(file);
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0)
            throw new Error(`Writing the search index failed: ${written.errors.join('; ')}`);
          // The site draws its own result list (Pagefind's prebuilt UIs need inline styles, which the
          // CSP forbids) and searches without a worker (src/search/browser-search.ts), so these files
          // would only be dead weight in the published site.
          for (const file of unused) await rm(join(outDir, 'pagefind', file), { force: true });
          await storeIndex(join(outDir, 'pagefind'), cacheDir, fingerprint);
          logger.info(
            `Indexed ${pages.length} pages and ${recordCount} glossary records in ${Date.now() - started} ms.`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Copies the kept index into the site, and says whether it is still the one with `fingerprint`
 * (another build of the same project may have replaced it meanwhile: then it is indexed afresh).
 */
async function copyIndex(cached: string, outDir: string, fingerprint: string): Promise<boolean> {
  const target = join(outDir, 'pagefind');
  try {
    await cp(cached, target, { recursive: true });
    if ((await readFile(join(cached, '..', 'fingerprint'), 'utf8')) === fingerprint) return true;
  } catch {
    // replaced while copying
  }
  await rm(target, { recursive: true, force: true });
  return false;
}

/**
 * Keeps a copy of the index with its fingerprint. The fingerprint is removed first and written
 * last, and the folder is written beside its place and renamed into it: a build stopped half-way
 * leaves no fingerprint, so the next build indexes again.
 */
async function storeIndex(index: string, cacheDir: string, fingerprint: string) {
  await mkdir(cacheDir, { recursive: true });
  await rm(join(cacheDir, 'fingerprint'), { force: true });
  const staging = join(cacheDir, `pagefind.${process.pid}.tmp`);
  await rm(staging, { recursive: true, force: true });
  await cp(index, staging, { recursive: true });
  await rm(join(cacheDir, 'pagefind'), { recursive: true, force: true });
  await rename(staging, join(cacheDir, 'pagefind'));
  await writeFile(join(cacheDir, 'fingerprint'), fingerprint);
}

const unused = [
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.html'))
    .map((entry) => join(directory, entry))
    .sort();
}

async function recordFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  const files = entries.filter(
    (entry) => entry === recordsFile || entry.endsWith(`${sep}${recordsFile}`),
  );
  const found = await Promise.all(
    files.map(async (entry) =>
      (await stat(join(directory, entry))).isFile() ? join(directory, entry) : '',
    ),
  );
  return found.filter(Boolean).sort();
}
