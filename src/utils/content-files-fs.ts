import { readFileSync } from 'node:fs';
import { locateIn, type ContentLocation } from './render-errors';

/**
 * Where in the content files a page renders (`Astro.locals.contentFiles`, project-relative) a
 * pattern first matches; else the first of those files without a line, else the content folder.
 * Reads the files from disk (build time only), so a rendering error can name the line.
 */
export function locateInContentFiles(
  files: readonly string[] | undefined,
  pattern: RegExp,
): ContentLocation {
  const texts = (files ?? []).flatMap((file) => {
    try {
      return [{ file, text: readFileSync(file, 'utf8') }];
    } catch {
      return [];
    }
  });
  return locateIn(texts, pattern) ?? { file: files?.[0] ?? 'src/content/' };
}
