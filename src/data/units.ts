import { htmlLang, type Locale } from '../i18n/locales';
import { inLocale, loadSite, slugOf, type Unit } from './site';

/** A unit by slug in a locale; a clear error names the slug when an MDX file refers to a unit that does not exist. */
export async function requireUnit(slug: string, locale: Locale): Promise<Unit> {
  const unit = inLocale((await loadSite()).units, locale).get(slug);
  if (!unit) {
    throw new Error(
      `A component refers to unit "${slug}", but src/content/units/${locale}/${slug}.mdx does not exist. ` +
        'Use the file name of an existing unit, or add the unit.',
    );
  }
  return unit;
}

/** The newest report year of a unit: where links to the unit point. */
export async function unitYear(slug: string, locale: Locale): Promise<number> {
  const unit = await requireUnit(slug, locale);
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
