// Only what was built is published (issue 22): a symbolic link in a build is refused by publish, a
// build made from other sources than the project's now is refused, rollback returns to
// the release that was live before (from the publish folder's history), one publish at a time, and
// a publish folder inside the build gets a message. Symbolic links are made here, by the test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  buildInfoPath,
  readBuildInfo,
  sourceFingerprint,
  sourcePaths,
  writeBuildInfo,
} from '../../scripts/lib/build-info.mjs';
import { takePublishLock } from '../../scripts/lib/publish-lock.mjs';
import {
  publish,
  PublishError,
  readHistory,
  rollback,
  verifyRelease,
} from '../../scripts/lib/releases.mjs';
import { projectRoot, runNode } from '../support/build-site';
import { testSiteUrl } from './global-setup';
import { get } from './http';
import { startNginx, type RunningNginx } from './nginx';

const build = inject('deployBuildDir');
const publishScript = join(projectRoot, 'scripts', 'publish.mjs');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'nianjian-publish-safety-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const runPublish = (...args: string[]) => runNode([publishScript, ...args], projectRoot);
/** A line of a Node stack trace: what a person running publish must never be shown. */
const stackLine = /^\s+at .+:\d+:\d+\)?$/m;

/** A copy of the test build, `name` under the work folder. */
async function buildCopy(name: string): Promise<string> {
  const copy = join(work, name);
  await cp(build, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

/** Whatever publish threw (its message), or undefined if it published. */
async function publishError(options: Parameters<typeof publish>[0]): Promise<string | undefined> {
  try {
    await publish(options);
    return undefined;
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    return error.message;
  }
}

describe('a symbolic link in the build never goes live', () => {
  test('publish refuses a build holding links (to a file, to /) or a FIFO, naming each; writes nothing', async () => {
    const copy = await buildCopy('linked');
    await symlink('/etc/passwd', join(copy, 'leak.txt'));
    await symlink('/', join(copy, 'en', 'rootfs'));
    execFileSync('mkfifo', [join(copy, 'pipe')]);
    const target = join(work, 'linked-target');
    const result = await runPublish(target, '--from', copy);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain('leak.txt  (symbolic link -> /etc/passwd)');
    expect(result.output).toContain('en/rootfs  (symbolic link -> /)');
    expect(result.output).toContain('pipe  (FIFO)');
    expect(result.output).toContain('not regular files');
    expect(result.output).toContain('符号链接');
    expect(result.output).not.toMatch(stackLine);
    expect(existsSync(join(target, 'current'))).toBe(false);
    expect(existsSync(join(target, 'releases'))).toBe(false);
  });

  test('release verification looks at every entry, not regular files only', async () => {
    const release = await buildCopy('release-with-link');
    await symlink('/etc/passwd', join(release, 'leak.txt'));
    const { problems } = await verifyRelease(build, release);
    expect(problems).toEqual(['not a regular file leak.txt (symbolic link -> /etc/passwd)']);
  });
});

describe('a build made from other sources than the project has now is refused', () => {
  let root: string;
  let copy: string;
  beforeAll(async () => {
    // A project of the test's own: its sources copied, the build's record made from them.
    root = join(work, 'project');
    for (const source of sourcePaths)
      if (existsSync(join(projectRoot, source)))
        await cp(join(projectRoot, source), join(root, source), {
          recursive: true,
          preserveTimestamps: true,
        });
    copy = await buildCopy('fingerprinted');
    const info = await readBuildInfo(build);
    await writeBuildInfo({
      outDir: copy,
      root,
      env: { SITE_URL: testSiteUrl },
      startedAt: new Date(info?.builtAt ?? 0),
    });
  });

  test('the record holds the fingerprint of every source file by name', async () => {
    const info = await readBuildInfo(copy);
    const now = await sourceFingerprint(root);
    expect(info?.sources.fingerprint).toBe(now.fingerprint);
    expect(Object.keys(info?.sources.files ?? {})).toContain('astro.config.mjs');
    expect(Object.keys(info?.sources.files ?? {})).toContain('public/robots.txt');
    expect(await publishError({ build: copy, target: join(work, 'fp-ok'), root })).toBeUndefined();
  });

  test('a deleted source file (its mtime gone with it) is noticed, and named', async () => {
    const file = join(root, 'public', 'robots.txt');
    const kept = await readFile(file);
    await unlink(file);
    try {
      const message = await publishError({ build: copy, target: join(work, 'fp-1'), root });
      expect(message).toContain('out of date');
      expect(message).toContain('过期');
      expect(message).toContain('deleted 已删除 public/robots.txt');
      expect(existsSync(join(work, 'fp-1'))).toBe(false);
    } finally {
      await writeFile(file, kept);
    }
  });

  test('a moved source file (same contents, same mtime) is noticed as deleted and added', async () => {
    const content = join(root, 'src', 'content');
    const [from] = (await readdir(join(content, 'glossary'))).sort();
    const before = join(content, 'glossary', from ?? '');
    const after = join(content, 'glossary', `moved-${from}`);
    await rename(before, after);
    try {
      const message = await publishError({ build: copy, target: join(work, 'fp-2'), root });
      expect(message).toContain(`deleted 已删除 src/content/glossary/${from}`);
      expect(message).toContain(`added 新增 src/content/glossary/moved-${from}`);
    } finally {
      await rename(after, before);
    }
    expect(await publishError({ build: copy, target: join(work, 'fp-3'), root })).toBeUndefined();
  });

  test('a record without a fingerprint of its sources (an older build) is refused', async () => {
    const old = await buildCopy('no-sources');
    const info = JSON.parse(await readFile(join(old, buildInfoPath), 'utf8'));
    delete info.sources;
    await writeFile(join(old, buildInfoPath), JSON.stringify(info));
    const message = await publishError({ build: old, target: join(work, 'fp-4'), root });
    expect(message).toContain('has no fingerprint of its sources');
  });

  test('fingerprinting the project reads its sources only, never dist/ or node_modules/', async () => {
    const times: number[] = [];
    let files: string[] = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      files = Object.keys((await sourceFingerprint(projectRoot)).files);
      times.push(performance.now() - started);
    }
    const median = [...times].sort((a, b) => a - b)[2] ?? 0;
    // Reported, not asserted (no clock in a test); what keeps it fast is what it reads.
    console.log(
      `Source fingerprint of the project: ${files.length} files, median ${median.toFixed(0)} ms of 5`,
    );
    expect(files.length).toBeGreaterThan(100);
    const outside = files.filter(
      (file) => !sourcePaths.some((source) => file === source || file.startsWith(`${source}/`)),
    );
    expect(outside).toEqual([]);
  });
});

describe('rollback follows the history of what was live', () => {
  test('publish R1, R2; rollback; publish R3; rollback makes R1 live again, not R2, and says so', async () => {
    const target = join(work, 'history');
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
    const r1 = await publish({ build, target, root: projectRoot, now: at(1) });
    const r2 = await publish({ build, target, root: projectRoot, now: at(2) });
    expect((await rollback({ target })).to).toBe(r1.name);
    const r3 = await publish({ build, target, root: projectRoot, now: at(3) });
    expect(r3.previous).toBe(r1.name);

    const result = await runPublish(target, '--rollback');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`current -> releases/${r1.name} (was ${r3.name})`);
    expect(result.output).toContain(`was live before ${r3.name}`);
    expect(await readlink(join(target, 'current'))).toBe(`releases/${r1.name}`);
    expect(
      (await readHistory(target)).map(({ action, release }) => `${action} ${release}`),
    ).toEqual([
      `publish ${r1.name}`,
      `publish ${r2.name}`,
      `rollback ${r1.name}`,
      `publish ${r3.name}`,
      `rollback ${r1.name}`,
    ]);
    // Nothing was live before R1: a further rollback is refused, with a message.
    const again = await runPublish(target, '--rollback');
    expect(again.code).toBe(1);
    expect(again.output).toContain('no release that was live before');
    expect(await readlink(join(target, 'current'))).toBe(`releases/${r1.name}`);
  });
});

