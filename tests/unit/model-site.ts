// The content-model fixture site (tests/fixtures/content-model/) as the model tests use it: a fresh
// copy with current translation fingerprints, an edit to one file, and the build loader's view.
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { contentProblems } from '../../src/data/site';
import { loadContentEntries } from '../support/loader-problems';
import { sourceFingerprint, withSourceHash } from '../../src/model/translation';

const fixture = new URL('../fixtures/content-model/', import.meta.url);
/** Every copy made, for the test file's afterAll to remove. */
export const folders: string[] = [];

/** A fresh copy of the fixture site, with its photo and current translation fingerprints. */
export async function site(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nianjian-model-'));
  folders.push(root);
  await cp(fixture, root, { recursive: true });
  await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#c84' } })
    .jpeg()
    .toFile(join(root, 'src/content/photos/bonfire.jpg'));
  for (const folder of ['reports', 'units/<locale>/2007']) {
    const [en, zh] = ['en', 'zh-cn'].map((locale) =>
      join(
        root,
        'src/content',
        folder.includes('<locale>') ? folder.replace('<locale>', locale) : `${folder}/${locale}`,
      ),
    );
    for (const name of await readdir(en ?? '')) {
      const source = await readFile(join(zh ?? '', name), 'utf8');
      const file = join(en ?? '', name);
      await writeFile(
        file,
        withSourceHash(await readFile(file, 'utf8'), sourceFingerprint(source)),
      );
    }
  }
  return root;
}

export async function change(root: string, file: string, from: string | RegExp, to: string) {
  const text = await readFile(join(root, file), 'utf8');
  const changed = text.replace(from, to);
  if (changed === text)
    throw new Error(`the case changes nothing: ${String(from)} is not in ${file}`);
  await writeFile(join(root, file), changed);
}

/**
 * The build's loader path: entries as Astro's glob loader makes them (id, file, data parsed by the
 * registry's schema), then the cross-entry rules. A rule case's files must pass their schemas.
 */
export async function buildProblems(root: string) {
  const { entries, schemaFailures } = await loadContentEntries(root);
  const [failure] = schemaFailures;
  if (failure)
    throw new Error(
      `${failure.file} fails its schema in a rule case: ${failure.messages.join('; ')}`,
    );
  return contentProblems(entries, root);
}
