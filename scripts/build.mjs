#!/usr/bin/env node
// npm run build: check the content, build the site into a temporary folder, run the post-build
// steps (scripts/build-steps.mjs), and only then replace dist/. If anything fails, dist/ is left
// byte-for-byte as it was, and the output says so. Extra arguments go to `astro build`.
// (`npx astro build` still works on its own, without these guarantees.)
// One build at a time: a lock file (.build.lock) makes a second `npm run build` stop with a message
// instead of breaking the first; a lock left by a build that died is taken over. A build that
// starts after one was killed half-way through the swap puts the previous dist/ back first.
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { postBuildSteps } from './build-steps.mjs';
import { explainAstroFailure } from './lib/astro-errors.mjs';
import { sourceFingerprint } from './lib/build-info.mjs';
import { takeLockFile } from './lib/lock-file.mjs';
import { projectRoot } from './lib/load-ts.mjs';
import {
  killGroupSync,
  renderingStarted,
  signalGroup,
  startNode,
  stopAstro,
} from './lib/side-by-side.mjs';

const root = projectRoot;
const dist = join(root, 'dist');
const staging = join(root, '.dist-tmp');
const previous = join(root, '.dist-old');
const astroCli = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const lockFile = join(root, '.build.lock');
/** A lock older than this is stale whatever its process: no build takes two hours. */
const staleLockMs = 2 * 60 * 60 * 1000;

/**
 * Takes the build lock, or stops with a message if another build holds it (scripts/lib/lock-file.mjs:
 * a lock whose process is gone, or older than `staleLockMs`, is taken over).
 */
function takeLock() {
  const lock = takeLockFile(lockFile, {
    staleMs: staleLockMs,
    onTakeOver: (holder) =>
      console.log(
        `  上次构建（进程 ${String(holder?.pid ?? '?')}）没有正常结束，接管它留下的锁。` +
          `The last build (process ${String(holder?.pid ?? '?')}) did not finish; taking over its lock.`,
      ),
  });
  if (lock.status === 'taken') {
    process.on('exit', lock.release);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
      process.on(signal, () => process.exit(130));
    return;
  }
  if (lock.status === 'held') {
    const { holder, sameHost } = lock;
    const pid = String(holder?.pid ?? '?');
    const started = String(holder?.started ?? '?');
    console.error(
      [
        `✗ 另一个构建正在运行（进程 ${pid}，开始于 ${started}）。等它结束后再运行 npm run build。`,
        `  Another build is running (process ${pid}${sameHost ? '' : ` on ${String(holder?.host)}`}, ` +
          `started ${started}). Run npm run build again when it has finished.`,
        `  dist/ 没有任何改动。dist/ was not touched. (If no build is running, delete ${lockFile}.)`,
      ].join('\n'),
    );
    process.exit(1);
  }
  console.error(`✗ 无法获得构建锁 ${lockFile}。Could not take the build lock.`);
  process.exit(1);
}

function rmSync(path) {
  try {
    unlinkSync(path);
  } catch {
    // another build took it first: the next attempt says so
  }
}

/**
 * Undoes what an interrupted build left: a swap killed between its two renames leaves the old
 * site in .dist-old and no dist/ (put it back); staging folders are removed.
 */
async function recoverInterruptedBuild() {
  if (!existsSync(dist) && existsSync(previous)) {
    await rename(previous, dist);
    console.log(
      '  上次构建在替换 dist/ 时中断，已恢复原来的 dist/。' +
        'The last build was interrupted while replacing dist/: the previous dist/ is restored.',
    );
  }
  for (const name of await readdir(root)) {
    if (name === '.dist-old' || name === '.dist-tmp' || name.startsWith('.dist-tmp-'))
      await rm(join(root, name), { recursive: true, force: true });
  }
}

async function fail(what, extra = []) {
  await rm(staging, { recursive: true, force: true });
  const kept = existsSync(dist)
    ? 'dist/ 保持原样，没有任何改动。dist/ was left exactly as it was.'
    : '没有生成 dist/。No dist/ was written.';
  console.error(
    ['', ...extra, `✗ 构建失败（${what.zh}）。Build failed (${what.en}).`, `  ${kept}`].join('\n'),
  );
  process.exit(1);
}

const started = performance.now();
takeLock();
await recoverInterruptedBuild();
// What this build is made from, before anything reads it: an edit made while it runs is not in it.
const sources = await sourceFingerprint(root);

/** One line per phase with its time, which `npm run bench` reads ("✓ phase Precompression: 1.23 s"). */
const timed = async (name, work) => {
  const phaseStarted = performance.now();
  const result = await work();
  console.log(`  ✓ phase ${name}: ${((performance.now() - phaseStarted) / 1000).toFixed(2)} s`);
  return result;
};
// NIANJIAN_FRESH=1: a full build. Astro ignores its incremental cache (`--force` also clears the
// content store) and the post-build steps reuse nothing from the previous dist/.
const fresh = process.env.NIANJIAN_FRESH === '1';

