import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { describe, expect, test } from 'vitest';
import {
  astroRuntimeModule,
  contentChunkName,
  contentCodeSplitting,
  shareWrapperPlaceholders,
  wrapperQuery,
} from '../../src/integrations/content-chunks';

const contentFolder = '/site/src/content';

describe('contentChunkName', () => {
  test('one chunk per content folder, named after the folder', () => {
    expect(contentChunkName('/site/src/content/units/en/2016/hotel.mdx', contentFolder)).toBe(
      'content-units-en-2016',
    );
    expect(contentChunkName('/site/src/content/units/en/2016/canteen.mdx', contentFolder)).toBe(
      'content-units-en-2016',
    );
    expect(contentChunkName('/site/src/content/reports/zh-cn/2007.mdx', contentFolder)).toBe(
      'content-reports-zh-cn',
    );
    expect(
      contentChunkName('C:\\site\\src\\content\\reports\\en\\2007.mdx', 'C:\\site\\src\\content\\'),
    ).toBe('content-reports-en');
  });

  test("an entry and its wrapper share the folder's chunk; other files and queries are left to Rolldown", () => {
    expect(
      contentChunkName(
        '/site/src/content/reports/en/2007.mdx?astroPropagatedAssets',
        contentFolder,
      ),
    ).toBe('content-reports-en');
    expect(contentChunkName('/site/src/content/reports/en/2007.mdx?raw', contentFolder)).toBeNull();
    expect(contentChunkName('/site/src/content/metrics/2007.yaml', contentFolder)).toBeNull();
    expect(contentChunkName('/site/src/pages/about.mdx', contentFolder)).toBeNull();
    expect(contentChunkName('/site/src/content-extra/a.mdx', contentFolder)).toBeNull();
    expect(contentChunkName('\0/site/src/content/reports/en/2007.mdx', contentFolder)).toBeNull();
  });

  test("the runtime group matches Astro's server runtime and JSX runtime only", () => {
    expect(astroRuntimeModule.test('/n/node_modules/astro/dist/runtime/server/index.js')).toBe(
      true,
    );
    expect(astroRuntimeModule.test('/n/node_modules/astro/dist/jsx-runtime/index.js')).toBe(true);
    expect(astroRuntimeModule.test('/n/node_modules/astro/dist/core/build/static-build.js')).toBe(
      false,
    );
  });
});

/**
 * A miniature of the modules Astro bundles for content: a page importing the runtime, the content
 * module map importing each entry's `?astroPropagatedAssets` wrapper, which imports the MDX module,
 * which imports the runtime. Bundled with the site's grouping, its placeholder step and Astro's
 * entry signatures; then Astro's post-build step is replayed: in each chunk holding a placeholder,
 * the first occurrence of each is replaced (`contentAssetsBuildPostHook`).
 */
async function bundleMiniature(outDir: string, extraSource: Record<string, string> = {}) {
  const folder = `${contentFolder}/units/en/2016`;
  const entries = ['hotel', 'canteen', 'school'];
  const runtime = '/site/node_modules/astro/dist/runtime/server/index.js';
  const wrapper = (name: string) => `${folder}/${name}.mdx${wrapperQuery}`;
  const sources = new Map<string, string>([
    [
      '/site/page.js',
      `import { render } from ${JSON.stringify(runtime)};\n` +
        `export const modules = {${entries
          .map((name) => `${name}: () => import(${JSON.stringify(wrapper(name))})`)
          .join(', ')}};\nexport { render };`,
    ],
    [runtime, `export const render = (name) => 'rendered ' + name;`],
    ...entries.flatMap((name): Array<[string, string]> => [
      [
        wrapper(name),
        `const collectedLinks = "@@ASTRO-LINKS@@";\nconst collectedStyles = "@@ASTRO-STYLES@@";\n` +
          `export default { collectedLinks, collectedStyles, ` +
          `getMod: () => import(${JSON.stringify(`${folder}/${name}.mdx`)}) };`,
      ],
      [
        `${folder}/${name}.mdx`,
        extraSource[name] ??
          `import { render } from ${JSON.stringify(runtime)};\n` +
            `export const frontmatter = { unit: ${JSON.stringify(name)} };\n` +
            `export default function Content() { return render(${JSON.stringify(name)}); }`,
      ],
    ]),
    ['/site/src/styles/unit.css', `export default 'p { color: red }';`],
  ]);
  const virtualFiles: Plugin = {
    name: 'virtual-files',
    resolveId: (id) => (sources.has(id) ? id : null),
    // As Vite serves it: a style module becomes JavaScript before Rolldown bundles it.
    load: (id) => {
      const code = sources.get(id);
      return code === undefined ? null : { code, moduleType: 'js' };
    },
  };
  const placeholders: Plugin = {
    name: 'placeholders',
    renderChunk(code, chunk) {
      const grouped = chunk.moduleIds.filter((id) => contentChunkName(id, contentFolder) !== null);
      const shared = shareWrapperPlaceholders(code, grouped, (id) => this.getModuleInfo(id));
      return shared === null ? null : { code: shared, map: null };
    },
  };
  const bundle = await rolldown({
    input: { page: '/site/page.js' },
    plugins: [virtualFiles, placeholders],
    preserveEntrySignatures: 'exports-only',
  });
  try {
    const { output } = await bundle.write({
      dir: outDir,
      format: 'esm',
      chunkFileNames: '[name]_[hash].mjs',
      codeSplitting: contentCodeSplitting(contentFolder),
    });
    for (const file of output) {
      if (file.type !== 'chunk' || !file.code.includes('@@ASTRO-LINKS@@')) continue;
      const filled = file.code
        .replace('"@@ASTRO-LINKS@@"', '[]')
        .replace('"@@ASTRO-STYLES@@"', '[]');
      await writeFile(join(outDir, file.fileName), filled);
    }
    return { output, entries, folder, wrapper };
  } finally {
    await bundle.close();
  }
}

