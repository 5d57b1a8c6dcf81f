import { htmlLang, type Locale } from '../i18n/locales';
import { entriesOfYear, folderYearOf, historyOf } from '../model/unit-years';
import { slugOf, type SiteContent, type Unit } from './site';

/** A year's units in one locale, keyed by slug (the unit files in `src/content/units/<locale>/<year>/`). */
export function unitsOfYear(
  site: SiteContent,
  locale: Locale,
  year: number,
): ReadonlyMap<string, Unit> {
  return entriesOfYear(site.units, locale, year);
}

/** Every year a unit appears in, newest first, with what that year's report says of it. */
export function unitHistory(
  site: SiteContent,
  locale: Locale,
  slug: string,
): Array<{ year: number; unit: Unit }> {
  return historyOf(site.units, locale, slug).map(({ year, entry }) => ({ year, unit: entry }));
}

/** The report year of a unit entry: its folder. */
export function yearOfUnit(unit: Unit): number {
  const year = folderYearOf(unit);
  // The content model's `year-folders` rule refused any unit file outside a year folder.
  if (year === undefined) throw new Error(`${unit.filePath ?? unit.id} is not in a year folder.`);
  return year;
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
