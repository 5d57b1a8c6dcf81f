import type { Locale } from './locales';
import { useTranslations, type Translate } from './ui';

/** What every page and component reads from `Astro.locals`: the page's locale and its translator. */
export interface PageLocale {
  locale: Locale;
  t: Translate;
}

/** The locals of a page in a locale (set by src/middleware.ts; tests pass them to the Container API). */
export function pageLocals(locale: Locale): PageLocale {
  return { locale, t: useTranslations(locale) };
}
