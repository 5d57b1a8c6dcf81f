/** The site's locales: route segment (Astro i18n code) → facts about it. */
export const locales = ['zh-cn', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Simplified Chinese is served at the root, English under `/en/`. */
export const defaultLocale: Locale = 'zh-cn';

/** BCP 47 tags for `<html lang>`, `hreflang` and `Intl`. */
export const htmlLang = { 'zh-cn': 'zh-CN', en: 'en' } as const satisfies Record<Locale, string>;

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

/** The other locale, for the language switcher (the site has exactly two). */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh-cn' : 'en';
}
