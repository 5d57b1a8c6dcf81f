import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { codeDigest, sha256 } from '../build-cache/digest.mjs';
import { bigramTokens } from '../search/bigram-tokens.ts';
import type { SearchRecord } from '../search/glossary-records.ts';
import { linkTree, loadInputs, saveInputs } from '../search/index-cache.ts';
import { indexProblems } from '../search/index-check.ts';
import {
  indexInto,
  indexByLanguage,
  pageLanguage,
  type IndexItem,
} from '../search/language-indexes.ts';
import { pagefindInput, type PagefindInput } from '../search/pagefind-input.ts';

/** The file each locale's build writes with its non-page records (see src/pages/[...lang]/search-records.json.ts). */
const recordsFile = 'search-records.json';

/** The code that makes a page's Pagefind input (src/search/pagefind-input.ts), besides packages. */
const inputCode = [
  '../search/pagefind-input.ts',
  '../search/bigram-blocks.ts',
  '../search/bigram-tokens.ts',
];
/** The code that decides what the index holds, besides Pagefind itself. */
const indexCode = [
  'pagefind.ts',
  '../search/index-cache.ts',
  '../search/language-indexes.ts',
  ...inputCode,
];

/**
 * The key of the kept Pagefind inputs: the code and the HTML parser that make them, and Pagefind's
 * version (what it reads outside a page's body decides what may be left out).
 */
const inputsKey = (): string => codeDigest(import.meta.url, inputCode, ['ultrahtml', 'pagefind']);

/** The code that makes the index, and Pagefind's version: part of every index's fingerprint. */
const indexCodeDigest = (): string => codeDigest(import.meta.url, indexCode, ['pagefind']);

/** An indexed page of the built site: its path in the output folder, its bytes and their SHA-256. */
interface BuiltPage {
  sourcePath: string;
  bytes: Buffer;
  digest: string;
}

/**
 * The fingerprint of an index: Pagefind's version, this code, and every page and record it is made
 * from. Equal fingerprints make equal indexes, so the last build's index is copied instead.
 */
function indexFingerprint(pages: BuiltPage[], records: string[], code: string): string {
  const parts = [code];
  for (const page of pages) parts.push(`${page.sourcePath}\0${page.digest}`);
  for (const record of records) parts.push(`record\0${sha256(record)}`);
  return sha256(parts.join('\n'));
}

/** Milliseconds per part of the search step, for the build log. */
class StepTimes {
  private last = Date.now();
  private readonly started = this.last;
  readonly parts: string[] = [];
  lap(name: string): void {
    const now = Date.now();
    this.parts.push(`${name} ${now - this.last} ms`);
    this.last = now;
  }
  total(): number {
    return Date.now() - this.started;
  }
}

/**
 * Builds the Pagefind search index of the built site, as the last step of `astro build`: pages with
 * `data-pagefind-body` (report, units, photos), plus the glossary terms as records of their own.
 * Chinese pages get their bigram tokens for substring search (only in what Pagefind reads).
 *
 * Pagefind has no incremental mode: one changed page means indexing its language again. So:
 * - the index is kept in `.astro/search-index/` with the fingerprint of what it was made from, and
 *   a build whose pages and records are all unchanged links it into the site;
 * - otherwise each language's part is kept too, and only changed languages are indexed
 *   (src/search/language-indexes.ts);
 * - what Pagefind is handed for a page (src/search/pagefind-input.ts: the page without the parts
 *   Pagefind cannot read, four fifths of its bytes, plus the bigram blocks) is kept by the page's
 *   bytes in `.astro/search-index/inputs.json`, so only changed pages are prepared again.
 * The index is the same, byte for byte, as one index of the whole pages
 * (tests/unit/search-index-build.test.ts; docs/incremental-build.md).
 * NIANJIAN_FRESH=1 always indexes and prepares every page.
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
        await buildSearchIndex(fileURLToPath(dir), cacheDir, (message) => logger.info(message));
      },
    },
  };
}

/**
 * The search step on the built site in `outDir` with its caches in `cacheDir` (see `searchIndex`).
 * Reads the site synchronously: nothing else runs at the end of the build, and one call per file
 * costs a tenth of the promise version's time for a thousand small files.
 */
