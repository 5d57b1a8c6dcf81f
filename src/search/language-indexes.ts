// The search index made one language at a time (used by src/integrations/pagefind.ts). Pagefind keeps
// each language apart: every file of its bundle but three is named after its language (`fragment/en_…`,
// `index/zh-cn_…`, `pagefind.en_….pf_meta`, `wasm.en.pagefind`), and indexing the English pages alone
// writes exactly the English files of the index of all pages. Only `pagefind-entry.json` lists every
// language; `pagefind.js` and `wasm.unknown.pagefind` are the same in every bundle. So a language whose
// pages and records did not change keeps its files from the last build, and Pagefind indexes only the
// languages that changed (the bench's edit of an English report: the English half).
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { sha256 } from '../build-cache/digest.mjs';
import { linkFile, linkTree } from './index-cache.ts';
import { damagedIndexMessage, indexProblems } from './index-check.ts';

/** One thing to index: a page (its Pagefind input) or a custom record, with its language. */
export type IndexItem =
  | { language: string; body: boolean; page: { sourcePath: string; content: string } }
  | { language: string; record: pagefind.CustomRecord };

/** The files of a bundle that do not depend on the language (`pagefind-entry.json` is merged). */
const entryFile = 'pagefind-entry.json';

/**
 * The files Pagefind writes that the site does not use: it draws its own result list (Pagefind's
 * prebuilt UIs need inline styles, which the CSP forbids) and searches without a worker
 * (src/search/browser-search.ts), so these would only be dead weight in the published site.
 */
export const unusedFiles = [
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** The language Pagefind gives a page: its `<html lang>`, lowercased, or `unknown`. */
export function pageLanguage(html: string): string {
  const tag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '';
  const match = /\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
  const language = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').toLowerCase();
  return language === '' ? 'unknown' : language;
}

/**
 * Writes Pagefind's files (all but `unusedFiles`) into the new folder `folder`. Pagefind's own
 * `writeFiles` answers before its writes are done: each file is written by a background task that
 * nothing waits for (tokio's File, dropped without a flush), so a file read, linked or copied just
 * after the answer may still be empty, and a write that fails later, or that Pagefind's closing
 * cuts short, is lost without a word. These writes are this process's own: finished, and any
 * failure thrown, before anything reads the bundle.
 */
function writeBundle(files: ReadonlyArray<{ path: string; content: Uint8Array }>, folder: string) {
  const unused = new Set(unusedFiles);
  for (const { path, content } of files) {
    if (unused.has(path)) continue;
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/**
 * Indexes the items into a new bundle in `folder`, checked whole (src/search/index-check.ts); gives
 * the languages its entry file lists.
 */
export async function indexInto(items: IndexItem[], folder: string): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // All pages are sent at once: Pagefind's service handles its messages one by one in the order
    // they were written, so the index is the same as with one page at a time, while this process
    // encodes the next pages as Pagefind parses the earlier ones.
    const added = await Promise.all(
      items.map((item) =>
        'page' in item ? index.addHTMLFile(item.page) : index.addCustomRecord(item.record),
      ),
    );
    for (const [position, { errors: itemErrors }] of added.entries()) {
      const item = items[position];
      const name = item && ('page' in item ? item.page.sourcePath : item.record.url);
      if (itemErrors.length > 0) throw new Error(`${name}: ${itemErrors.join('; ')}`);
    }
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0)
      throw new Error(`Writing the search index failed: ${bundle.errors.join('; ')}`);
    writeBundle(bundle.files, folder);
  } finally {
    await index.deleteIndex();
  }
  // Checked here, where every bundle is written: one that is not whole is neither published nor
  // kept (the callers keep or publish a folder only after this returns).
  const problems = indexProblems(folder);
  if (problems.length > 0) throw new Error(damagedIndexMessage(folder, problems));
  const entry = JSON.parse(readFileSync(join(folder, entryFile), 'utf8')) as { languages: object };
  return Object.keys(entry.languages);
}

/**
 * The order Pagefind writes these languages in its entry file (its own hash map's order), read from
 * the bundle of one tiny record per language.
 */
async function entryOrder(languages: string[]): Promise<string[]> {
  if (languages.length < 2) return languages;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const language of languages)
      await index.addCustomRecord({ url: `/${language}/`, content: 'order', language });
    const { files } = await index.getFiles();
    const entry = files.find((file) => file.path === entryFile);
    if (!entry) throw new Error(`Pagefind wrote no ${entryFile}.`);
    return Object.keys(
      (JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages: object }).languages,
    );
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Writes the index of `items` into `output` (a new folder), reusing from `cacheDir` the bundle of
 * every language whose items are unchanged (`options.code` names the code and versions that make
 * a bundle). Gives the languages indexed and reused, or undefined (nothing written) when the
 * languages' indexes are not independent (see below) or Pagefind sorted the items into other
 * languages than `pageLanguage` and the records say: then the caller indexes everything at once.
 */
