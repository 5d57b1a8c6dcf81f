import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './build-site';

/** What a copy of the project needs to build: sources, config and the scripts the build calls. */
const projectEntries = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * A throw-away copy of the project in a temp folder, sharing node_modules by symlink, for tests
 * that change content and build. Call `remove()` when done.
 */
export async function copyProject(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'nianjian-fixture-'));
  for (const entry of projectEntries) await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
