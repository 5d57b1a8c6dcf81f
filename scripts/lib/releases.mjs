// Releases of the built site in a publish folder, for `npm run publish`:
//   <target>/releases/<timestamp>-<commit>/   one complete copy of a build each
//   <target>/current -> releases/<…>          the live one, switched by renaming a new link over it
//   <target>/history.json                     every switch, in order: what rollback returns to
//   <target>/.publish.lock                    while a publish or rollback runs (./publish-lock.mjs)
// A release is copied and verified before anything readers see changes; the switch is one rename(2),
// so every request is answered from the old release or the new one, never a mix. Only regular
// files go live: a symbolic link (or FIFO, socket, device) in a build is refused, by name.
import {
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  buildInfoPath,
  contentHash,
  readBuildInfo,
  sourceChanges,
  sourceFingerprint,
} from './build-info.mjs';
import { cspSnippetPath } from './csp-header.mjs';
import { PublishError, takePublishLock } from './publish-lock.mjs';
import { fileHash, listFiles, specialEntries } from './site-files.mjs';

export { PublishError };

/** Files a release must have to be served at all. */
export const requiredFiles = [
  'index.html',
  '404.html',
  'en/404/index.html',
  cspSnippetPath,
  buildInfoPath,
];

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
 * Checks that `release` holds exactly the files of `build`, each with the same size and SHA-256,
 * and nothing but regular files and folders.
 * @param {string} build
 * @param {string} release
 */
