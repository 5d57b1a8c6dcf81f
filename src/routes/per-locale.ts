import { locales, type Locale } from '../i18n/locales';
import { langParam } from '../utils/paths';

/** One route of a page: its parameters and the view data it is rendered from. */
export interface Route<P, V> {
  params: P;
  props: V;
}

/**
 * `getStaticPaths()` entries for a page in every locale, from a function that prepares each
 * locale's routes (and may wait for content): the `[...lang]` parameter added, the locale in props.
 */
export async function perLocaleRoutes<
  P extends Record<string, string | undefined>,
  V extends object,
>(
  make: (locale: Locale) => Promise<Array<Route<P, V>>> | Array<Route<P, V>>,
): Promise<Array<Route<P & { lang: string | undefined }, V & { locale: Locale }>>> {
  const perLocale = await Promise.all(
    locales.map(async (locale) => ({ locale, routes: await make(locale) })),
  );
  return perLocale.flatMap(({ locale, routes }) =>
    routes.map(({ params, props }) => ({
      params: { ...params, lang: langParam(locale) },
      props: { ...props, locale },
    })),
  );
}
