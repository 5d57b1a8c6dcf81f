// Copies of the project (bench corpora, screenshot and test fixtures) share its installed packages.
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a copy of the project needs to check and build (no tests, no dist, no caches). It must be
 * built as the project is: `package-lock.json` names the installed libraries, and the chart
 * drawings' cache (src/build-cache/drawing-cache.ts) is off without it, so a copy without it
 * would not measure (bench) or exercise (tests) a real rebuild.
 */
export const buildEntries = [
  'src',
  'public',
  'scripts',
  'docs',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** What Astro and Vite keep per project inside node_modules: a copy must never share these. */
const perProjectCaches = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/** The made-up three-year yearbook the tests and the README's screenshots use. */
export const yearsFixture = 'tests/fixtures/years-3/src';

/**
 * Gives `copyRoot` a node_modules folder of its own in which every package is a symlink to the
 * project's. Why not one symlink to the whole folder: Astro keeps its content store and image cache
 * in node_modules/.astro, so copies built at the same time would write one file and read each
 * other's entries (a build then fails on a file that only exists in another copy).
 */
export async function linkPackages(projectRoot, copyRoot) {
  await mkdir(join(copyRoot, 'node_modules'));
  for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
    if (perProjectCaches.has(entry)) continue;
    await symlink(join(projectRoot, 'node_modules', entry), join(copyRoot, 'node_modules', entry));
  }
}

/**
 * Copies what a build needs into the empty folder `copyRoot` (the README's screenshots left out),
 * links the packages, and lays `overlay` (a `src/` folder inside the project, such as
 * `yearsFixture`) over the copy's `src/`.
 */
export async function copyProjectTo(projectRoot, copyRoot, { overlay } = {}) {
  for (const entry of buildEntries) {
    await cp(join(projectRoot, entry), join(copyRoot, entry), {
      recursive: true,
      filter: (source) => !source.includes('screenshots'),
    });
  }
  if (overlay) await cp(join(projectRoot, overlay), join(copyRoot, 'src'), { recursive: true });
  await linkPackages(projectRoot, copyRoot);
}
