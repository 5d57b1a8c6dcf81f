// `npm run build` (scripts/build.mjs) with more than one build, or after one was killed: a second
// build says another is running instead of breaking the first; a lock left by a dead build is
// taken over; a build killed between the swap's two renames leaves the old site in .dist-old, and
// the next build (even a failing one) puts it back; leftover staging folders are removed.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runNode } from '../support/build-site';
import {
  copyProject,
  edit,
  fingerprintTree,
  removeFixtures,
  runScript,
  seedDist,
} from '../support/fixture';

afterAll(removeFixtures);

const hotelZh = 'src/content/units/zh-cn/2007/hotel.mdx';
const lock = (root: string) => join(root, '.build.lock');

/** A content mistake: the build stops at its first step (the check), quickly, without touching dist/. */
const breakContent = (root: string) => edit(root, hotelZh, 'kind: business-unit', 'kind: factory');

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The process id in `file`, read by `pidOf`, once the file is whole: a file just created can still
 * be empty, and `process.kill(0)` would signal this test's own process group.
 */
async function waitForPid(
  file: string,
  pidOf: (text: string) => unknown,
  ms = 30_000,
): Promise<number> {
  let pid = 0;
  await waitFor(() => {
    try {
      const read = Number(pidOf(readFileSync(file, 'utf8')));
      pid = Number.isInteger(read) && read > 0 ? read : 0;
    } catch {
      pid = 0; // not there yet, or half-written
    }
    return pid > 0;
  }, ms);
  return pid;
}

describe('npm run build: one at a time, and recovering from a kill', () => {
  // One copy with the content mistake for the three builds that stop at it; what they leave
  // (dist/, the swap's folders, a lock) is removed before each.
  let root = '';
  beforeAll(async () => {
    root = await copyProject();
    await breakContent(root);
  });
  beforeEach(async () => {
    for (const entry of ['dist', '.dist-old', '.dist-tmp', '.build.lock'])
      await rm(join(root, entry), { recursive: true, force: true });
  });

  test('two builds at once: the second says another build is running and touches nothing', async () => {
    const before = await seedDist(root);
    const first = runScript(root, 'scripts/build.mjs');
    const firstPid = await waitForPid(lock(root), (text) => JSON.parse(text).pid);
    // Held still while the second starts: its check fails in seconds, and on a busy machine it
    // could otherwise finish (and give the lock back) before the second asked for it.
    process.kill(firstPid, 'SIGSTOP');
    const second = await runScript(root, 'scripts/build.mjs').finally(() =>
      process.kill(firstPid, 'SIGCONT'),
    );
    expect(second.code).toBe(1);
    expect(second.output).toContain('另一个构建正在运行');
    expect(second.output).toContain('Another build is running');
    const firstResult = await first;
    // The first build ran to its own end (here: the content problem), undisturbed.
    expect(firstResult.output).toContain(`${hotelZh}:3 — 字段 field "kind"`);
    expect(firstResult.output).not.toContain('Another build is running');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(lock(root))).toBe(false);
  });

  test('a lock held by a live process stops the build; a lock left by a dead one is taken over', async () => {
    const before = await seedDist(root);
    const { hostname } = await import('node:os');
    await writeFile(
      lock(root),
      JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }),
    );
    const held = await runScript(root, 'scripts/build.mjs');
    expect(held.code).toBe(1);
    expect(held.output).toContain('Another build is running');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);

    // A process id that cannot be running (above the kernel's pid_max).
    await writeFile(
      lock(root),
      JSON.stringify({ pid: 2 ** 30, host: hostname(), started: new Date().toISOString() }),
    );
    const stale = await runScript(root, 'scripts/build.mjs');
    expect(stale.output).toContain('taking over its lock');
    expect(stale.output).toContain(`${hotelZh}:3 — 字段 field "kind"`);
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(lock(root))).toBe(false);
  });

  test('after a swap interrupted between its renames, even a failing build restores dist/ and cleans up', async () => {
    const before = await seedDist(root);
    // What a kill between `rename(dist, .dist-old)` and `rename(.dist-tmp, dist)` leaves behind.
    await import('node:fs/promises').then(({ rename }) =>
      rename(join(root, 'dist'), join(root, '.dist-old')),
    );
    await mkdir(join(root, '.dist-tmp'), { recursive: true });
    await writeFile(join(root, '.dist-tmp', 'index.html'), 'half');
    const result = await runScript(root, 'scripts/build.mjs');
    expect(result.code).toBe(1);
    expect(result.output).toContain('the previous dist/ is restored');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(join(root, '.dist-old'))).toBe(false);
    expect(existsSync(join(root, '.dist-tmp'))).toBe(false);
  });

  test("a real kill between the swap's two renames, then a normal build: a complete dist/", async () => {
    // Its own copy: these builds must pass the check.
    const fresh = await copyProject();
    const before = await seedDist(fresh);
    const marker = join(fresh, 'swap-paused');
    const killed = runNode([join(fresh, 'scripts/build.mjs')], fresh, {
      NIANJIAN_PDF: 'off',
      NIANJIAN_TEST_SWAP_PAUSE: marker,
    });
    process.kill(await waitForPid(marker, Number, 540_000), 'SIGKILL');
    await killed;
    // The moment of the kill: the old site waits in .dist-old, there is no dist/.
    expect(existsSync(join(fresh, 'dist'))).toBe(false);
    expect(await fingerprintTree(join(fresh, '.dist-old'))).toBe(before);

    const next = await runNode([join(fresh, 'scripts/build.mjs')], fresh, { NIANJIAN_PDF: 'off' });
    expect(next.code, next.output).toBe(0);
    expect(next.output).toContain('the previous dist/ is restored');
    expect(next.output).toContain('taking over its lock');
    // A good build replaces the published site (after a failed step: commands.test.ts).
    expect(await fingerprintTree(join(fresh, 'dist'))).not.toBe(before);
    expect(await readFile(join(fresh, 'dist/index.html'), 'utf8')).toContain('平果铝业公司');
    expect(existsSync(join(fresh, 'dist', '2007', 'index.html'))).toBe(true);
    expect(existsSync(join(fresh, '.dist-old'))).toBe(false);
    expect(existsSync(join(fresh, '.dist-tmp'))).toBe(false);
    expect(existsSync(lock(fresh))).toBe(false);
  }, 1_200_000);
});
