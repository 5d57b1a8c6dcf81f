#!/usr/bin/env node
// npm run publish -- <target-dir> [--keep 5] [--from dist]
// npm run publish -- <target-dir> --rollback
// Puts the build into a new release folder under <target-dir>/releases/, verifies it file by file,
// then switches <target-dir>/current to it atomically; --rollback switches back to the release that
// was live before (<target-dir>/history.json). One publish at a time (<target-dir>/.publish.lock).
// The web server serves <target-dir>/current (deploy/nginx.conf). See scripts/lib/releases.mjs.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './lib/load-ts.mjs';
import { PublishError, publish, rollback } from './lib/releases.mjs';

const usage = `用法 Usage:
  npm run publish -- <target-dir> [--keep 5] [--from dist]   发布 dist/ 为新版本并上线 publish dist/ as the live release
  npm run publish -- <target-dir> --rollback                 回滚到之前上线的版本 switch back to the release live before`;

const reloadHint = (/** @type {boolean} */ changed) =>
  changed
    ? '! 新版本的 CSP 响应头不同：请立即重新加载 nginx（nginx -t && systemctl reload nginx）。\n' +
      '! This release has a different CSP header: reload nginx now (nginx -t && systemctl reload nginx).'
    : '  CSP 响应头未变，无需重新加载 nginx。The CSP header is unchanged; nginx needs no reload.';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rollback: { type: 'boolean' }, keep: { type: 'string' }, from: { type: 'string' } },
  });
  const [target] = positionals;
  if (!target || positionals.length > 1) throw new PublishError(usage);
  if (values.rollback) {
    const { from, to, cspChanged, basis } = await rollback({
      target: resolve(target),
      log: (line) => console.log(line),
    });
    console.log(
      `✓ 已回滚 Rolled back: current -> releases/${to} (was ${from}); ` +
        (basis === 'history'
          ? `${to} 是 ${from} 之前上线的版本 was live before ${from} (history.json)`
          : `没有发布历史，按名称回到前一个版本 no publish history: the release before by name`),
    );
    console.log(reloadHint(cspChanged));
  } else {
    const keep = values.keep === undefined ? 5 : Number(values.keep);
    const result = await publish({
      build: resolve(values.from ?? resolve(projectRoot, 'dist')),
      target: resolve(target),
      root: projectRoot,
      keep,
      log: (line) => console.log(line),
    });
    console.log(
      `✓ 发布完成 Published ${result.info.siteUrl}` +
        `${result.info.basePath === '/' ? '' : result.info.basePath.replace(/\/$/, '')} ` +
        `(commit ${result.info.commit}, built ${result.info.builtAt})`,
    );
    console.log(reloadHint(result.cspChanged || result.previous === undefined));
  }
} catch (error) {
  if (!(error instanceof PublishError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
