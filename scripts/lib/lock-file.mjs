// One process at a time: the lock file behind `npm run build` (`.build.lock`) and `npm run publish`
// (`<target>/.publish.lock`). It is made with O_EXCL and holds who took it: process, machine, when.
// A lock whose process is gone (killed, crashed, machine restarted) or that is older than the
// caller's limit is stale and taken over; a lock being written right now is held, not stale.
import { hostname } from 'node:os';
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * How long an empty or unreadable lock file counts as being written by the process that just made
 * it (`open` with O_EXCL and the write of its contents are two steps). Older, it is a leftover.
 */
export const halfWrittenMs = 10_000;

/** @typedef {{ pid?: unknown, host?: unknown, started?: unknown }} LockHolder */

/**
 * @typedef {{ status: 'taken', release: () => void }
 *   | { status: 'held', holder: LockHolder | undefined, sameHost: boolean }
 *   | { status: 'failed' }} LockResult
 */

/** Whether a process with this id is running on this machine. */
function isAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** The file's text, or undefined if it is gone. */
function readIfThere(/** @type {string} */ file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes the lock `file`, or says who holds it. `onTakeOver(holder)` is told before a stale lock is
 * taken over (to say so). `release()` removes the lock only while it is still this process's: a
 * lock taken over from it (it ran past `staleMs`) is not its to remove.
 * @param {string} file
 * @param {{ staleMs: number, onTakeOver?: (holder: LockHolder | undefined) => void }} options
 * @returns {LockResult}
 */
export function takeLockFile(file, { staleMs, onTakeOver = () => {} }) {
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return {
        status: 'taken',
        release: () => {
          try {
            if (readIfThere(file) === mine) unlinkSync(file);
          } catch {
            // Unreadable or removed meanwhile: nothing of ours to give back.
          }
        },
      };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const text = readIfThere(file);
    if (text === undefined) continue; // given back meanwhile: try again
    /** @type {LockHolder | undefined} */
    let holder;
    try {
      holder = JSON.parse(text);
    } catch {
      holder = undefined;
    }
    const sameHost = holder?.host === hostname();
    if (holder === undefined) {
      // Empty or cut short: its maker may be between creating and writing it.
      const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < halfWrittenMs) return { status: 'held', holder: undefined, sameHost: true };
    } else {
      const pid = holder.pid;
      const age = Date.now() - Date.parse(String(holder.started));
      if (Number.isInteger(pid) && (!sameHost || isAlive(Number(pid))) && age < staleMs)
        return { status: 'held', holder, sameHost };
    }
    onTakeOver(holder);
    setAside(file, text);
  }
  return { status: 'failed' };
}

/**
 * Removes the stale lock whose text was `staleText`. Moved aside first and read again: if another
 * process took the lock over and wrote its own between our read and now, that one is put back
 * (unless a third has made one in that instant: the link then fails and the third's stands).
 * @param {string} file
 * @param {string} staleText
 */
function setAside(file, staleText) {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already: another process took it over
  }
  try {
    if (readIfThere(aside) !== staleText) linkSync(aside, file);
  } catch {
    // a new lock is there already; it stands
  } finally {
    try {
      unlinkSync(aside);
    } catch {
      // already gone
    }
  }
}
