// One publish (or rollback) at a time per publish folder: `<target>/.publish.lock`, the same kind
// of lock as the build's `.build.lock` (./lock-file.mjs). A second publish stops with a message
// and touches nothing; a lock left by a publish that died (its process gone, or older than an hour)
// is taken over.
import { join } from 'node:path';
import { takeLockFile } from './lock-file.mjs';

export const lockName = '.publish.lock';
/** No publish takes an hour: a lock that old is stale whatever its process. */
const staleLockMs = 60 * 60 * 1000;

/** An error for the person running the command (scripts/lib/releases.mjs re-exports it). */
export class PublishError extends Error {}

/**
 * Takes the publish lock of `target` (which must exist) and returns the function that gives it back.
 * @param {string} target
 * @param {(line: string) => void} [log]
 * @returns {Promise<() => Promise<void>>}
 */
export async function takePublishLock(target, log = () => {}) {
  const file = join(target, lockName);
  const lock = takeLockFile(file, {
    staleMs: staleLockMs,
    onTakeOver: (holder) =>
      log(
        `  上次发布（进程 ${String(holder?.pid ?? '?')}）没有正常结束，接管它留下的锁。` +
          `The last publish (process ${String(holder?.pid ?? '?')}) did not finish; taking over its lock.`,
      ),
  });
  if (lock.status === 'taken') return async () => lock.release();
  if (lock.status === 'held') {
    const { holder, sameHost } = lock;
    const pid = String(holder?.pid ?? '?');
    const started = String(holder?.started ?? '?');
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
  throw new PublishError(`无法获得发布锁 ${file}。Could not take the publish lock ${file}.`);
}
