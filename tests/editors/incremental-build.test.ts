// Incremental rebuilds (issue 26, docs/incremental-build.md): after content edits, `npm run build`
// reuses from its caches only what the edits did not touch, and what it makes is byte for byte what
// a fresh build makes. One fixture copy, three builds (there were four):
//   1. F: the four content edits applied, built fresh (NIANJIAN_FRESH=1), the reference;
//   2. O: the edits reverted (the original texts), built incrementally on F's caches;
//   3. E: the edits applied again, built incrementally on O's caches; it must equal F.
// Where each check of the four-build version lives now:
// - a route returns a cacheKey (keyed.size > 0)                 -> step 2
// - every page that showed an edit shows the change (3 markers) -> step 3 (O -> E), and the
//   reverse (the marker is gone again) in step 2 (F -> O)
// - no keyed page rendered whose output did not change (gallery
//   exception), none reused that changed, some reused           -> steps 3 (O -> E) and 2 (F -> O)
// - the rebuild equals a fresh build of the same content        -> step 3 (E equals F)
// - a UI string and a new year: nothing reused, the 2008 pages
//   exist, the new string is on en/2007/                        -> tests/unit/cache-key.test.ts, in-process:
//   a changed dictionary (either language) or another list of years changes every key, and every
//   key in src/ is made by cache-key.ts; that a changed key makes Astro render the page again is
//   proved here (steps 2 and 3). The years-3 e2e site builds the 2008 pages, and a rendered page
//   shows its dictionary's strings (the dictionaries are code, so Astro's module graph also
//   changes with them).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderedAndReused } from '../../scripts/lib/astro-routes-log.mjs';
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
};

/** The files the four content edits change, read before they are edited. */
const editedFiles = [
  'src/content/reports/en/2007.mdx',
  'src/content/metrics/2007.yaml',
  'src/content/units/en/2007/hotel.mdx',
  'src/content/photos/air-volleyball.yaml',
];

/** Four content edits: a report sentence, a figure value, a unit name, a photo caption. */
async function applyEdits(root: string): Promise<void> {
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
}

/**
 * The reuse rules of an incremental build that followed `before`: every page that shows an edit
 * marker (in `shown`) changed; no keyed page was rendered for nothing; none was reused that changed.
 * Known exception: the gallery's pages get whole photo entries as props (both languages'
 * captions), so a Chinese gallery page is rendered again when only an English caption changed
 * (correct, only slower; it goes away when their route data carries the page's language only).
 */
function expectReuseRules(
  step: string,
  before: Map<string, Buffer>,
  after: Map<string, Buffer>,
  shown: Map<string, Buffer>,
  built: { rendered: string[]; reused: string[] },
  keyed: Set<string>,
): void {
  const changed = differences(before, after);
  for (const marker of Object.values(markers))
    expect(
      changed.filter((path) => shown.get(path)?.includes(marker)),
      `${step}: pages showing "${marker}" changed`,
    ).not.toEqual([]);
  // Every page has a key (the 404 pages too, [...lang]/404.astro): a page without one would be
  // rendered on every build, and a rebuild with no change would render it.
  expect(
    built.rendered.filter((path) => !keyed.has(path)),
    `${step}: pages without a cache key, rendered on every build`,
  ).toEqual([]);
  const changedSet = new Set(changed);
  const photoEntryPages = /^(en\/)?gallery\//;
  expect(
    built.rendered.filter(
      (path) => keyed.has(path) && !changedSet.has(path) && !photoEntryPages.test(path),
    ),
    `${step}: keyed pages rendered although their output did not change`,
  ).toEqual([]);
  expect(
    built.reused.filter((path) => changedSet.has(path)),
    `${step}: reused pages that changed`,
  ).toEqual([]);
  expect(built.reused.length, `${step}: nothing reused`).toBeGreaterThan(0);
}

describe('npm run build reuses only what an edit did not touch', () => {
  test('after content edits, a rebuild equals a fresh build, and reuses every unchanged keyed page', async () => {
    const root = await copyProject('nianjian-incremental-');
    const dist = join(root, 'dist');
    const originals = await Promise.all(
      editedFiles.map((file) => readFile(join(root, file), 'utf8')),
    );

    // 1. The edited content from nothing: the reference.
    await applyEdits(root);
    await build(root, { NIANJIAN_FRESH: '1' });
    const fresh = await files(dist);

    // 2. The edits taken back: the pages that showed them change back, the rest is reused.
    await Promise.all(
      editedFiles.map((file, index) => writeFile(join(root, file), originals[index] ?? '')),
    );
    const reverted = await build(root);
    const original = await files(dist);
    const keyed = await keyedFiles(root);
    expect(keyed.size, 'no route returns a cacheKey: nothing can be reused').toBeGreaterThan(0);
    for (const marker of Object.values(markers))
      expect(
        [...original].filter(([, bytes]) => bytes.includes(marker)).map(([path]) => path),
        `"${marker}" is still shown after the edit was taken back`,
      ).toEqual([]);
    expectReuseRules('reverted', fresh, original, fresh, reverted, keyed);

    // 3. The edits again, built on the original's caches: byte for byte the fresh build.
    await applyEdits(root);
    const edited = await build(root);
    const rebuilt = await files(dist);
    expect(differences(fresh, rebuilt), 'the rebuild differs from a fresh build').toEqual([]);
    expectReuseRules('edited', original, rebuilt, rebuilt, edited, await keyedFiles(root));
  });
});