// The content check and `astro build` run side by side (scripts/lib/side-by-side.mjs): both must
// succeed. The check's output is printed alone when it ends; Astro's is held back until then.
console.log('1/3 内容检查，同时构建网站 Checking content while building the site…');
const astroArgs = [
  'build',
  '--outDir',
  staging,
  ...(fresh ? ['--force'] : []),
  ...process.argv.slice(2),
];
// Under the lock, so Astro's incremental build may reuse pages (astro.config.mjs).
process.env.NIANJIAN_BUILD_LOCKED = '1';
const sideBySideStarted = performance.now();
/** @type {Array<[Buffer, 'stdout' | 'stderr']> | undefined} Astro's output until the check passed. */
let heldAstroOutput = [];
/** Whether Astro is paused before writing pages, waiting for the check (side-by-side.mjs says why). */
let astroPaused = false;
/** When Astro was paused (`performance.now()`), if it was. */
let pausedAt = 0;
const astro = startNode([astroCli, ...astroArgs], {
  cwd: root,
  group: true,
  onOutput: (chunk, stream) => {
    if (!heldAstroOutput) return void process[stream].write(chunk);
    heldAstroOutput.push([chunk, stream]);
    if (!astroPaused && astro.output().includes(renderingStarted)) {
      astroPaused = signalGroup(astro.child.pid, 'SIGSTOP');
      pausedAt = performance.now();
    }
  },
});
process.on('exit', () => killGroupSync(astro));
// In the environment `npm run check` has on its own: without the build's lock flag.
const { NIANJIAN_BUILD_LOCKED: _lockFlag, ...checkEnv } = process.env;
const checkRun = startNode([join(root, 'scripts', 'check.mjs')], { cwd: root, env: checkEnv });
const check = await checkRun.done;
const checkEnded = performance.now();
process.stdout.write(check.output);
if (check.code !== 0) {
  const astroEnd = await stopAstro(astro);
  if (astroEnd === 'finished')
    console.log(
      '  （网站已开始写入页面，已让它完成，以保持构建缓存一致；结果不会发布。）' +
        '(Astro had begun writing pages, so it was let finish, keeping its cache consistent; its ' +
        'result is not published.)',
    );
  await fail({ zh: '内容有误，见上', en: 'content problems, listed above' });
}
console.log(
  `  ✓ 内容检查用时 ${((checkEnded - sideBySideStarted) / 1000).toFixed(2)} 秒，与构建同时进行。` +
    `Content check: ${((checkEnded - sideBySideStarted) / 1000).toFixed(2)} s, beside astro build.`,
);
console.log('2/3 构建网站 Building the site…');
for (const [chunk, stream] of heldAstroOutput) process[stream].write(chunk);
heldAstroOutput = undefined;
if (astroPaused) signalGroup(astro.child.pid, 'SIGCONT');
const build = await astro.done;
const astroEnded = performance.now();
// The phases `npm run bench` adds up to the wall time: the check costs what Astro waited for it
// (paused before its pages) or the build after Astro ended; nothing while it is the shorter.
const waitedForCheck = astroPaused ? checkEnded - pausedAt : Math.max(0, checkEnded - astroEnded);
console.log(`  ✓ phase Content check: ${(waitedForCheck / 1000).toFixed(2)} s`);
console.log(
  `  ✓ phase astro build: ${((astroEnded - sideBySideStarted - waitedForCheck) / 1000).toFixed(2)} s`,
);
if (build.code !== 0)
  await fail(
    { zh: 'astro build 出错，见上', en: 'astro build reported an error, above' },
    await explainAstroFailure(build.output, root),
  );

// What the post-build steps may reuse: the live site, unless this is a fresh build.
const previousSite = !fresh && existsSync(dist) ? dist : undefined;
for (const [index, step] of postBuildSteps.entries()) {
  console.log(`3/3 (${index + 1}/${postBuildSteps.length}) ${step.name}…`);
  try {
    await timed(step.name, () =>
      step.run({ outDir: staging, root, env: process.env, sources, previousSite }),
    );
  } catch (error) {
    await fail({ zh: `“${step.name}”步骤出错`, en: `step "${step.name}" failed` }, [
      String(error instanceof Error ? (error.stack ?? error.message) : error),
    ]);
  }
}

// Swap: two renames, so dist/ is either the old site or the new one, never a mix.
await rm(previous, { recursive: true, force: true });
if (existsSync(dist)) await rename(dist, previous);
// Test hook (tests/editors/build-lock.test.ts): stop between the two renames, where a kill hurts most.
if (process.env.NIANJIAN_TEST_SWAP_PAUSE) {
  writeFileSync(process.env.NIANJIAN_TEST_SWAP_PAUSE, String(process.pid));
  await new Promise((resolve) => setTimeout(resolve, 120_000));
}
try {
  await rename(staging, dist);
} catch (error) {
  if (existsSync(previous)) await rename(previous, dist);
  await fail({ zh: '无法替换 dist/', en: 'could not replace dist/' }, [String(error)]);
}
await rm(previous, { recursive: true, force: true });
console.log(
  `✓ 构建完成，dist/ 已更新（${((performance.now() - started) / 1000).toFixed(1)} 秒）。Build complete: dist/ updated.`,
);
// Without SITE_URL, canonical links, hreflang, the sitemap and share images (og:image) point at
// localhost: fine for a preview, wrong on a server. Say so last, where it is seen.
if (!process.env.SITE_URL) {
  console.warn(
    [
      '',
      '⚠ 警告：未设置 SITE_URL。规范链接、站点地图和分享图片（og:image）都指向 http://localhost:4321，' +
        '部署前请用 SITE_URL=https://… npm run build 重新构建。',
      '⚠ WARNING: SITE_URL is not set. Canonical links, the sitemap and share images (og:image) ' +
        'point at http://localhost:4321; before deploying, build again with SITE_URL=https://… npm run build.',
    ].join('\n'),
  );
}
