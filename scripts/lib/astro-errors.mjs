// Astro's own errors do not always name the content file at fault (ImageNotFound, for one, names
// only the image). This finds the content files that mention what the error names, and says so.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** What an error message names that a content file could contain: image paths, quoted file names. */
export function namedThings(output) {
  const things = new Set();
  for (const match of output.matchAll(/Could not find requested image `([^`]+)`/g))
    things.add(match[1]);
  for (const match of output.matchAll(
    /[`"']([^`"'\s]+\.(?:jpe?g|png|webp|gif|avif|svg|tiff?))[`"']/gi,
  ))
    things.add(match[1]);
  return [...things];
}

async function contentFiles(folder) {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && /\.(mdx?|ya?ml|json)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/**
 * Bilingual lines naming the content file (and line) behind a failed build, where Astro's message
 * lacks it; empty when nothing could be traced.
 */
export async function explainAstroFailure(output, root) {
  const lines = [];
  const things = namedThings(output);
  if (things.length === 0) return lines;
  const files = await contentFiles(join(root, 'src', 'content'));
  for (const thing of things) {
    const base = thing.split('/').pop();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const index = text
        .split('\n')
        .findIndex((line) => line.includes(thing) || (base && line.includes(base)));
      if (index < 0) continue;
      const where = `${relative(root, file).replace(/\\/g, '/')}:${index + 1}`;
      const image = /\.(jpe?g|png|webp|gif|avif|svg|tiff?)$/i.test(thing);
      lines.push(
        `${where} — ` +
          (image
            ? `字段中的图片“${thing}”无法使用（找不到或无法处理）；检查路径和文件，或运行 npm run check 查看详情`
            : `构建出错的“${thing}”来自这里`),
        `${where} — ` +
          (image
            ? `the image "${thing}" named here could not be used (not found or not processable); ` +
              'check the path and the file, or run npm run check for details'
            : `"${thing}", where the build failed, comes from here`),
      );
    }
  }
  return lines;
}
