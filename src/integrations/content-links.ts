import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Every symbolic link under `folder` (files and folders alike), as absolute paths. */
export function symbolicLinksUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isSymbolicLink())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/**
 * Refuses symbolic links in src/content/ before anything is built, as `npm run check` does: a
 * link publishes a file from elsewhere on the build machine (and the content loader would follow
 * it where the check's readers would not, so the two would disagree).
 */
export function contentLinks(): AstroIntegration {
  return {
    name: 'nianjian:content-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        const links = symbolicLinksUnder(join(root, 'src', 'content'));
        if (links.length === 0) return;
        const files = links
          .map((link) => `  ${relative(root, link).replace(/\\/g, '/')}`)
          .join('\n');
        throw new Error(
          `src/content/ 中有符号链接（快捷方式），网站不发布链接的文件；请把文件本身复制过来替换链接：\n` +
            `src/content/ holds symbolic links; the site does not publish linked files: ` +
            `copy the files themselves in their place:\n${files}`,
        );
      },
    },
  };
}
