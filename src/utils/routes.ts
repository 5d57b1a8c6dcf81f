import { defaultLocale, locales, type Locale } from '../i18n/locales';

/** The `[...lang]` route parameter of a locale: none for the default locale, `en` for English. */
export function langParam(locale: Locale): string | undefined {
  return locale === defaultLocale ? undefined : locale;
}

/** `getStaticPaths()` entries for a page that exists once per locale. */
export function perLocale<P extends Record<string, string | undefined>, T extends object>(
  make: (locale: Locale) => Array<{ params: P; props: T }>,
) {
  return locales.flatMap((locale) =>
    make(locale).map(({ params, props }) => ({
      params: { ...params, lang: langParam(locale) },
      props: { ...props, locale },
    })),
  );
}
