// One publish (or rollback) at a time per publish folder: `<target>/.publish.lock`, made with
// O_EXCL as the build's `.build.lock` is (scripts/build.mjs). A second publish stops with a message
// and touches nothing; a lock left by a publish that died (its process gone, or older than an hour)
// is taken over.
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const lockName = '.publish.lock';
/** No publish takes an hour: a lock that old is stale whatever its process. */
const staleLockMs = 60 * 60 * 1000;

/** An error for the person running the command (scripts/lib/releases.mjs re-exports it). */
export class PublishError extends Error {}

/** Whether a process with this id is running on this machine. */
function isAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Takes the publish lock of `target` (which must exist) and returns the function that gives it back.
 * @param {string} target
 * @param {(line: string) => void} [log]
 * @returns {Promise<() => Promise<void>>}
 */
export async function takePublishLock(target, log = () => {}) {
  const file = join(target, lockName);
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, mine, { flag: 'wx' });
      return async () => {
        // Only our own lock: a lock taken over from us (we ran over an hour) is not ours to remove.
        if ((await readFile(file, 'utf8').catch(() => '')) === mine) await unlink(file);
      };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    /** @type {{ pid?: unknown, host?: unknown, started?: unknown } | undefined} */
    let holder;
    try {
      holder = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      holder = undefined; // half-written or unreadable: stale
    }
    const pid = holder?.pid;
    const started = typeof holder?.started === 'string' ? holder.started : '?';
    const sameHost = holder?.host === hostname();
    const age = Date.now() - Date.parse(started);
    if (Number.isInteger(pid) && (!sameHost || isAlive(Number(pid))) && age < staleLockMs) {
      throw new PublishError(
        [
          `另一个发布正在进行（进程 ${pid}，开始于 ${started}），本次没有做任何改动；等它结束后再运行。`,
          `Another publish is running into ${target} (process ${pid}` +
            `${sameHost ? '' : ` on ${String(holder?.host)}`}, started ${started}); ` +
            'nothing was changed. Run this again when it has finished.',
          `（如果确实没有发布在运行，删除 ${file}。If no publish is running, delete ${file}.）`,
        ].join('\n'),
      );
    }
    log(
      `  上次发布（进程 ${String(pid ?? '?')}）没有正常结束，接管它留下的锁。` +
        `The last publish (process ${String(pid ?? '?')}) did not finish; taking over its lock.`,
    );
    await unlink(file).catch(() => {});
  }
  throw new PublishError(`无法获得发布锁 ${file}。Could not take the publish lock ${file}.`);
}