describe('the content chunks, bundled by Rolldown', () => {
  test("a folder's MDX modules and wrappers are one chunk, the runtime its own; each entry renders", async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'nianjian-content-chunks-'));
    try {
      const { output, entries, folder, wrapper } = await bundleMiniature(outDir);
      const chunks = output.flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const chunkOf = (moduleId: string) =>
        chunks.filter((chunk) => chunk.moduleIds.includes(moduleId)).map((chunk) => chunk.name);

      for (const name of entries) {
        expect(chunkOf(`${folder}/${name}.mdx`)).toEqual(['content-units-en-2016']);
        expect(chunkOf(wrapper(name))).toEqual(['content-units-en-2016']);
      }
      // Each placeholder once in the chunk, as Astro's post-build step fills only the first.
      const content = chunks.find((chunk) => chunk.name === 'content-units-en-2016');
      expect(content?.code.split('"@@ASTRO-LINKS@@"').length).toBe(2);
      expect(content?.code.split('"@@ASTRO-STYLES@@"').length).toBe(2);
      // Astro's runtime stays out of the content chunk (Rolldown may put its own helpers there).
      const others = content?.moduleIds.filter((id) => !id.startsWith('\0rolldown/'));
      expect(others?.sort()).toEqual(
        entries.flatMap((name) => [`${folder}/${name}.mdx`, wrapper(name)]).sort(),
      );
      expect(chunkOf('/site/node_modules/astro/dist/runtime/server/index.js')).toEqual([
        'astro-runtime',
      ]);

      // Run it, placeholders filled as Astro does: every wrapper has its (empty) styles and links
      // and reaches its own entry.
      const page = await import(pathToFileURL(join(outDir, 'page.js')).href);
      for (const name of entries) {
        const wrapped = (await page.modules[name]()).default;
        expect(wrapped.collectedLinks).toEqual([]);
        expect(wrapped.collectedStyles).toEqual([]);
        const mod = await wrapped.getMod();
        expect(mod.frontmatter).toEqual({ unit: name });
        expect(mod.default()).toBe(`rendered ${name}`);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  test('content that imports a style stops the build: the folder would share its styles', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'nianjian-content-chunks-'));
    try {
      const styled = `import '/site/src/styles/unit.css';\nexport default function Content() { return ''; }`;
      await expect(bundleMiniature(outDir, { canteen: styled })).rejects.toThrow(
        /Content imports a style \(\/site\/src\/styles\/unit\.css\)/,
      );
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe('shareWrapperPlaceholders', () => {
  const noImports = () => ({ importedIds: [] });
  const wrappers = ['/s/a.mdx?astroPropagatedAssets', '/s/b.mdx?astroPropagatedAssets'];
  const code = ['a', 'b']
    .map((name) => `const l_${name} = "@@ASTRO-LINKS@@"; const s_${name} = "@@ASTRO-STYLES@@";`)
    .join('\n');

  test('declares each placeholder once and points every wrapper at it', () => {
    const shared = shareWrapperPlaceholders(code, wrappers, noImports) ?? '';
    expect(shared.split('"@@ASTRO-LINKS@@"').length).toBe(2);
    expect(shared.split('"@@ASTRO-STYLES@@"').length).toBe(2);
    expect(shared).toContain('const l_b = __nianjianContentPlaceholder0;');
    expect(shared).toContain('const s_a = __nianjianContentPlaceholder1;');
  });

  test('leaves a chunk without wrappers alone', () => {
    expect(shareWrapperPlaceholders('export const x = 1;', ['/s/a.mdx'], noImports)).toBeNull();
  });

  test('stops the build when the placeholders are not one of each per wrapper (Astro changed)', () => {
    const changed = code.replaceAll('@@ASTRO-LINKS@@', '@@ASTRO-LINKS-V2@@');
    expect(() => shareWrapperPlaceholders(changed, wrappers, noImports)).toThrow(
      /2 content wrappers but 0 of "@@ASTRO-LINKS@@"/,
    );
  });
});