export async function buildSearchIndex(
  outDir: string,
  cacheDir: string,
  log: (message: string) => void,
): Promise<void> {
  const times = new StepTimes();
  const entries = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)))
    .sort();
  const pages: BuiltPage[] = [];
  for (const entry of entries) {
    if (!entry.endsWith('.html')) continue;
    const bytes = readFileSync(join(outDir, entry));
    if (!bytes.includes(bodyMarker)) continue;
    pages.push({ sourcePath: entry.split(sep).join('/'), bytes, digest: sha256(bytes) });
  }
  const files = entries
    .filter((entry) => entry === recordsFile || entry.endsWith(`${sep}${recordsFile}`))
    .map((entry) => join(outDir, entry));
  const records = files.map((file) => readFileSync(file, 'utf8'));
  const code = indexCodeDigest();
  const fingerprint = indexFingerprint(pages, records, code);
  times.lap('read');
  const cached = join(cacheDir, 'pagefind');
  const fresh = process.env.NIANJIAN_FRESH === '1';
  const recorded = await readFile(join(cacheDir, 'fingerprint'), 'utf8').catch(() => '');
  if (!fresh && recorded === fingerprint && (await copyIndex(cached, outDir, fingerprint, log))) {
    for (const file of files) await rm(file);
    times.lap('linked');
    log(
      `Search index unchanged (${pages.length} pages, ${records.length} record files): ` +
        `reused in ${times.total()} ms (${times.parts.join(', ')}).`,
    );
    return;
  }
  const key = inputsKey();
  const inputsFile = join(cacheDir, 'inputs.json');
  const kept = fresh ? new Map<string, PagefindInput>() : loadInputs(inputsFile, key);
  const inputs = new Map<string, PagefindInput>();
  let prepared = 0;
  for (const page of pages) {
    let input = kept.get(page.digest) ?? inputs.get(page.digest);
    if (input === undefined) {
      input = pagefindInput(page.bytes.toString('utf8'));
      prepared += 1;
    }
    inputs.set(page.digest, input);
  }
  times.lap(`prepared ${prepared} of ${pages.length} pages`);
  const items: IndexItem[] = pages.map(({ sourcePath, digest }) => {
    const { content, body } = inputs.get(digest) ?? { content: '', body: false };
    return { language: pageLanguage(content), body, page: { sourcePath, content } };
  });
  for (const text of records)
    for (const record of JSON.parse(text) as SearchRecord[]) {
      const tokens = record.language.startsWith('zh') ? bigramTokens(record.content) : [];
      const content = tokens.length > 0 ? `${record.content}\n${tokens.join(' ')}` : record.content;
      items.push({ language: record.language, record: { ...record, content } });
    }
  const output = join(outDir, 'pagefind');
  try {
    const languages = await indexByLanguage(items, output, cacheDir, { fresh, code });
    if (!languages) {
      rmSync(output, { recursive: true, force: true });
      await indexInto(items, output);
    }
    const said = languages
      ? `languages indexed: ${languages.indexed.join(', ') || 'none'}; reused: ${languages.reused.join(', ') || 'none'}`
      : 'all languages at once';
    times.lap(`Pagefind (${said})`);
    for (const file of files) await rm(file);
    await storeIndex(output, cacheDir, fingerprint);
    if (prepared > 0 || kept.size !== inputs.size) saveInputs(inputsFile, key, inputs);
    times.lap('kept');
    log(
      `Indexed ${pages.length} pages and ${items.length - pages.length} glossary records in ${times.total()} ms ` +
        `(${times.parts.join(', ')}).`,
    );
  } finally {
    await pagefind.close();
  }
}

/** Every indexed page has it; Pagefind indexes no other page (see src/layouts). */
const bodyMarker = Buffer.from('data-pagefind-body');

/**
 * Copies the kept index into the site, and says whether it is still the one with `fingerprint`
 * (another build of the same project may have replaced it meanwhile) and whole (a kept file may
 * have been cut short or emptied since): otherwise it is indexed afresh.
 */
async function copyIndex(
  cached: string,
  outDir: string,
  fingerprint: string,
  log: (message: string) => void,
): Promise<boolean> {
  const target = join(outDir, 'pagefind');
  try {
    linkTree(cached, target);
    if ((await readFile(join(cached, '..', 'fingerprint'), 'utf8')) === fingerprint) {
      const problems = indexProblems(target);
      if (problems.length === 0) return true;
      log(`Kept search index not whole (${problems[0]}): indexing again.`);
    }
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
  linkTree(index, staging);
  await rm(join(cacheDir, 'pagefind'), { recursive: true, force: true });
  await rename(staging, join(cacheDir, 'pagefind'));
  await writeFile(join(cacheDir, 'fingerprint'), fingerprint);
}
