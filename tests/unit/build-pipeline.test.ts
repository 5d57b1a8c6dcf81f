// What `npm run build` (scripts/build.mjs) does around `astro build`, without a build: stopping an
// `astro build` that runs beside a failed content check (scripts/lib/side-by-side.mjs), played by
// small stand-in scripts; precompression telling a changed file of the same size from an unchanged
// one. The real build with a failed check: tests/editors/build-side-by-side.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { precompress } from '../../scripts/lib/precompress.mjs';
import {
  hasWrittenPages,
  renderingStarted,
  startNode,
  stopAstro,
} from '../../scripts/lib/side-by-side.mjs';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function workFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'nianjian-pipeline-'));
  folders.push(folder);
  return folder;
}

/** Whether a process with this id is running (a killed one nobody has reaped yet is not: Linux). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    const status = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(status);
  } catch {
    return false;
  }
}

/**
 * A stand-in for `astro build`: starts a child of its own (as Astro starts Chromium), writes that
 * child's id to `childPidFile`, prints `lines` one by one, then prints "ended" and stops when it is
 * resumed after a pause (as stopAstro resumes a build that has written pages) or after `waitMs`.
 */
async function standIn(folder: string, lines: string[], waitMs: number): Promise<string> {
  const script = join(folder, `stand-in-${folders.length}-${lines.length}.mjs`);
  await writeFile(
    script,
    [
      "import { spawn } from 'node:child_process';",
      "import { writeFileSync } from 'node:fs';",
      "const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      'writeFileSync(process.argv[2], String(child.pid));',
      `for (const line of ${JSON.stringify(lines)}) console.log(line);`,
      "const end = () => { console.log('ended'); child.kill(); process.exit(0); };",
      "process.on('SIGCONT', end);",
      `setTimeout(end, ${waitMs});`,
    ].join('\n'),
  );
  return script;
}

/** The process id the stand-in writes: read once the whole number is there, not an empty file. */
async function waitForPid(path: string): Promise<number> {
  const written = () => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  for (let tries = 0; tries < 200 && !/^\d+$/.test(written()); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const pid = Number(written());
  expect(pid).toBeGreaterThan(0);
  return pid;
}

async function waitForOutput(run: ReturnType<typeof startNode>, text: string): Promise<void> {
  for (let tries = 0; tries < 200 && !run.output().includes(text); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('stopping astro build beside a failed content check', () => {
  test('before it writes a page: it and what it started are killed at once', async () => {
    const folder = await workFolder();
    const childPidFile = join(folder, 'child-before.pid');
    // Paused here by npm run build while the check runs: the heading, no page yet.
    const script = await standIn(
      folder,
      ['[build] Building static entrypoints...', ` ${renderingStarted} `],
      60_000,
    );
    const run = startNode([script, childPidFile], { cwd: folder, group: true });
    const childPid = await waitForPid(childPidFile);
    await waitForOutput(run, renderingStarted);
    // Killed, not waited for: the stand-in would otherwise print "ended" after a minute.
    expect(await stopAstro(run)).toBe('killed');
    expect(run.output()).not.toContain('ended');
    // A killed process takes a moment to die after the signal: polled, not read once.
    await expect.poll(() => isRunning(childPid)).toBe(false);
  });

  test('once it has written a page: it runs to its end, so its cache record matches its page copies', async () => {
    const folder = await workFolder();
    const childPidFile = join(folder, 'child-after.pid');
    const script = await standIn(folder, [` ${renderingStarted} `, '  ├─ /404.html'], 60_000);
    const run = startNode([script, childPidFile], { cwd: folder, group: true });
    await waitForPid(childPidFile);
    // Stopped once its page line has come: a fixed pause lost that race on a busy machine.
    await waitForOutput(run, '/404.html');
    expect(await stopAstro(run)).toBe('finished');
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.output).toContain('ended');
  });

  test('after it ended on its own: nothing to stop', async () => {
    const folder = await workFolder();
    const run = startNode(['-e', 'process.exit(3)'], { cwd: folder, group: true });
    expect((await run.done).code).toBe(3);
    expect(await stopAstro(run)).toBe('ended');
  });
});

describe('hasWrittenPages', () => {
  test('a page line after the static routes heading, not before it', () => {
    expect(hasWrittenPages('[build] Building static entrypoints...')).toBe(false);
    expect(hasWrittenPages(`\n ${renderingStarted} \n`)).toBe(false);
    expect(hasWrittenPages(`\n ${renderingStarted} \n21:15:59   ├─ /404.html (+56ms) \n`)).toBe(
      true,
    );
    expect(hasWrittenPages(`  ├─ /a.html\n ${renderingStarted} \n`)).toBe(false);
  });
});

describe('precompression compares sizes, then bytes', () => {
  test('a changed file of the same size is compressed anew; an unchanged one reuses the live copies', async () => {
    const folder = await workFolder();
    const live = join(folder, 'live');
    const next = join(folder, 'next');
    await mkdir(live);
    await mkdir(next);
    const before = `<p>${'alpha '.repeat(300)}</p>`;
    const after = `<p>${'omega '.repeat(300)}</p>`;
    expect(after.length).toBe(before.length);
    await writeFile(join(live, 'page.html'), before);
    await writeFile(join(live, 'kept.html'), before);
    await precompress(live);
    await writeFile(join(next, 'page.html'), after);
    await writeFile(join(next, 'kept.html'), before);
    const results = await precompress(next, { previous: live });
    expect(Object.fromEntries(results.map((result) => [result.path, result.reused]))).toEqual({
      'kept.html': true,
      'page.html': false,
    });
    expect(gunzipSync(await readFile(join(next, 'page.html.gz'))).toString()).toBe(after);
    expect((await stat(join(next, 'kept.html.gz'))).ino).toBe(
      (await stat(join(live, 'kept.html.gz'))).ino,
    );
    // The live site is as it was.
    expect(gunzipSync(await readFile(join(live, 'page.html.gz'))).toString()).toBe(before);
  });
});
