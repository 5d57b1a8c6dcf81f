// The lock behind `npm run build` and `npm run publish` (scripts/lib/lock-file.mjs), in-process:
// who holds it, when it is stale, and the moments two processes meet at it. The commands' own
// messages are tested with the commands (tests/editors/build-lock.test.ts, tests/deploy/).
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { halfWrittenMs, takeLockFile } from '../../scripts/lib/lock-file.mjs';

const folders: string[] = [];
let file = '';
beforeEach(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'nianjian-lock-'));
  folders.push(folder);
  file = join(folder, '.test.lock');
});
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const staleMs = 60 * 60 * 1000;
/** A process id that is not running: far above any pid_max. */
const deadPid = 2 ** 30;
const lockOf = (pid: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ pid, host: hostname(), started: new Date().toISOString(), ...extra });

describe('takeLockFile', () => {
  test('takes a free lock, writes who holds it, and gives it back', () => {
    const lock = takeLockFile(file, { staleMs });
    expect(lock.status).toBe('taken');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    if (lock.status === 'taken') lock.release();
    expect(existsSync(file)).toBe(false);
  });

  test('a lock of a running process is held, with who holds it', () => {
    writeFileSync(file, lockOf(process.pid));
    const lock = takeLockFile(file, { staleMs });
    expect(lock).toMatchObject({ status: 'held', holder: { pid: process.pid }, sameHost: true });
  });

  test('a lock from another machine is held: its process cannot be asked from here', () => {
    writeFileSync(file, lockOf(deadPid, { host: 'another-machine' }));
    expect(takeLockFile(file, { staleMs })).toMatchObject({ status: 'held', sameHost: false });
  });

  test('a lock of a dead process, or older than the limit, is taken over and said so', () => {
    for (const text of [
      lockOf(deadPid),
      lockOf(process.pid, { started: new Date(Date.now() - staleMs - 1000).toISOString() }),
    ]) {
      writeFileSync(file, text);
      const told: unknown[] = [];
      const lock = takeLockFile(file, { staleMs, onTakeOver: (holder) => told.push(holder) });
      expect(lock.status).toBe('taken');
      expect(told).toEqual([JSON.parse(text)]);
      if (lock.status === 'taken') lock.release();
    }
  });

  test('an empty lock just made is held (its maker has not written it yet); an old one is taken over', () => {
    // The moment between another process's O_EXCL create and its write: it was judged stale and
    // removed, and both processes went ahead.
    writeFileSync(file, '');
    expect(takeLockFile(file, { staleMs })).toMatchObject({ status: 'held', holder: undefined });
    const past = (Date.now() - halfWrittenMs - 1000) / 1000;
    utimesSync(file, past, past);
    const lock = takeLockFile(file, { staleMs });
    expect(lock.status).toBe('taken');
    if (lock.status === 'taken') lock.release();
  });

  test('release leaves a lock that is no longer its own', () => {
    const lock = takeLockFile(file, { staleMs });
    // Taken over by another process meanwhile (this one ran past the limit).
    writeFileSync(file, lockOf(process.pid, { started: 'later' }));
    if (lock.status === 'taken') lock.release();
    expect(existsSync(file)).toBe(true);
  });

  test('taking over a stale lock never removes a live one another process made in between', () => {
    writeFileSync(file, lockOf(deadPid));
    const theirs = lockOf(process.pid, { started: new Date().toISOString(), by: 'the other' });
    // Another process takes the stale lock over between this one's read and its removal.
    const lock = takeLockFile(file, {
      staleMs,
      onTakeOver: () => writeFileSync(file, theirs),
    });
    expect(lock).toMatchObject({ status: 'held', holder: { by: 'the other' } });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});
