import { defaultLocale, isLocale, type Locale } from './locales';

/** The locale Astro's i18n routing resolved for the page being rendered. */
export function currentLocale(astroLocale: string | undefined): Locale {
  const code = astroLocale?.toLowerCase();
  return isLocale(code) ? code : defaultLocale;
}
