import type { Locale } from '../i18n/locales';
import { indexCache, indexedOnce } from '../utils/indexed-once';
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

/** The entries of a collection kept in year folders, grouped once (src/utils/indexed-once.ts). */
interface YearIndex<T> {
  /** `${locale}/${year}` → the year's entries by slug, in the order of the entries. */
  years: Map<string, ReadonlyMap<string, T>>;
  /** `${locale}/${slug}` → every year of the slug, newest first. */
  histories: Map<string, ReadonlyArray<{ year: number; entry: T }>>;
  /** locale → its slugs, in the order first seen. */
  slugs: Map<Locale, readonly string[]>;
}

/** The value of `key` in `map`, made and added by `make` if it has none. */
function valueOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  map.set(key, made);
  return made;
}

function yearIndex<T extends { id: string }>(entries: ReadonlyArray<T>): YearIndex<T> {
  const years = new Map<string, Map<string, T>>();
  const histories = new Map<string, Array<{ year: number; entry: T }>>();
  const slugs = new Map<Locale, Set<string>>();
  for (const entry of entries) {
    const parts = splitYearEntryId(entry.id);
    if (!parts) continue;
    const { locale, year, slug } = parts;
    valueOf(years, `${locale}/${year}`, () => new Map<string, T>()).set(slug, entry);
    valueOf(histories, `${locale}/${slug}`, () => []).push({ year, entry });
    valueOf(slugs, locale, () => new Set<string>()).add(slug);
  }
  // Stable: two entries of one year (which the content rules refuse) keep their order.
  for (const history of histories.values()) history.sort((a, b) => b.year - a.year);
  return {
    years,
    histories,
    slugs: new Map([...slugs].map(([locale, set]) => [locale, [...set]])),
  };
}

const yearIndexes = indexCache<YearIndex<unknown>>();

function yearIndexOf<T extends { id: string }>(entries: ReadonlyArray<T>): YearIndex<T> {
  return indexedOnce(yearIndexes, entries, yearIndex) as YearIndex<T>;
}

const none = new Map<string, never>();

/** A year's entries in one locale, keyed by slug (shared: do not change it). */
export function entriesOfYear<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
  year: number,
): ReadonlyMap<string, T> {
  return yearIndexOf(entries).years.get(`${locale}/${year}`) ?? none;
}

/** Every year of one slug in one locale, newest first: a unit's history. */
export function historyOf<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
  slug: string,
): Array<{ year: number; entry: T }> {
  return [...(yearIndexOf(entries).histories.get(`${locale}/${slug}`) ?? [])];
}

/** The slugs present in one locale in any year, in the order first seen. */
export function slugsIn<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
): string[] {
  return [...(yearIndexOf(entries).slugs.get(locale) ?? [])];
}

/** The year of an entry kept in a year folder (`zh-cn/2007/hotel` → 2007). */
export function folderYearOf(entry: { id: string }): number | undefined {
  return splitYearEntryId(entry.id)?.year;
}