describe('one publish at a time', () => {
  test('a second publish refuses with a message and leaves the running one’s copy alone', async () => {
    const target = join(work, 'locked');
    await publish({ build, target, root: projectRoot });
    const live = await readlink(join(target, 'current'));
    // Another publish is copying: its lock is held and its staging folder is there.
    const unlock = await takePublishLock(target);
    const theirs = join(target, 'releases', '.incoming-20260101T000000Z-abc-99999');
    await mkdir(theirs);
    await writeFile(join(theirs, 'index.html'), 'being copied');
    try {
      for (const args of [['--from', build], ['--rollback']]) {
        const result = await runPublish(target, ...args);
        expect(result.code, result.output).toBe(1);
        expect(result.output).toContain('Another publish is running');
        expect(result.output).toContain('另一个发布正在进行');
        expect(result.output).not.toMatch(stackLine);
        expect(await readFile(join(theirs, 'index.html'), 'utf8')).toBe('being copied');
        expect(await readlink(join(target, 'current'))).toBe(live);
      }
    } finally {
      await unlock();
    }
    // Once it has finished, publish runs (and clears what an interrupted publish left).
    const after = await runPublish(target, '--from', build);
    expect(after.code, after.output).toBe(0);
    expect(existsSync(theirs)).toBe(false);
  });

  test('a lock left by a publish that died is taken over', async () => {
    const target = join(work, 'stale-lock');
    await mkdir(target, { recursive: true });
    // A process id that is not running: far above any pid_max.
    await writeFile(
      join(target, '.publish.lock'),
      JSON.stringify({
        pid: 2 ** 30,
        host: (await import('node:os')).hostname(),
        started: new Date().toISOString(),
      }),
    );
    const result = await runPublish(target, '--from', build);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('taking over its lock');
    expect(existsSync(join(target, '.publish.lock'))).toBe(false);
  });

  test('two publishes at once: each succeeds or refuses with a message; the live release is whole', async () => {
    const target = join(work, 'together');
    const results = await Promise.all([
      runPublish(target, '--from', build),
      runPublish(target, '--from', build),
    ]);
    for (const result of results) {
      expect(result.output).not.toMatch(stackLine);
      if (result.code !== 0) expect(result.output).toContain('Another publish is running');
    }
    expect(results.some((result) => result.code === 0)).toBe(true);
    const releases = (await readdir(join(target, 'releases'))).filter(
      (name) => !name.startsWith('.'),
    );
    expect(new Set(releases).size).toBe(results.filter((result) => result.code === 0).length);
    expect((await verifyRelease(build, join(target, 'current'))).problems).toEqual([]);
    expect(
      (await readdir(join(target, 'releases'))).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  });

  test('a publish folder inside the build gets a message, not a stack trace', async () => {
    const copy = await buildCopy('self');
    for (const target of [join(copy, 'site'), copy]) {
      const result = await runPublish(target, '--from', copy);
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('is inside the build folder');
      expect(result.output).not.toMatch(stackLine);
    }
    expect(existsSync(join(copy, 'site'))).toBe(false);
  });
});

describe('deploy configuration', () => {
  let target: string;
  let nginx: RunningNginx;
  let report: RunningNginx;
  beforeAll(async () => {
    target = join(work, 'config');
    await publish({ build, target, root: projectRoot });
    nginx = await startNginx(target);
    report = await startNginx(target, { basePath: '/report/' });
  });
  afterAll(async () => {
    await nginx?.stop();
    await report?.stop();
  });

  test('/.deploy answers 404 like every path under it, not a redirect to /.deploy/', async () => {
    for (const [server, path] of [
      [nginx, '.deploy'],
      [nginx, '.deploy/'],
      [report, '.deploy'],
      [report, '.deploy/'],
    ] as const) {
      const response = await get(new URL(path, server.url).href);
      expect(response.status, `${server.url}${path}`).toBe(404);
    }
  });
});
