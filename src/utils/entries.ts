import { isLocale, type Locale } from '../i18n/locales';

export interface LocalizedId {
  locale: Locale;
  /** The id shared by both languages, e.g. `hotel` or `2007`. */
  slug: string;
}

/** Splits a localized entry id such as `en/hotel` into its locale and slug; `undefined` if it has no locale folder. */
export function splitEntryId(id: string): LocalizedId | undefined {
  const [folder, ...rest] = id.split('/');
  if (!isLocale(folder) || rest.length === 0) return undefined;
  return { locale: folder, slug: rest.join('/') };
}

/** The id of an entry's counterpart in another locale: `zh-cn/hotel` → `en/hotel`. */
export function counterpartId(id: string, locale: Locale): string | undefined {
  const parts = splitEntryId(id);
  return parts && `${locale}/${parts.slug}`;
}
