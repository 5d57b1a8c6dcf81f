// Steps that run on the freshly built site, after `astro build` and before it replaces dist/.
// One place for them all: if any step fails, dist/ is left exactly as it was.
//
// Each step: { name, run({ outDir, root, env, previousSite }) } — `outDir` is the new site's folder
// (not dist/ yet); write into it. `previousSite`: the live dist/, which a step may read to reuse
// work (never write: it is live, and files linked from it are shared); undefined on the first
// build and with NIANJIAN_FRESH=1. Throw (or reject) to fail the build. Example, for the PDF edition:
//   { name: 'PDF edition', run: ({ outDir }) => makePdfs({ outDir }) },
// Pagefind (search) is an Astro integration and runs inside `astro build`, so it needs no step.
import { writeBuildInfo } from './lib/build-info.mjs';
import { writeCspHeader } from './lib/csp-header.mjs';
import { precompress } from './lib/precompress.mjs';

/**
 * @type {Array<{
 *   name: string,
 *   run: (context: {
 *     outDir: string, root: string, env: NodeJS.ProcessEnv,
 *     sources?: import('./lib/build-info.mjs').SourceRecord, previousSite?: string
 *   }) => Promise<void> | void
 * }>}
 */
// Declared empty, then filled: tests/editors/bad-input.test.ts swaps this line to inject a
// failing step.
export const postBuildSteps = [];

postBuildSteps.push(
  // The web server's Content-Security-Policy header, from the pages just built (deploy/nginx.conf).
  { name: 'CSP header', run: async ({ outDir }) => void (await writeCspHeader(outDir)) },
  // .gz and .br copies for the web server to send as they are (deploy/nginx.conf); files whose
  // bytes did not change take the live site's copies.
  {
    name: 'Precompression',
    run: async ({ outDir, previousSite }) => {
      const files = await precompress(outDir, { previous: previousSite });
      const reused = files.filter((file) => file.reused).length;
      console.log(
        `  ${files.length - reused} files compressed, ${reused} unchanged (copies reused)`,
      );
    },
  },
  // Last, so its fingerprint covers every file. `sources`: the fingerprint of the sources taken
  // as the build began (`npm run build`), which `npm run publish` compares with the working tree.
  {
    name: 'Build record',
    run: async ({ outDir, root, env, sources }) =>
      void (await writeBuildInfo({
        outDir,
        root,
        env,
        startedAt: new Date(performance.timeOrigin),
        sources,
      })),
  },
);
