// The files of a built site, walked in one stable order: used by the post-build steps and publish.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** The folder of a build that holds what the server and publish need, never served (deploy/nginx.conf). */
export const deployFolder = '.deploy';

/**
 * Every file under `dir`, as sorted `/`-separated paths relative to it.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split(sep)
        .join('/'),
    )
    .sort();
}

/**
 * The SHA-256 of a file, hex.
 * @param {string} path
 */
export async function fileHash(path) {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
