// Symbolic links in what the site is built from (src/, public/): Astro copies public/ through its
// links, so `ln -s /etc/passwd public/notes.txt` published the machine's passwd file. The check and
// the build (the content-links integration, which runs before anything is built) refuse every link,
// naming it, in Chinese and English. Run in-process: the check's function and the integration's hook.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, expect, test } from 'vitest';
import { checkContent } from '../../src/check/run';
import { contentLinks } from '../../src/integrations/content-links';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A project folder with links in public/ (a file and a folder) and in src/ outside src/content/. */
async function projectWithLinks(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'nianjian-links-'));
  folders.push(root);
  await mkdir(join(root, 'public'), { recursive: true });
  await mkdir(join(root, 'src', 'styles'), { recursive: true });
  await writeFile(join(root, 'public', 'robots.txt'), 'User-agent: *\n');
  await symlink('/etc/passwd', join(root, 'public', 'notes.txt'));
  await symlink('/', join(root, 'public', 'rootfs'));
  await symlink('/etc/hostname', join(root, 'src', 'styles', 'extra.css'));
  return root;
}

/** Runs the integration's config hook as Astro does before a build, returning what it threw. */
function runConfigHook(root: string): unknown {
  const integration: AstroIntegration = contentLinks();
  const hook = integration.hooks['astro:config:setup'] as unknown as (options: {
    config: { root: URL };
  }) => void;
  try {
    hook({ config: { root: pathToFileURL(`${root}/`) } });
    return undefined;
  } catch (error) {
    return error;
  }
}

test('npm run check names every symbolic link under public/ and src/, in both languages', async () => {
  const root = await projectWithLinks();
  const { problems } = await checkContent(root);
  const links = problems.filter((problem) => problem.field === '(file)');
  expect(links.map((problem) => problem.file)).toEqual([
    'public/notes.txt',
    'public/rootfs',
    'src/styles/extra.css',
  ]);
  for (const problem of links) {
    expect(problem.message).toContain('is a symbolic link');
    expect(problem.fix).toContain('copy the file itself');
    expect(problem.zh.message).toContain('符号链接');
  }
});

test('the build stops before building, naming each link and the fix', async () => {
  const root = await projectWithLinks();
  const error = runConfigHook(root);
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  for (const path of ['public/notes.txt', 'public/rootfs', 'src/styles/extra.css'])
    expect(message).toContain(`  ${path}`);
  expect(message).toContain('symbolic links');
  expect(message).toContain('符号链接');
  expect(message).toContain('copy the file itself');
});

test('a project without links builds', async () => {
  const root = await mkdtemp(join(tmpdir(), 'nianjian-links-'));
  folders.push(root);
  await mkdir(join(root, 'public'), { recursive: true });
  await writeFile(join(root, 'public', 'robots.txt'), 'User-agent: *\n');
  expect(runConfigHook(root)).toBeUndefined();
});
