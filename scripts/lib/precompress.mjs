// Precompression: a `.gz` and a `.br` beside every text file of a build that gains from them, so
// the web server sends them as they are (nginx `gzip_static` / `brotli_static`) instead of
// compressing each response, or not at all. Node's own zlib, at the strongest settings: the work
// is done once per file content. A file whose bytes are those of the same file in the previous
// build (`previous`, the live dist/) takes that build's copies instead of compressing again: they
// are hard-linked, which is safe because no step ever writes a `.gz`/`.br` in place (a new copy is
// written beside its place and renamed over it), and the file gets the previous modification
// time, which its copies carry (so an unchanged file keeps its Last-Modified and ETag too).
//
// File system calls are synchronous here (and in the other post-build steps): a build has
// thousands of small files and nothing else to do meanwhile, and a synchronous read skips the
// thread-pool round trips of each asynchronous open, stat, read and close (1.8 s → 0.4 s for the
// 10-year corpus's 1,645 files). Only the compression itself runs on the thread pool.
import {
  linkSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { deployFolder, listFiles } from './site-files.mjs';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Text types worth compressing. Pagefind's `.pf_*` and `.pagefind` files are compressed by Pagefind itself. */
export const compressibleExtensions = [
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.svg',
  '.json',
  '.csv',
  '.xml',
  '.txt',
];
/** Below this a file fits one network packet either way; compressing it saves nothing a reader notices. */
export const minimumBytes = 1024;
/** A compressed copy is kept only if it is at least this much smaller (else the server sends the original). */
export const minimumSaving = 0.05;

/**
 * @typedef {{ path: string, bytes: number, gzip: number | undefined, brotli: number | undefined }} Compressed
 * `gzip`/`brotli`: the size of the copy written, or undefined when none was (it did not shrink enough).
 */

/**
 * Compresses one file's content both ways.
 * @param {Buffer} content
 */
export async function compressBoth(content) {
  const [gz, br] = await Promise.all([
    gzipAsync(content, { level: 9 }),
    brotliAsync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  ]);
  return { gz, br };
}

/** The file's bytes, or undefined when it does not exist. */
function readIfThere(/** @type {string} */ path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The size of a file, or undefined when it does not exist. */
function sizeIfThere(/** @type {string} */ path) {
  return statSync(path, { throwIfNoEntry: false })?.size;
}

/** Puts `content` at `target` as a new file (never through an existing one, which may be a link). */
function writeNew(/** @type {string} */ target, /** @type {Buffer} */ content) {
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, target);
}

/** Links `from` at `target`, replacing whatever `target` was (never writing through it). */
function linkNew(/** @type {string} */ from, /** @type {string} */ target) {
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  linkSync(from, temporary);
  renameSync(temporary, target);
}

/**
 * The copies the previous build made for a file of the same bytes, if it is that file: the paths
 * of its `.gz` and `.br` (undefined where it kept none) and its modification time.
 * @param {string | undefined} previousFile
 * @param {Buffer} content
 */
function previousCopies(previousFile, content) {
  if (!previousFile) return undefined;
  // Sizes first: a changed file usually has another size, and then its bytes need no reading.
  if (statSync(previousFile, { throwIfNoEntry: false })?.size !== content.length) return undefined;
  const before = readIfThere(previousFile);
  if (!before || !before.equals(content)) return undefined;
  const { mtime } = statSync(previousFile);
  const exact = statSync(previousFile, { bigint: true }).mtimeNs;
  /** @type {{ mtime: Date, '.gz'?: string, '.br'?: string }} */
  const copies = { mtime };
  for (const suffix of /** @type {const} */ (['.gz', '.br'])) {
    const copy = previousFile + suffix;
    try {
      // A copy older or newer than its original is not the one made for these bytes: compress.
      // Compared exactly: `mtime` is rounded to the millisecond, and a copy a fraction of a
      // millisecond off (made by an older version) could lie in another second than its page.
      if (statSync(copy, { bigint: true }).mtimeNs !== exact) return undefined;
      copies[suffix] = copy;
    } catch {
      // no copy: it did not shrink enough
    }
  }
  return copies;
}

/**
 * Writes the compressed copies for every text file of the build in `outDir` (replacing any already
 * there); returns what was done for each file considered. With `previous` (the folder of the last
 * build), files whose bytes did not change reuse that build's copies (`reused: true`).
 * @param {string} outDir
 * @param {{ previous?: string }} [options]
 * @returns {Promise<Array<Compressed & { reused: boolean }>>}
 */
export async function precompress(outDir, { previous } = {}) {
  const files = (await listFiles(outDir)).filter(
    (path) =>
      compressibleExtensions.includes(extname(path)) && !path.startsWith(`${deployFolder}/`),
  );
  /** @type {Array<Compressed & { reused: boolean }>} */
  const results = [];
  for (const path of files) {
    const file = join(outDir, path);
    const content = readFileSync(file);
    if (content.length < minimumBytes) continue;
    const reusable = previousCopies(previous && join(previous, path), content);
    if (reusable) {
      utimesSync(file, reusable.mtime, reusable.mtime);
      for (const suffix of /** @type {const} */ (['.gz', '.br'])) {
        const copy = reusable[suffix];
        if (copy) linkNew(copy, file + suffix);
        else rmSync(file + suffix, { force: true });
      }
      results.push({
        path,
        bytes: content.length,
        gzip: reusable['.gz'] ? sizeIfThere(reusable['.gz']) : undefined,
        brotli: reusable['.br'] ? sizeIfThere(reusable['.br']) : undefined,
        reused: true,
      });
      continue;
    }
    // Node gives `mtime` rounded to the millisecond: a file written at .9996 s would get copies a
    // second newer than itself (and another Last-Modified). The original is given the same time
    // the same way, so it and its copies carry one time to the nanosecond (a file linked from the
    // search index cache, set so by an earlier build, keeps the time it has).
    const { mtime } = statSync(file);
    utimesSync(file, mtime, mtime);
    const { gz, br } = await compressBoth(content);
    /** @type {Compressed & { reused: boolean }} */
    const result = {
      path,
      bytes: content.length,
      gzip: undefined,
      brotli: undefined,
      reused: false,
    };
    for (const [suffix, compressed, key] of /** @type {const} */ ([
      ['.gz', gz, 'gzip'],
      ['.br', br, 'brotli'],
    ])) {
      if (compressed.length > content.length * (1 - minimumSaving)) {
        rmSync(file + suffix, { force: true });
        continue;
      }
      writeNew(file + suffix, compressed);
      // The same modification time as the original, so Last-Modified does not depend on the encoding.
      utimesSync(file + suffix, mtime, mtime);
      result[key] = compressed.length;
    }
    results.push(result);
  }
  return results;
}
