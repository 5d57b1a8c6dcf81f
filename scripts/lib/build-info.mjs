// The record a build keeps of itself (dist/.deploy/build-info.json): where it is meant to be served,
// from which commit, when, and a fingerprint of its files. `npm run publish` reads it to refuse a
// build made for localhost or older than the content it should show.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deployFolder, fileHash, listFiles } from './site-files.mjs';

export const buildInfoPath = `${deployFolder}/build-info.json`;

/**
 * @typedef {{
 *   siteUrl: string | null,
 *   basePath: string,
 *   commit: string,
 *   uncommittedChanges: boolean,
 *   builtAt: string,
 *   contentHash: string,
 *   files: number,
 * }} BuildInfo
 * `siteUrl` is null when SITE_URL was not set (links then point at localhost). `builtAt` is when the
 * build started: later changes to the working tree are not in it. `contentHash` fingerprints every
 * file of the build but this record.
 */

/**
 * The current commit of the project (short hash) and whether the working tree differs from it.
 * @param {string} root
 */
export function gitState(root) {
  try {
    // Outside a git checkout (a copied folder) git's complaint is no news: the commit is "unknown".
    const options = /** @type {const} */ ({
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], options).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], options);
    return { commit, uncommittedChanges: status.trim().length > 0 };
  } catch {
    return { commit: 'unknown', uncommittedChanges: true };
  }
}

/**
 * The fingerprint of a build: the SHA-256 of every file's path and content hash, the record itself excluded.
 * @param {string} outDir
 */
export async function contentHash(outDir) {
  const hash = createHash('sha256');
  const files = (await listFiles(outDir)).filter((path) => path !== buildInfoPath);
  for (const path of files) hash.update(`${path}\0${await fileHash(join(outDir, path))}\n`);
  return { hash: hash.digest('hex'), files: files.length };
}

/**
 * Writes the record of the build in `outDir`.
 * @param {{ outDir: string, root: string, env: NodeJS.ProcessEnv, startedAt: Date }} options
 * @returns {Promise<BuildInfo>}
 */
export async function writeBuildInfo({ outDir, root, env, startedAt }) {
  const { hash, files } = await contentHash(outDir);
  /** @type {BuildInfo} */
  const info = {
    siteUrl: env.SITE_URL || null,
    basePath: env.BASE_PATH || '/',
    ...gitState(root),
    builtAt: startedAt.toISOString(),
    contentHash: hash,
    files,
  };
  await mkdir(join(outDir, deployFolder), { recursive: true });
  await writeFile(join(outDir, buildInfoPath), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/**
 * The record of the build in `dir`, or undefined if it has none (a build older than this record,
 * or `astro build` alone).
 * @param {string} dir
 * @returns {Promise<BuildInfo | undefined>}
 */
export async function readBuildInfo(dir) {
  try {
    return JSON.parse(await readFile(join(dir, buildInfoPath), 'utf8'));
  } catch {
    return undefined;
  }
}

/** What the site is built from: a change to any of these after a build makes the build stale. */
export const sourcePaths = ['src', 'public', 'astro.config.mjs', 'package-lock.json'];

/**
 * The source files of the project changed after `since` (by modification time), relative to `root`.
 * @param {string} root
 * @param {Date} since
 * @returns {Promise<string[]>}
 */
export async function changedSince(root, since) {
  const changed = [];
  for (const source of sourcePaths) {
    const path = join(root, source);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const files = info.isDirectory()
      ? (await listFiles(path)).map((file) => `${source}/${file}`)
      : [source];
    for (const file of files) {
      if ((await stat(join(root, file))).mtimeMs > since.getTime()) changed.push(file);
    }
  }
  return changed;
}
