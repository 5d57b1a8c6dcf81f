#!/usr/bin/env node
// npm run build: check the content, build the site into a temporary folder, run the post-build
// steps (scripts/build-steps.mjs), and only then replace dist/. If anything fails, dist/ is left
// byte-for-byte as it was, and the output says so. Extra arguments go to `astro build`.
// (`npx astro build` still works on its own, without these guarantees.)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { postBuildSteps } from './build-steps.mjs';
import { explainAstroFailure } from './lib/astro-errors.mjs';
import { projectRoot } from './lib/load-ts.mjs';

const root = projectRoot;
const dist = join(root, 'dist');
const staging = join(root, '.dist-tmp');
const previous = join(root, '.dist-old');
const astroCli = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

function run(args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'] });
    let output = '';
    const tee = (stream, target) => stream?.on('data', (chunk) => ((output += chunk.toString()), target.write(chunk)));
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function fail(what, extra = []) {
  await rm(staging, { recursive: true, force: true });
  const kept = existsSync(dist) ? 'dist/ 保持原样，没有任何改动。dist/ was left exactly as it was.' : '没有生成 dist/。No dist/ was written.';
  console.error(['', ...extra, `✗ 构建失败（${what.zh}）。Build failed (${what.en}).`, `  ${kept}`].join('\n'));
  process.exit(1);
}

const started = performance.now();
await rm(staging, { recursive: true, force: true });

console.log('1/3 内容检查 Checking content…');
const check = await run([join(root, 'scripts', 'check.mjs')]);
if (check.code !== 0) await fail({ zh: '内容有误，见上', en: 'content problems, listed above' });

console.log('2/3 构建网站 Building the site…');
const build = await run([astroCli, 'build', '--outDir', staging, ...process.argv.slice(2)], { capture: true });
if (build.code !== 0) await fail({ zh: 'astro build 出错，见上', en: 'astro build reported an error, above' }, await explainAstroFailure(build.output, root));

for (const [index, step] of postBuildSteps.entries()) {
  console.log(`3/3 (${index + 1}/${postBuildSteps.length}) ${step.name}…`);
  try {
    await step.run({ outDir: staging, root, env: process.env });
  } catch (error) {
    await fail({ zh: `“${step.name}”步骤出错`, en: `step "${step.name}" failed` }, [String(error instanceof Error ? error.stack ?? error.message : error)]);
  }
}

// Swap: two renames, so dist/ is either the old site or the new one, never a mix.
await rm(previous, { recursive: true, force: true });
if (existsSync(dist)) await rename(dist, previous);
try {
  await rename(staging, dist);
} catch (error) {
  if (existsSync(previous)) await rename(previous, dist);
  await fail({ zh: '无法替换 dist/', en: 'could not replace dist/' }, [String(error)]);
}
await rm(previous, { recursive: true, force: true });
console.log(`✓ 构建完成，dist/ 已更新（${((performance.now() - started) / 1000).toFixed(0)} 秒）。Build complete: dist/ updated.`);
// Without SITE_URL, canonical links, hreflang, the sitemap and share images (og:image) point at
// localhost: fine for a preview, wrong on a server. Say so last, where it is seen.
if (!process.env.SITE_URL) {
  console.warn(
    [
      '',
      '⚠ 警告：未设置 SITE_URL。规范链接、站点地图和分享图片（og:image）都指向 http://localhost:4321，部署前请用 SITE_URL=https://… npm run build 重新构建。',
      '⚠ WARNING: SITE_URL is not set. Canonical links, the sitemap and share images (og:image) point at http://localhost:4321; before deploying, build again with SITE_URL=https://… npm run build.',
    ].join('\n'),
  );
}
