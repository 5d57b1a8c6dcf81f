// Incremental rebuilds (issue 26, docs/incremental-build.md): after each kind of edit, `npm run
// build` reuses from its caches only what the edit did not touch. One fixture copy, changed in
// turn; four builds in all: the first, one after four content edits, a fresh build of the same
// content to compare it with, and one after a UI string and a new year (which every page shows).
// A page Astro reused must be byte-identical to what a fresh build makes; a keyed page whose
// output did not change must have been reused, not rendered.
import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderedAndReused } from '../../scripts/lib/astro-routes-log.mjs';
import { projectRoot } from '../support/build-site';
import { copyProject, edit, removeFixtures, runScript } from '../support/fixture';

afterAll(removeFixtures);

/** Every file of a build with its bytes, the build record (times, paths) left out. */
async function files(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const result = new Map<string, Buffer>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(folder.length + 1);
    if (path === '.deploy/build-info.json') continue;
    result.set(path, await readFile(join(entry.parentPath, entry.name)));
  }
  return result;
}

/** The files that differ between two builds (present in one only, or with other bytes). */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0))).sort();
}

/** The output files Astro's incremental record holds: the routes that return a cacheKey. */
async function keyedFiles(root: string): Promise<Set<string>> {
  const record = JSON.parse(
    await readFile(join(root, 'node_modules', '.astro', 'incremental-build.json'), 'utf8'),
  ) as { routes: Record<string, { paths: Record<string, { outputFile: string }> }> };
  return new Set(
    Object.values(record.routes).flatMap((route) =>
      Object.values(route.paths).map((path) => path.outputFile.replace(/^\//, '')),
    ),
  );
}

async function build(root: string, env: Record<string, string> = {}) {
  const result = await runScript(root, 'scripts/build.mjs', [], env);
  expect(result.code, result.output.slice(-3000)).toBe(0);
  return { ...renderedAndReused(result.output), output: result.output };
}

const markers = {
  report: 'An incremental-build test sentence.',
  unit: 'Pingguo Aluminium Hotel (incremental test)',
  caption: 'An incremental-build test caption.',
  ui: 'Accessibility (incremental test)',
};

describe('npm run build reuses only what an edit did not touch', () => {
  test('after edits of each kind, a rebuild equals a fresh build, and reuses every unchanged keyed page', async () => {
    const root = await copyProject('nianjian-incremental-');
    const dist = join(root, 'dist');
    await build(root);
    const first = await files(dist);

    // Four content edits: a report sentence, a figure value, a unit name, a photo caption.
    await edit(root, 'src/content/reports/en/2007.mdx', /\n*$/, `\n\n${markers.report}\n`);
    await edit(root, 'src/content/metrics/2007.yaml', 'value: 108', 'value: 109');
    await edit(
      root,
      'src/content/units/en/2007/hotel.mdx',
      'name: Pingguo Aluminium Hotel',
      `name: ${markers.unit}`,
    );
    await edit(
      root,
      'src/content/photos/air-volleyball.yaml',
      /^ {2}en: On the afternoon of 18 January.*$/m,
      `  en: ${markers.caption}`,
    );
    const edited = await build(root);
    const second = await files(dist);
    const keyed = await keyedFiles(root);
    expect(keyed.size, 'no route returns a cacheKey: nothing can be reused').toBeGreaterThan(0);

    // Every page that showed what changed shows the change.
    const changed = differences(first, second);
    for (const marker of [markers.report, markers.unit, markers.caption])
      expect(
        changed.filter((path) => second.get(path)?.includes(marker)),
        marker,
      ).not.toEqual([]);
    // No keyed page was rendered for nothing, and none was reused that changed. Known exception:
    // the gallery's pages get whole photo entries as props (both languages' captions), so a
    // Chinese gallery page is rendered again when only an English caption changed (correct, only
    // slower; it goes away when their route data carries the page's language only).
    const changedSet = new Set(changed);
    const photoEntryPages = /^(en\/)?gallery\//;
    expect(
      edited.rendered.filter(
        (path) => keyed.has(path) && !changedSet.has(path) && !photoEntryPages.test(path),
      ),
      'keyed pages rendered although their output did not change',
    ).toEqual([]);
    expect(edited.reused.filter((path) => changedSet.has(path))).toEqual([]);
    expect(edited.reused.length).toBeGreaterThan(0);

    // The same content built from nothing: byte for byte what the rebuild made.
    const incremental = join(root, 'incremental-dist');
    await cp(dist, incremental, { recursive: true });
    await build(root, { NIANJIAN_FRESH: '1' });
    expect(differences(await files(incremental), await files(dist))).toEqual([]);

    // A UI string and a new year: every page shows both (the footer, the year navigation), so
    // nothing may be reused.
    await edit(
      root,
      'src/i18n/en.ts',
      "'footer.accessibility': 'Accessibility'",
      `'footer.accessibility': '${markers.ui}'`,
    );
    const years = join(projectRoot, 'tests', 'fixtures', 'years-3', 'src', 'content');
    for (const file of [
      'reports/zh-cn/2008.mdx',
      'reports/en/2008.mdx',
      'metrics/2008.yaml',
      'units/zh-cn/2008',
      'units/en/2008',
    ])
      await cp(join(years, file), join(root, 'src', 'content', file), { recursive: true });
    const grown = await build(root);
    expect(grown.reused).toEqual([]);
    const third = await files(dist);
    expect(third.has('2008/index.html') && third.has('en/2008/index.html')).toBe(true);
    expect(third.get('en/2007/index.html')?.includes(markers.ui)).toBe(true);
  });
});
