// Copies of the project (bench corpora, screenshot and test fixtures) share its installed packages.
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/** What Astro and Vite keep per project inside node_modules: a copy must never share these. */
const perProjectCaches = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

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
