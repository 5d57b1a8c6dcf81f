// Releases of the built site in a publish folder, for `npm run publish`:
//   <target>/releases/<timestamp>-<commit>/   one complete copy of a build each
//   <target>/current -> releases/<…>          the live one, switched by renaming a new link over it
// A release is copied and verified before anything readers see changes; the switch is one rename(2),
// so every request is answered from the old release or the new one, never a mix.
import {
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
} from 'node:fs/promises';
import { join } from 'node:path';
import { buildInfoPath, changedSince, contentHash, readBuildInfo } from './build-info.mjs';
import { cspSnippetPath } from './csp-header.mjs';
import { fileHash, listFiles } from './site-files.mjs';

/** Files a release must have to be served at all. */
export const requiredFiles = [
  'index.html',
  '404.html',
  'en/404/index.html',
  cspSnippetPath,
  buildInfoPath,
];

/** An error meant for the person running the command: printed as it is, without a stack. */
export class PublishError extends Error {}

/**
 * The release names of a publish folder, oldest first (names start with their UTC timestamp).
 * @param {string} target
 */
export async function listReleases(target) {
  const entries = await readdir(join(target, 'releases'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The name of the live release, or undefined before the first publish.
 * @param {string} target
 */
export async function currentRelease(target) {
  const link = join(target, 'current');
  const info = await lstat(link).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isSymbolicLink()) {
    throw new PublishError(
      `${link} 不是符号链接，不能原子切换；请移走它后再发布。` +
        `${link} is not a symbolic link, so it cannot be switched atomically: move it away, then publish again.`,
    );
  }
  return (await readlink(link)).replace(/^releases\//, '').replace(/\/$/, '');
}

/**
 * Makes `releases/<name>` the live release: a new link beside `current`, renamed over it (atomic on POSIX).
 * @param {string} target
 * @param {string} name
 */
export async function switchCurrent(target, name) {
  const next = join(target, `.current-${process.pid}-${Date.now()}`);
  await symlink(`releases/${name}`, next);
  await rename(next, join(target, 'current'));
}

/**
 * Checks that `release` holds exactly the files of `build`, each with the same size and SHA-256.
 * @param {string} build
 * @param {string} release
 */
export async function verifyRelease(build, release) {
  const [expected, actual] = await Promise.all([listFiles(build), listFiles(release)]);
  const problems = [];
  const present = new Set(actual);
  for (const path of expected) {
    if (!present.has(path)) {
      problems.push(`missing ${path}`);
      continue;
    }
    const [a, b] = await Promise.all([stat(join(build, path)), stat(join(release, path))]);
    if (
      a.size !== b.size ||
      (await fileHash(join(build, path))) !== (await fileHash(join(release, path)))
    )
      problems.push(`differs ${path}`);
  }
  const extra = actual.filter((path) => !expected.includes(path));
  problems.push(...extra.map((path) => `extra ${path}`));
  problems.push(
    ...requiredFiles
      .filter((path) => !present.has(path))
      .map((path) => `required file absent: ${path}`),
  );
  return { files: expected.length, problems };
}

/**
 * The checks made before a build may be published: it has a build record, was built for a real
 * address, is not older than the project's sources and was not changed since it was built.
 * @param {{ build: string, root: string }} options
 */
export async function checkBuild({ build, root }) {
  const info = await readBuildInfo(build);
  if (!info) {
    throw new PublishError(
      `${build} 没有构建记录（${buildInfoPath}），请先运行 SITE_URL=… npm run build。\n` +
        `${build} has no build record (${buildInfoPath}): build it with \`SITE_URL=https://… npm run build\` first.`,
    );
  }
  if (!info.siteUrl) {
    throw new PublishError(
      '这次构建没有设置 SITE_URL，规范链接和 sitemap 会指向 http://localhost:4321。请重新构建：SITE_URL=https://你的地址 npm run build\n' +
        'This build was made without SITE_URL, so its canonical links and sitemap point at http://localhost:4321. ' +
        'Build again with the address readers use: SITE_URL=https://intranet.example.cn npm run build',
    );
  }
  const changed = await changedSince(root, new Date(info.builtAt));
  if (changed.length > 0) {
    const shown = changed.slice(0, 20).map((file) => `  ${file}`);
    if (changed.length > 20)
      shown.push(`  … ${changed.length - 20} more / 另有 ${changed.length - 20} 个`);
    throw new PublishError(
      [
        `构建（${info.builtAt}）之后这些源文件有改动，构建已过期，请重新运行 npm run build：`,
        `These source files changed after the build (${info.builtAt}), so it is out of date; run npm run build again:`,
        ...shown,
      ].join('\n'),
    );
  }
  const { hash } = await contentHash(build);
  if (hash !== info.contentHash) {
    throw new PublishError(
      `${build} 在构建之后被改动过，请重新构建。` +
        `${build} was changed after it was built (its files no longer match the build record): build again.`,
    );
  }
  return info;
}

/** A UTC timestamp that sorts as it reads: 20261125T190102Z. */
const stamp = (/** @type {Date} */ date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Copies the build into a new release, verifies it, makes it live and removes the oldest releases
 * beyond `keep`. Returns the new release's name and the one it replaced.
 * @param {{
 *   build: string, target: string, root: string, keep?: number, now?: Date,
 *   log?: (line: string) => void
 * }} options
 */
export async function publish({ build, target, root, keep = 5, now = new Date(), log = () => {} }) {
  if (!Number.isInteger(keep) || keep < 2)
    throw new PublishError(
      `--keep must be a whole number of at least 2 (the live release and the one to roll back to); got ${keep}.`,
    );
  const info = await checkBuild({ build, root });
  const previous = await currentRelease(target);
  const releases = join(target, 'releases');
  await mkdir(releases, { recursive: true });
  // Copies left half-done by an interrupted publish are never live: clear them.
  for (const entry of await readdir(releases))
    if (entry.startsWith('.incoming-'))
      await rm(join(releases, entry), { recursive: true, force: true });

  const existing = new Set(await listReleases(target));
  let name = `${stamp(now)}-${info.commit}`;
  for (let n = 2; existing.has(name); n += 1) name = `${stamp(now)}-${info.commit}-${n}`;
  const incoming = join(releases, `.incoming-${name}`);
  log(`复制 Copying ${build} → ${join(releases, name)}`);
  await cp(build, incoming, { recursive: true, preserveTimestamps: true });
  const { files, problems } = await verifyRelease(build, incoming);
  if (problems.length > 0) {
    await rm(incoming, { recursive: true, force: true });
    throw new PublishError(
      '新版本校验失败，线上版本未改动。The new release failed verification; the live release is unchanged:' +
        `\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  log(`校验通过 Verified: ${files} files, same sizes and SHA-256 as the build`);
  await rename(incoming, join(releases, name));
  await switchCurrent(target, name);
  log(`已上线 Live: current -> releases/${name}${previous ? ` (was ${previous})` : ''}`);

  const all = await listReleases(target);
  const removed = all
    .slice(0, Math.max(0, all.length - keep))
    .filter((release) => release !== name && release !== previous);
  for (const release of removed)
    await rm(join(releases, release), { recursive: true, force: true });
  if (removed.length > 0) log(`删除旧版本 Removed old releases: ${removed.join(', ')}`);

  const cspChanged =
    previous !== undefined &&
    (await sameFile(
      join(releases, previous, cspSnippetPath),
      join(releases, name, cspSnippetPath),
    )) === false;
  return { name, previous, removed, cspChanged, info };
}

/**
 * Makes the release before the live one live again. Returns the names switched from and to.
 * @param {{ target: string }} options
 */
export async function rollback({ target }) {
  const current = await currentRelease(target);
  const all = await listReleases(target);
  const index = current === undefined ? -1 : all.indexOf(current);
  if (index < 1) {
    throw new PublishError(
      `${target} 没有可回滚的更早版本。${target} has no release older than the live one (${current ?? 'none'}) to roll back to.`,
    );
  }
  const previous = /** @type {string} */ (all[index - 1]);
  await switchCurrent(target, previous);
  const cspChanged =
    (await sameFile(
      join(target, 'releases', previous, cspSnippetPath),
      join(target, 'releases', /** @type {string} */ (current), cspSnippetPath),
    )) === false;
  return { from: /** @type {string} */ (current), to: previous, cspChanged };
}

/**
 * @param {string} a
 * @param {string} b
 */
async function sameFile(a, b) {
  const [x, y] = await Promise.all([
    readFile(a).catch(() => undefined),
    readFile(b).catch(() => undefined),
  ]);
  return x !== undefined && y !== undefined && x.equals(y);
}
