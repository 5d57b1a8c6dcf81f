import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The query Astro gives the wrapper of a content entry's `render()` module: the content layer
 * imports `…/2016.mdx?astroPropagatedAssets`, a small module holding the entry's styles and links
 * (filled in after bundling) and a dynamic import of `…/2016.mdx` itself.
 */
export const wrapperQuery = '?astroPropagatedAssets';

/**
 * The server chunk a module of the build goes in when it is a content MDX file or its wrapper: one
 * chunk per content folder (`content-units-en-2016`, `content-reports-zh-cn`), null for every other
 * module.
 *
 * Why: Rolldown makes one chunk per dynamically imported module, and Astro's content collections
 * import each entry's wrapper dynamically, which imports the MDX module dynamically, so the
 * 10-year corpus (1,220 MDX files) came out as 2,513 server chunks. Every chunk costs Rolldown's
 * JavaScript plugin hooks (`renderChunk`, and `generateBundle` materialises the whole bundle once
 * per plugin) and a file write (docs/incremental-build.md has the measures). What a page shows does
 * not depend on the chunks: Astro's incremental build hashes modules, not chunks, and the server
 * chunks are deleted once the pages are written.
 */
export function contentChunkName(moduleId: string, contentFolder: string): string | null {
  const id = moduleId.replace(/\\/g, '/');
  const path = id.endsWith(wrapperQuery) ? id.slice(0, -wrapperQuery.length) : id;
  const folder = `${contentFolder.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  if (
    !path.startsWith(folder) ||
    !path.endsWith('.mdx') ||
    path.includes('?') ||
    path.includes('\0')
  ) {
    return null;
  }
  const parts = path.slice(folder.length).split('/').slice(0, -1);
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
        // A name function gets no label of its own in Rolldown's timing report (it warns without).
        debugName: 'content-folders',
        name: (moduleId: string) => contentChunkName(moduleId, contentFolder),
        test: (moduleId: string) => contentChunkName(moduleId, contentFolder) !== null,
      },
    ],
  };
}

/**
 * The two placeholders of a wrapper, as they stand in its code (Astro's `content/consts.js`, not
 * exported). After bundling, Astro's `contentAssetsBuildPostHook` replaces them in each chunk that
 * holds them with the styles and links of all the chunk's modules, with `String.replace`: the
 * first occurrence only. A chunk with one wrapper per entry of a folder therefore needs them once.
 */
export const wrapperPlaceholders = ['"@@ASTRO-LINKS@@"', '"@@ASTRO-STYLES@@"'] as const;

/** Astro's test for a style module (`CSS_LANGS_RE` in `core/viteUtils.js`). */
const styleModule = /\.(css|less|sass|scss|styl|stylus|pcss|postcss|sss)(?:$|\?)/;

/** What Rolldown's plugin context tells about a module: the part used here. */
type ModuleGraph = (id: string) => { importedIds: readonly string[] } | null;

/**
 * The first style module statically imported by any of `moduleIds` or by what they import, if any
 * (one walk for them all: the runtime they share is read once).
 */
export function firstStyleImport(
  moduleIds: readonly string[],
  moduleInfo: ModuleGraph,
): string | undefined {
  const seen = new Set<string>(moduleIds);
  const pending = [...moduleIds];
  for (const id of pending) {
    for (const imported of moduleInfo(id)?.importedIds ?? []) {
      if (styleModule.test(imported)) return imported;
      if (!seen.has(imported)) {
        seen.add(imported);
        pending.push(imported);
      }
    }
  }
  return undefined;
}

/**
 * A content chunk's code with each wrapper placeholder declared once at the top and every wrapper
 * reading that declaration, so that Astro fills all of them (null when the chunk holds no wrapper).
 * Astro then fills it with the styles and links of the whole folder; that equals each entry's own
 * only because no entry has any (content MDX imports nothing: src/integrations/mdx-guard.ts), so
 * a chunk whose MDX reaches a style module stops the build, as does a chunk whose placeholders are
 * not one of each per wrapper (an Astro that fills them differently).
 */
export function shareWrapperPlaceholders(
  code: string,
  moduleIds: readonly string[],
  moduleInfo: ModuleGraph,
): string | null {
  const wrappers = moduleIds.filter((id) => id.endsWith(wrapperQuery));
  if (wrappers.length === 0) return null;
  const style = firstStyleImport(moduleIds, moduleInfo);
  if (style) {
    throw new Error(
      `内容文件引入了样式（${style}），按文件夹合并的构建块无法为每篇内容分别带上样式。` +
        `Content imports a style (${style}); content chunks (src/integrations/content-chunks.ts) ` +
        `cannot give each entry its own styles: remove the import, or stop grouping content.`,
    );
  }
  let shared = code;
  const declarations: string[] = [];
  wrapperPlaceholders.forEach((placeholder, index) => {
    const found = code.split(placeholder).length - 1;
    if (found !== wrappers.length) {
      throw new Error(
        `content-chunks: ${wrappers.length} 个内容包装模块，但占位符 ${placeholder} 出现 ${found} 次：` +
          `Astro 填写占位符的方式变了，请更新 src/integrations/content-chunks.ts。` +
          `${wrappers.length} content wrappers but ${found} of ${placeholder}: Astro fills its ` +
          `placeholders differently now; update src/integrations/content-chunks.ts.`,
      );
    }
    const name = `__nianjianContentPlaceholder${index}`;
    declarations.push(`const ${name} = ${placeholder};`);
    shared = shared.split(placeholder).join(name);
  });
  return `${declarations.join('\n')}\n${shared}`;
}

/**
 * Groups the content MDX modules of `astro build`, and their wrappers, into one server chunk per
 * content folder (contentChunkName above), and makes each chunk's wrapper placeholders one
 * (shareWrapperPlaceholders). Development is left as it is: it does not bundle.
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
            plugins: [
              {
                name: 'nianjian:content-chunk-placeholders',
                apply: 'build',
                renderChunk(code, chunk) {
                  const grouped = chunk.moduleIds.filter(
                    (id) => contentChunkName(id, contentFolder) !== null,
                  );
                  if (grouped.length === 0) return null;
                  const shared = shareWrapperPlaceholders(code, grouped, (id) =>
                    this.getModuleInfo(id),
                  );
                  return shared === null ? null : { code: shared, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
