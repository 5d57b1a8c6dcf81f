import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { describe, expect, test } from 'vitest';
import {
  astroRuntimeModule,
  contentChunkName,
  contentCodeSplitting,
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

  test("leaves everything else to Rolldown: Astro's render wrappers, other files, virtual modules", () => {
    // The wrapper's placeholders are filled once per chunk (the first occurrence): it keeps its own.
    expect(
      contentChunkName(
        '/site/src/content/reports/en/2007.mdx?astroPropagatedAssets',
        contentFolder,
      ),
    ).toBeNull();
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
 * which imports the runtime. Bundled with the site's grouping and Astro's entry signatures.
 */
async function bundleMiniature(outDir: string) {
  const folder = `${contentFolder}/units/en/2016`;
  const entries = ['hotel', 'canteen', 'school'];
  const runtime = '/site/node_modules/astro/dist/runtime/server/index.js';
  const sources = new Map<string, string>([
    [
      '/site/page.js',
      `import { render } from ${JSON.stringify(runtime)};\n` +
        `export const modules = {${entries
          .map(
            (name) =>
              `${name}: () => import(${JSON.stringify(`${folder}/${name}.mdx?astroPropagatedAssets`)})`,
          )
          .join(', ')}};\nexport { render };`,
    ],
    [runtime, `export const render = (name) => 'rendered ' + name;`],
    ...entries.flatMap((name): Array<[string, string]> => [
      [
        `${folder}/${name}.mdx?astroPropagatedAssets`,
        `const collectedLinks = "@@ASTRO-LINKS@@";\n` +
          `export default { collectedLinks, getMod: () => import(${JSON.stringify(`${folder}/${name}.mdx`)}) };`,
      ],
      [
        `${folder}/${name}.mdx`,
        `import { render } from ${JSON.stringify(runtime)};\n` +
          `export const frontmatter = { unit: ${JSON.stringify(name)} };\n` +
          `export default function Content() { return render(${JSON.stringify(name)}); }`,
      ],
    ]),
  ]);
  const virtualFiles: Plugin = {
    name: 'virtual-files',
    resolveId: (id) => (sources.has(id) ? id : null),
    load: (id) => sources.get(id) ?? null,
  };
  const bundle = await rolldown({
    input: { page: '/site/page.js' },
    plugins: [virtualFiles],
    preserveEntrySignatures: 'exports-only',
  });
  const { output } = await bundle.write({
    dir: outDir,
    format: 'esm',
    chunkFileNames: '[name]_[hash].mjs',
    codeSplitting: contentCodeSplitting(contentFolder),
  });
  await bundle.close();
  return { output, entries, folder };
}

describe('the content chunks, bundled by Rolldown', () => {
  test('a folder of MDX modules is one chunk; each wrapper keeps its own; every entry renders itself', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'nianjian-content-chunks-'));
    try {
      const { output, entries, folder } = await bundleMiniature(outDir);
      const chunks = output.flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const chunkOf = (moduleId: string) =>
        chunks.filter((chunk) => chunk.moduleIds.includes(moduleId)).map((chunk) => chunk.name);

      for (const name of entries) {
        expect(chunkOf(`${folder}/${name}.mdx`)).toEqual(['content-units-en-2016']);
      }
      const wrapperChunks = entries.flatMap((name) =>
        chunkOf(`${folder}/${name}.mdx?astroPropagatedAssets`),
      );
      expect(new Set(wrapperChunks).size).toBe(entries.length);
      // Each chunk that carries a placeholder carries exactly one, as Astro's post-build step needs.
      for (const chunk of chunks)
        expect(chunk.code.split('@@ASTRO-LINKS@@').length).toBeLessThanOrEqual(2);
      // Astro's runtime stays out of the content chunk (Rolldown may put its own helpers there).
      const content = chunks.find((chunk) => chunk.name === 'content-units-en-2016');
      const others = content?.moduleIds.filter((id) => !id.startsWith('\0rolldown/'));
      expect(others).toEqual(entries.map((name) => `${folder}/${name}.mdx`).sort());
      expect(chunkOf('/site/node_modules/astro/dist/runtime/server/index.js')).toEqual([
        'astro-runtime',
      ]);

      // Run it: every wrapper still reaches its own entry.
      const page = await import(pathToFileURL(join(outDir, 'page.js')).href);
      for (const name of entries) {
        const wrapper = await page.modules[name]();
        const mod = await wrapper.default.getMod();
        expect(mod.frontmatter).toEqual({ unit: name });
        expect(mod.default()).toBe(`rendered ${name}`);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
