// Steps that run on the freshly built site, after `astro build` and before it replaces dist/.
// One place for them all: if any step fails, dist/ is left exactly as it was.
//
// Each step: { name, run({ outDir, root, env }) } — `outDir` is the new site's folder (not dist/
// yet); write into it. Throw (or reject) to fail the build. Example, for the PDF edition:
//   { name: 'PDF edition', run: ({ outDir }) => makePdfs({ outDir }) },
// Pagefind (search) is an Astro integration and runs inside `astro build`, so it needs no step.

/** @type {Array<{ name: string, run: (context: { outDir: string, root: string, env: NodeJS.ProcessEnv }) => Promise<void> | void }>} */
export const postBuildSteps = [];