export async function verifyRelease(build, release) {
  const [expected, actual, special] = await Promise.all([
    listFiles(build),
    listFiles(release),
    specialEntries(release),
  ]);
  const problems = special.map(({ path, kind }) => `not a regular file ${path} (${kind})`);
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
 * address, holds only regular files, was made from the project's sources as they are now (its
 * record's fingerprint of them: an edited, deleted, moved or new file counts) and was not changed
 * since it was built.
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
  const special = await specialEntries(build);
  if (special.length > 0) {
    const shown = special.slice(0, 20).map(({ path, kind }) => `  ${path}  (${kind})`);
    if (special.length > 20)
      shown.push(`  … ${special.length - 20} more / 另有 ${special.length - 20} 个`);
    throw new PublishError(
      [
        `${build} 中有符号链接或其他非普通文件，网站服务器会跟随链接发布别处的文件，所以拒绝发布；` +
          '请删除它们后重新运行 npm run build：',
        `${build} holds symbolic links or other entries that are not regular files; a web server ` +
          'follows a link to wherever it points, so this build is refused. Remove them and build again ' +
          '(npm run build):',
        ...shown,
      ].join('\n'),
    );
  }
  const changes = info.sources
    ? sourceChanges(info.sources, await sourceFingerprint(root))
    : ['(该构建记录没有源文件指纹 this build record has no fingerprint of its sources)'];
  if (changes.length > 0) {
    const shown = changes.slice(0, 20).map((change) => `  ${change}`);
    if (changes.length > 20)
      shown.push(`  … ${changes.length - 20} more / 另有 ${changes.length - 20} 个`);
    throw new PublishError(
      [
        `构建（${info.builtAt}）之后源文件有改动、删除或新增，构建已过期，请重新运行 npm run build：`,
        `The sources differ from those this build (${info.builtAt}) was made from, so it is out of date; ` +
          'run npm run build again:',
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

/** The record of what went live, oldest first: `<target>/history.json`. */
export const historyFile = 'history.json';

/**
 * @typedef {{ at: string, action: 'publish' | 'rollback', release: string, from: string | null }} Switch
 */

/**
 * Every switch of `current` recorded in the publish folder, oldest first (none before the first
 * publish, or in a folder published before the history was kept).
 * @param {string} target
 * @returns {Promise<Switch[]>}
 */
export async function readHistory(target) {
  try {
    const data = JSON.parse(await readFile(join(target, historyFile), 'utf8'));
    return Array.isArray(data?.switches) ? data.switches : [];
  } catch {
    return [];
  }
}

/**
 * Records one more switch; written beside and renamed over, so a crash leaves the old history whole.
 * @param {string} target
 * @param {Switch} entry
 */
async function recordSwitch(target, entry) {
  const switches = [...(await readHistory(target)), entry];
  const next = join(target, `.${historyFile}-${process.pid}`);
  await writeFile(next, `${JSON.stringify({ switches }, null, 2)}\n`);
  await rename(next, join(target, historyFile));
}

/**
 * The releases that were live, in order, as rollback sees them: a publish puts its release on
 * top, a rollback takes the top one off. The last is the live release, the one before it is where
 * a rollback returns.
 * @param {Switch[]} switches
 */
export function liveStack(switches) {
  /** @type {string[]} */
  const stack = [];
  for (const entry of switches) {
    if (entry.action === 'publish') stack.push(entry.release);
    else {
      // A rollback left `entry.release` live: everything above it is undone.
      const index = stack.lastIndexOf(entry.release);
      if (index >= 0) stack.length = index + 1;
      else stack.splice(0, stack.length, entry.release);
    }
  }
  return stack;
}

/**
 * Refuses a publish into the build itself (cp would copy the folder into itself, and the build's
 * fingerprint would no longer match): a message, not a stack trace.
 * @param {string} build
 * @param {string} target
 */
async function refuseTargetInsideBuild(build, target) {
  // The real path of a folder that may not exist yet: its nearest existing parent's, plus the rest.
  const real = async (/** @type {string} */ path) => {
    const absolute = resolve(path);
    const parent = dirname(absolute);
    const found = await realpath(absolute).catch(() => undefined);
    if (found !== undefined || parent === absolute) return found ?? absolute;
    return join(await real(parent), basename(absolute));
  };
  const [buildPath, targetPath] = await Promise.all([real(build), real(target)]);
  const inside = relative(buildPath, targetPath);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new PublishError(
      `发布目录 ${target} 在构建文件夹 ${build} 里面，不能把构建复制进它自己；请发布到构建文件夹以外的目录，如 /srv/nianjian。\n` +
        `The publish folder ${target} is inside the build folder ${build}: a build cannot be copied into ` +
        'itself. Publish to a folder outside the build, e.g. npm run publish -- /srv/nianjian',
    );
  }
}

/**
 * Copies the build into a new release, verifies it, makes it live and removes the oldest releases
 * beyond `keep` (never the live one nor the one a rollback returns to). One publish at a time per
 * publish folder. Returns the new release's name and the one it replaced.
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
  // A folder that is no build at all is told so first; a build is checked for where it goes next.
  if (await readBuildInfo(build)) await refuseTargetInsideBuild(build, target);
  const info = await checkBuild({ build, root });
  await mkdir(join(target, 'releases'), { recursive: true });
  const unlock = await takePublishLock(target, log);
  try {
    return await publishLocked({ build, target, keep, now, log, info });
  } finally {
    await unlock();
  }
}

/**
 * @param {{
 *   build: string, target: string, keep: number, now: Date, log: (line: string) => void,
 *   info: import('./build-info.mjs').BuildInfo
 * }} options
 */
async function publishLocked({ build, target, keep, now, log, info }) {
  const previous = await currentRelease(target);
  const releases = join(target, 'releases');
  // Copies left half-done by an interrupted publish are never live: clear them (we hold the lock,
  // so none is another publish's).
  for (const entry of await readdir(releases))
    if (entry.startsWith('.incoming-'))
      await rm(join(releases, entry), { recursive: true, force: true });

  const existing = new Set(await listReleases(target));
  let name = `${stamp(now)}-${info.commit}`;
  for (let n = 2; existing.has(name); n += 1) name = `${stamp(now)}-${info.commit}-${n}`;
  const incoming = join(releases, `.incoming-${name}-${process.pid}`);
  log(`复制 Copying ${build} → ${join(releases, name)}`);
  await cp(build, incoming, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  const { files, problems } = await verifyRelease(build, incoming);
  if (problems.length > 0) {
    await rm(incoming, { recursive: true, force: true });
    throw new PublishError(
      '新版本校验失败，线上版本未改动。The new release failed verification; the live release is unchanged:' +
        `\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  log(`校验通过 Verified: ${files} files, same sizes and SHA-256 as the build, no links`);
  await rename(incoming, join(releases, name));
  await switchCurrent(target, name);
  await recordSwitch(target, {
    at: new Date().toISOString(),
    action: 'publish',
    release: name,
    from: previous ?? null,
  });
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
 * Makes the release that was live before the live one live again, as recorded in the publish
 * folder's history (publish R1, R2, rollback, publish R3, rollback: R1 again, never R2). A folder
 * published before the history was kept falls back to the release before by name. Returns the
 * names switched from and to, and how the target was found.
 * @param {{ target: string, log?: (line: string) => void }} options
 */
export async function rollback({ target, log = () => {} }) {
  if (!(await lstat(join(target, 'releases')).catch(() => undefined)))
    throw new PublishError(
      `${target} 不是发布目录（没有 releases/）。${target} is not a publish folder (it has no releases/).`,
    );
  const unlock = await takePublishLock(target, log);
  try {
    return await rollbackLocked(target);
  } finally {
    await unlock();
  }
}

/** @param {string} target */
async function rollbackLocked(target) {
  const current = await currentRelease(target);
  const all = await listReleases(target);
  const switches = await readHistory(target);
  const stack = liveStack(switches);
  /** @type {string | undefined} */
  let to;
  /** @type {'history' | 'names'} */
  let basis = 'history';
  if (switches.length > 0 && stack.at(-1) === current) {
    // The one below the live release that still exists (one removed by hand is passed over).
    to = stack
      .slice(0, -1)
      .reverse()
      .find((release) => release !== current && all.includes(release));
  } else {
    basis = 'names';
    const index = current === undefined ? -1 : all.indexOf(current);
    to = index >= 1 ? all[index - 1] : undefined;
  }
  if (to === undefined) {
    throw new PublishError(
      `${target} 没有可回滚的更早版本（当前 ${current ?? '无'}）。` +
        `${target} has no release that was live before the live one (${current ?? 'none'}) to roll back to.`,
    );
  }
  await switchCurrent(target, to);
  await recordSwitch(target, {
    at: new Date().toISOString(),
    action: 'rollback',
    release: to,
    from: current ?? null,
  });
  const cspChanged =
    (await sameFile(
      join(target, 'releases', to, cspSnippetPath),
      join(target, 'releases', /** @type {string} */ (current), cspSnippetPath),
    )) === false;
  return { from: /** @type {string} */ (current), to, cspChanged, basis };
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
