// Astro's entry ids, read in one place. The registry's layouts give them their shape:
// `<slug>` in a shared collection, `<locale>/<slug>` in a localized one and
// `<locale>/<year>/<slug>` in a collection kept in year folders (units).
import { isLocale, type Locale } from '../i18n/locales';
import { modelOf } from './registry';

export interface EntryId {
  /** The language folder; `undefined` in a shared collection or for a file outside any. */
  locale: Locale | undefined;
  /** The year folder (`zh-cn/2007/hotel` → 2007), if the entry is in one. */
  year: number | undefined;
  /** The file name without its extension: the entry's identity across years and languages. */
  slug: string;
  /** The id without its language folder, the same in both languages: `2007/hotel`, `hotel`. */
  sharedId: string;
}

/**
 * Splits an entry id into its locale, year and slug. With the collection's name, the registry says
 * whether its ids start with a language folder; a file at the wrong depth still parses (its year
 * is then `undefined`), so the content rules can name it.
 */
export function parseEntryId(id: string, collection?: string): EntryId {
  const parts = id.split('/');
  const [first] = parts;
  const localized = collection === undefined || modelOf(collection)?.layout !== 'shared';
  const locale = localized && parts.length > 1 && isLocale(first) ? first : undefined;
  const rest = locale === undefined ? parts : parts.slice(1);
  const year =
    locale !== undefined && rest.length === 2 && /^\d{4}$/.test(rest[0] ?? '')
      ? Number(rest[0])
      : undefined;
  return { locale, year, slug: rest.at(-1) ?? id, sharedId: rest.join('/') };
}

export interface LocalizedId {
  locale: Locale;
  /** The id shared by both languages, e.g. `hotel`, `2007` or `2007/hotel`. */
  slug: string;
}

/** Splits a localized entry id such as `en/hotel` into its locale and slug; `undefined` if it has no locale folder. */
export function splitEntryId(id: string): LocalizedId | undefined {
  const { locale, sharedId } = parseEntryId(id);
  return locale === undefined ? undefined : { locale, slug: sharedId };
}

/** The id of an entry's counterpart in another locale: `zh-cn/hotel` → `en/hotel`. */
export function counterpartId(id: string, locale: Locale): string | undefined {
  const parts = splitEntryId(id);
  return parts && `${locale}/${parts.slug}`;
}
