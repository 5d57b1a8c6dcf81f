import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The server chunk a module of the build goes in when it is a content MDX file: one chunk per
 * content folder (`content-units-en-2016`, `content-reports-zh-cn`), null for every other module.
 *
 * Why: Rolldown makes one chunk per dynamically imported module, and Astro's content collections
 * import each entry's `render()` module dynamically, so the 10-year corpus (1,220 MDX files) came
 * out as 2,513 server chunks. Every chunk costs Rolldown's JavaScript plugin hooks (`renderChunk`,
 * and `generateBundle` materialises the whole bundle once per plugin) and a file write; grouping
 * the MDX modules by folder cut the server bundle's CPU time by a fifth (docs/incremental-build.md).
 *
 * Only the MDX module itself (`…/2016.mdx`, no query) is grouped. Its `?astroPropagatedAssets`
 * wrapper must keep a chunk of its own: after bundling, Astro fills the wrapper's style and link
 * placeholders once per chunk with `String.replace` (the first occurrence only, in
 * `contentAssetsBuildPostHook`), so a second wrapper in the same chunk would keep a placeholder.
 * What a page shows does not depend on the chunks: Astro's incremental build hashes modules, not
 * chunks, and the server chunks are deleted once the pages are written.
 */
export function contentChunkName(moduleId: string, contentFolder: string): string | null {
  const id = moduleId.replace(/\\/g, '/');
  const folder = `${contentFolder.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  if (!id.startsWith(folder) || !id.endsWith('.mdx') || id.includes('?') || id.includes('\0')) {
    return null;
  }
  const parts = id.slice(folder.length).split('/').slice(0, -1);
  // Folder names become a file name: keep them to safe characters, as content folders already are.
  const safe = parts.map((part) => part.replace(/[^A-Za-z0-9_-]/g, '_'));
  return ['content', ...safe].join('-');
}

/**
 * Astro's server runtime, which every MDX module imports (`astro/jsx-runtime`,
 * `astro/runtime/server/index.js`). Rolldown puts a group's static dependencies in the group's
 * chunk (`includeDependenciesRecursively`, which cannot be turned off with Astro's
 * `preserveEntrySignatures: 'exports-only'`), so without a group of its own the runtime would land
 * in the first content chunk and every page would import it from there.
 */
export const astroRuntimeModule =
  /[\\/]node_modules[\\/]astro[\\/]dist[\\/](?:runtime[\\/]server|jsx-runtime)[\\/]/;

/** Rolldown's `output.codeSplitting` option that puts content MDX modules in one chunk per folder. */
export function contentCodeSplitting(contentFolder: string) {
  return {
    groups: [
      // Taken first (higher priority), with the modules it imports.
      { name: 'astro-runtime', test: astroRuntimeModule, priority: 1 },
      {
        name: (moduleId: string) => contentChunkName(moduleId, contentFolder),
        test: (moduleId: string) => contentChunkName(moduleId, contentFolder) !== null,
      },
    ],
  };
}

/**
 * Groups the content MDX modules of `astro build` into one server chunk per content folder
 * (contentChunkName above). Development is left as it is: it does not bundle.
 */
export function contentChunks(): AstroIntegration {
  return {
    name: 'nianjian:content-chunks',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        const contentFolder = fileURLToPath(new URL('content/', config.srcDir));
        updateConfig({
          vite: {
            build: {
              rolldownOptions: { output: { codeSplitting: contentCodeSplitting(contentFolder) } },
            },
          },
        });
      },
    },
  };
}
