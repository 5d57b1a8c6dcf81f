import type { Locale } from '../i18n/locales';
import { parseEntryId } from './entry-ids';

/**
 * Units live one file per year and language (`src/content/units/<locale>/<year>/<slug>.mdx`):
 * the file name is the unit, the folder the report year. These pure functions read that from
 * entry ids (`zh-cn/2007/hotel`) so pages can list a year's units and a unit's years.
 */
export interface YearEntryId {
  locale: Locale;
  year: number;
  /** The unit's file name: its identity across years and languages. */
  slug: string;
}

/** Splits `zh-cn/2007/hotel` into its locale, year and slug; `undefined` for any other shape. */
export function splitYearEntryId(id: string): YearEntryId | undefined {
  const { locale, year, slug } = parseEntryId(id);
  return locale === undefined || year === undefined ? undefined : { locale, year, slug };
}

/** A year's entries in one locale, keyed by slug. */
export function entriesOfYear<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
  year: number,
): Map<string, T> {
  const result = new Map<string, T>();
  for (const entry of entries) {
    const parts = splitYearEntryId(entry.id);
    if (parts?.locale === locale && parts.year === year) result.set(parts.slug, entry);
  }
  return result;
}

/** Every year of one slug in one locale, newest first: a unit's history. */
export function historyOf<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
  slug: string,
): Array<{ year: number; entry: T }> {
  return entries
    .flatMap((entry) => {
      const parts = splitYearEntryId(entry.id);
      return parts?.locale === locale && parts.slug === slug ? [{ year: parts.year, entry }] : [];
    })
    .sort((a, b) => b.year - a.year);
}

/** The slugs present in one locale in any year, in the order first seen. */
export function slugsIn<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
): string[] {
  const slugs = new Set<string>();
  for (const entry of entries) {
    const parts = splitYearEntryId(entry.id);
    if (parts?.locale === locale) slugs.add(parts.slug);
  }
  return [...slugs];
}

/** The year of an entry kept in a year folder (`zh-cn/2007/hotel` → 2007). */
export function folderYearOf(entry: { id: string }): number | undefined {
  return splitYearEntryId(entry.id)?.year;
}
