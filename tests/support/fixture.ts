// Fixture sites: a copy of the project in a temporary folder (sharing its packages by symlink),
// to break, check and build without touching the real one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProjectTo } from '../../scripts/lib/project-copy.mjs';
import { projectRoot, runNode } from './build-site';

const created: string[] = [];

/** Where Astro keeps the images it has already resized and re-encoded (its `cacheDir`'s assets). */
const imageCache = 'node_modules/.astro/assets';

/**
 * Gives a copy of the project its own copy of the project's image cache. A cold build of a copy
 * spends most of its time (34 of 53 s on this machine) re-encoding the same photos into the same
 * sizes; the cache is keyed by the source's content and the transform, so a hit is byte-for-byte
 * what a fresh encode makes, and a photo the copy adds is still encoded. Copied, never linked:
 * a build writes new entries there (project-copy.mjs keeps per-project caches apart for that).
 * The shared root build (tests/support/sites.ts) fills the project's cache first in a full run.
 */
export async function seedImageCache(copyRoot: string): Promise<void> {
  const source = join(projectRoot, imageCache);
  if (!existsSync(source)) return;
  await cp(source, join(copyRoot, imageCache), { recursive: true });
}

/**
 * Copies what a build needs (sources, scripts, configuration) into a new temporary folder, with
 * `overlay` (e.g. `yearsFixture`) laid over its `src/`.
 */
export async function copyProject(
  prefix = 'nianjian-fixture-',
  options: { overlay?: string } = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  created.push(root);
  await copyProjectTo(projectRoot, root, options);
  await seedImageCache(root);
  return root;
}

/** Removes every fixture made by this test file (call in afterAll). */
export async function removeFixtures(): Promise<void> {
  await Promise.all(created.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** Replaces text in a fixture file; fails loudly if the text is not there (the test would be vacuous). */
export async function edit(
  root: string,
  file: string,
  from: string | RegExp,
  to: string,
): Promise<void> {
  const path = join(root, file);
  const text = await readFile(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text)
    throw new Error(`fixture edit did nothing: ${String(from)} not found in ${file}`);
  await writeFile(path, changed);
}

/** A stand-in published site in the fixture's dist/, to prove a failed run leaves it alone. */
export async function seedDist(root: string): Promise<string> {
  await mkdir(join(root, 'dist', 'en'), { recursive: true });
  await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>published</title>');
  await writeFile(
    join(root, 'dist', 'en', 'index.html'),
    '<!doctype html><title>published en</title>',
  );
  return fingerprintTree(join(root, 'dist'));
}

/** A hash over every file's path and bytes under a folder: equal hashes mean byte-for-byte equal trees. */
export async function fingerprintTree(folder: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files)
    hash
      .update(file.slice(folder.length))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return hash.digest('hex');
}

/**
 * Runs one of the project's Node scripts in a fixture with the Node running the tests. Builds
 * skip the PDF edition (Chromium, the slowest step) unless `env` asks for it: the editors' tests
 * are about content and atomic builds, and tests/e2e/pdf.test.ts covers the PDF.
 */
export function runScript(
  root: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return runNode([join(root, script), ...args], root, { NIANJIAN_PDF: 'off', ...env });
}