export async function indexByLanguage(
  items: IndexItem[],
  output: string,
  cacheDir: string,
  options: { fresh: boolean; code: string },
): Promise<{ indexed: string[]; reused: string[] } | undefined> {
  // Where one language's index depends on the others, everything is indexed at once: Pagefind puts
  // pages without a language into the site's main language, and leaves out pages without a
  // `data-pagefind-body` element when any page has one (src/lib.rs of Pagefind).
  if (items.some((item) => item.language === 'unknown' || ('body' in item && !item.body)))
    return undefined;
  const groups = new Map<string, IndexItem[]>();
  for (const item of items) {
    const group = groups.get(item.language);
    if (group) group.push(item);
    else groups.set(item.language, [item]);
  }
  const languages = [...groups.keys()].sort();
  const bundles: Array<{ language: string; folder: string; publish?: string }> = [];
  const indexed: string[] = [];
  const reused: string[] = [];
  const scratch = join(cacheDir, `tmp-${randomUUID()}`);
  try {
    for (const language of languages) {
      const group = groups.get(language) ?? [];
      const fingerprint = sha256(
        [options.code, language, ...group.map((item) => sha256(JSON.stringify(item)))].join('\n'),
      );
      const kept = join(cacheDir, 'languages', encodeURIComponent(language));
      const mine = join(scratch, encodeURIComponent(language));
      // A kept bundle is linked into a folder of this build's own, then its fingerprint (with its
      // number of files) is read again: another build may have replaced it meanwhile, and a folder
      // listed while it was being deleted lacks files. A kept file cut short or emptied since it
      // was kept fails the check (src/search/index-check.ts). Either way it is indexed here.
      const [keptFingerprint, keptFiles] = readText(join(kept, 'fingerprint')).split(' ');
      if (!options.fresh && keptFingerprint === fingerprint) {
        try {
          const linked = linkTree(join(kept, 'index'), join(mine, 'index'));
          if (
            readText(join(kept, 'fingerprint')) === `${fingerprint} ${linked}` &&
            `${linked}` === keptFiles &&
            indexProblems(join(mine, 'index')).length === 0
          ) {
            bundles.push({ language, folder: join(mine, 'index') });
            reused.push(language);
            continue;
          }
        } catch {
          // replaced while linking
        }
        rmSync(mine, { recursive: true, force: true });
      }
      const found = await indexInto(group, join(mine, 'index'));
      if (found.length !== 1 || found[0] !== language) return undefined;
      const files = readdirSync(join(mine, 'index'), { recursive: true, withFileTypes: true });
      const count = files.filter((file) => file.isFile()).length;
      writeFileSync(join(mine, 'fingerprint'), `${fingerprint} ${count}`);
      bundles.push({ language, folder: join(mine, 'index'), publish: kept });
      indexed.push(language);
    }
    const order = await entryOrder(languages);
    if (
      order.length !== languages.length ||
      !languages.every((language) => order.includes(language))
    )
      return undefined;
    await mergeBundles(bundles, output, order);
    // Keep the new bundles: each folder, with its fingerprint inside, is renamed into place, so a
    // reader finds a whole bundle and its own fingerprint, or none.
    for (const { folder, publish } of bundles) {
      if (!publish) continue;
      rmSync(publish, { recursive: true, force: true });
      mkdirSync(dirname(publish), { recursive: true });
      try {
        renameSync(dirname(folder), publish);
      } catch {
        // another build kept its bundle there first
      }
    }
    return { indexed, reused };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

interface EntryFile {
  version: string;
  languages: Record<string, unknown>;
  include_characters: string[];
}

/**
 * Links every language's files into `output` and writes the entry file Pagefind writes for all of
 * them: its fields in its order, the languages in `order`, written as Pagefind writes JSON (checked:
 * each bundle's own entry file must read back to the same text).
 */
async function mergeBundles(bundles: Array<{ folder: string }>, output: string, order: string[]) {
  mkdirSync(output, { recursive: true });
  const entries: EntryFile[] = [];
  for (const { folder } of bundles) {
    const text = readFileSync(join(folder, entryFile), 'utf8');
    const entry = JSON.parse(text) as EntryFile;
    if (JSON.stringify(entry) !== text)
      throw new Error(`Pagefind's ${entryFile} is not written as expected: ${text.slice(0, 200)}`);
    entries.push(entry);
    for (const file of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!file.isFile() || file.name === entryFile) continue;
      const source = join(file.parentPath, file.name);
      const target = join(output, source.slice(folder.length));
      if (existsSync(target)) {
        // A file of every bundle (pagefind.js, wasm.unknown.pagefind): the same in each.
        if (!readFileSync(target).equals(readFileSync(source)))
          throw new Error(
            `Two languages' search bundles differ in ${source.slice(folder.length + 1)}.`,
          );
        continue;
      }
      linkFile(source, target);
    }
  }
  const [first] = entries;
  if (!first) throw new Error('No search bundle to merge.');
  const languages: Record<string, unknown> = {};
  for (const language of order)
    languages[language] = entries.find((entry) => language in entry.languages)?.languages[language];
  const merged: EntryFile = {
    version: first.version,
    languages,
    include_characters: first.include_characters,
  };
  writeFileSync(join(output, entryFile), JSON.stringify(merged));
}
