// The search index's caches in `.astro/search-index/` (used by src/integrations/pagefind.ts): the
// Pagefind input of every indexed page, kept by the page's bytes, and the copy of the last index.
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { PagefindInput } from './pagefind-input.ts';

/**
 * The Pagefind input of each page (src/search/pagefind-input.ts) by the SHA-256 of the page's
 * bytes, as the last build left it. `key` names the code that made them: a kept file with another
 * key (or none, or unreadable) gives an empty map, so every page is prepared again.
 */
export function loadInputs(file: string, key: string): Map<string, PagefindInput> {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; inputs?: unknown };
    if (kept.key !== key || typeof kept.inputs !== 'object' || kept.inputs === null)
      return new Map();
    return new Map(
      Object.entries(kept.inputs as Record<string, Partial<PagefindInput> | null>).filter(
        (entry): entry is [string, PagefindInput] =>
          typeof entry[1]?.content === 'string' && typeof entry[1]?.body === 'boolean',
      ),
    );
  } catch {
    return new Map();
  }
}

/**
 * Keeps the inputs of this build's pages (and no others, so the file does not grow with every
 * edit). Written beside its place and renamed over it: a reader sees the old file or the new one.
 */
export function saveInputs(file: string, key: string, inputs: Map<string, PagefindInput>): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temporary, JSON.stringify({ key, inputs: Object.fromEntries(inputs) }));
  renameSync(temporary, file);
}

/**
 * Puts every file of the folder `from` into the new folder `to` as a hard link (a copy when the
 * two are on different disks), and gives their number. Linking 1,400 files takes milliseconds where copying them took
 * half a second. It is safe because nothing writes an index file in place: Pagefind writes a new
 * folder, the cache is replaced by renaming, Astro empties its output folder by deleting, and the
 * later build steps only add files beside them (`.gz`, `.br`).
 */
export function linkTree(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let count = 0;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    if (entry.isDirectory()) mkdirSync(target, { recursive: true });
    else if (entry.isFile()) {
      linkFile(source, target);
      count += 1;
    }
  }
  return count;
}

/** Hard-links a file to a new name (its folder made if need be), or copies it across disks. */
export function linkFile(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!['EXDEV', 'EPERM', 'ENOTSUP'].includes(code)) throw error;
    copyFileSync(source, target);
  }
}
