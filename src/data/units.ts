import { htmlLang, type Locale } from '../i18n/locales';
import { locateInContentFiles } from '../utils/content-files-fs';
import { componentPattern, RenderError } from '../utils/render-errors';
import { inLocale, loadSite, slugOf, type Unit } from './site';

/**
 * A unit by slug in a locale. When an MDX component names a unit that does not exist, the error
 * names the component's file and line among `contentFiles` (the files the page renders).
 */
export async function requireUnit(
  slug: string,
  locale: Locale,
  contentFiles?: readonly string[],
): Promise<Unit> {
  const unit = inLocale((await loadSite()).units, locale).get(slug);
  if (!unit) {
    throw new RenderError({
      ...locateInContentFiles(
        contentFiles,
        componentPattern('(?:UnitLink|Highlight)', 'unit', slug),
      ),
      field: `unit="${slug}"`,
      zh: {
        message: `没有这个单位：src/content/units/${locale}/${slug}.mdx 不存在`,
        fix: '改用已有单位的文件名（不带 .mdx），或先添加这个单位（npm run new -- unit …）',
      },
      en: {
        message: `names unit "${slug}", but src/content/units/${locale}/${slug}.mdx does not exist`,
        fix: 'use the file name of an existing unit (without .mdx), or add the unit first (npm run new -- unit …)',
      },
    });
  }
  return unit;
}

/** The newest report year of a unit: where links to the unit point. */
export async function unitYear(
  slug: string,
  locale: Locale,
  contentFiles?: readonly string[],
): Promise<number> {
  const unit = await requireUnit(slug, locale, contentFiles);
  return Math.max(...unit.data.years);
}

/** Units in display order: those in `order` (the report's order) first, then the rest by name. */
export function sortUnits(units: Unit[], order: string[], locale: Locale): Unit[] {
  const collator = new Intl.Collator(htmlLang[locale]);
  const rank = (unit: Unit) => {
    const index = order.indexOf(slugOf(unit));
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...units].sort((a, b) => rank(a) - rank(b) || collator.compare(a.data.name, b.data.name));
}
