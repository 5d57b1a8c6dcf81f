// Precompression: a `.gz` and a `.br` beside every text file of a build that gains from them, so
// the web server sends them as they are (nginx `gzip_static` / `brotli_static`) instead of
// compressing each response, or not at all. Node's own zlib, at the strongest settings: the work
// is done once per build.
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
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

/**
 * Writes the compressed copies for every text file of the build in `outDir` (replacing any already
 * there); returns what was done for each file considered.
 * @param {string} outDir
 * @returns {Promise<Compressed[]>}
 */
export async function precompress(outDir) {
  const files = (await listFiles(outDir)).filter(
    (path) =>
      compressibleExtensions.includes(extname(path)) && !path.startsWith(`${deployFolder}/`),
  );
  /** @type {Compressed[]} */
  const results = [];
  for (const path of files) {
    const file = join(outDir, path);
    const content = await readFile(file);
    if (content.length < minimumBytes) continue;
    const { mtime } = await stat(file);
    const { gz, br } = await compressBoth(content);
    /** @type {Compressed} */
    const result = { path, bytes: content.length, gzip: undefined, brotli: undefined };
    for (const [suffix, compressed, key] of /** @type {const} */ ([
      ['.gz', gz, 'gzip'],
      ['.br', br, 'brotli'],
    ])) {
      if (compressed.length > content.length * (1 - minimumSaving)) continue;
      await writeFile(file + suffix, compressed);
      // The same modification time as the original, so Last-Modified does not depend on the encoding.
      await utimes(file + suffix, mtime, mtime);
      result[key] = compressed.length;
    }
    results.push(result);
  }
  return results;
}
