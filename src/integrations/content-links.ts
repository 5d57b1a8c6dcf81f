import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Every symbolic link under `folder` (files and folders alike), as absolute paths. Walked by hand:
 * `readdirSync(…, { recursive: true })` enters links to folders (a link to / made it scan the whole
 * machine and fail, which read as "no links").
 */
export function symbolicLinksUnder(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) return [path];
      return entry.isDirectory() ? symbolicLinksUnder(path) : [];
    })
    .sort();
}

/** The folders the site is built from: a symbolic link in any of them is refused. */
export const inputFolders = ['src', 'public'] as const;

/**
 * The message for symbolic links found under the input folders, in Chinese and English, naming
 * each (project-relative) and the fix; undefined when there are none.
 */
export function inputLinksMessage(root: string): string | undefined {
  const links = inputFolders.flatMap((folder) => symbolicLinksUnder(join(root, folder)));
  if (links.length === 0) return undefined;
  const files = links.map((link) => `  ${relative(root, link).replace(/\\/g, '/')}`).join('\n');
  return (
    `src/ 或 public/ 中有符号链接（快捷方式）。构建会把链接指向的文件（可能是本机任何文件）` +
    `原样发布，所以拒绝构建；请删除链接，或把文件本身复制过来替换它：\n` +
    `src/ or public/ holds symbolic links. The build would publish whatever they point at ` +
    `(any file on this machine), so it stops: delete each link, or copy the file itself in its place:\n` +
    files
  );
}

/**
 * Refuses symbolic links in src/ and public/ before anything is built, as `npm run check` does:
 * a link publishes a file from elsewhere on the build machine (Astro copies public/ through its
 * links; the content loader would follow one where the check's readers would not).
 */
export function contentLinks(): AstroIntegration {
  return {
    name: 'nianjian:content-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const message = inputLinksMessage(fileURLToPath(config.root));
        if (message) throw new Error(message);
      },
    },
  };
}
