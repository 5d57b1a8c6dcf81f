// Which routes `astro build` rendered and which it reused from its incremental cache
// (`experimental.incrementalBuild`, docs/incremental-build.md), read from its log of the static
// routes phase: one line per output file, `├─ /2007/index.html (+12ms)` when rendered,
// `… (cached)` or `… (restored)` when reused. Used by `npm run bench` and the incremental test.

/**
 * @param {string} output the build's log (colours off)
 * @returns {{ rendered: string[], reused: string[] }} output files, relative to the site (`2007/index.html`)
 */
export function renderedAndReused(output) {
  const at = output.indexOf('generating static routes');
  if (at < 0) return { rendered: [], reused: [] };
  const end = output.indexOf('✓ Completed in', at);
  /** @type {string[]} */
  const rendered = [];
  /** @type {string[]} */
  const reused = [];
  for (const line of output.slice(at, end < 0 ? undefined : end).split('\n')) {
    const match = /├─ \/?(\S+)(.*)$/.exec(line);
    if (!match?.[1]) continue;
    (/\((cached|restored)\)\s*$/.test(match[2] ?? '') ? reused : rendered).push(match[1]);
  }
  return { rendered, reused };
}
