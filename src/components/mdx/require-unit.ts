import type { Locale } from '../../i18n/locales';
import { locateInContentFiles } from '../../utils/content-files-fs';
import { componentPattern, RenderError } from '../../utils/render-errors';

/**
 * The name of a unit of the year a text links into. When an MDX component names a unit that does
 * not exist, the error names the component's file and line among `contentFiles`.
 */
export function requireUnitName(
  slug: string,
  locale: Locale,
  { year, units }: { year: number; units: Record<string, string> },
  contentFiles: readonly string[],
): string {
  const name = units[slug];
  if (name !== undefined) return name;
  const file = `src/content/units/${locale}/${year}/${slug}.mdx`;
  throw new RenderError({
    ...locateInContentFiles(contentFiles, componentPattern('(?:UnitLink|Highlight)', 'unit', slug)),
    field: `unit="${slug}"`,
    zh: {
      message: `${year} 年没有这个单位：${file} 不存在`,
      fix: `改用 ${year} 年已有单位的文件名（不带 .mdx），或先添加（npm run new -- unit ${slug} --year ${year}）`,
    },
    en: {
      message: `names unit "${slug}", but ${file} does not exist`,
      fix:
        `use the file name of a unit of ${year} (without .mdx), ` +
        `or add it first (npm run new -- unit ${slug} --year ${year})`,
    },
  });
}
