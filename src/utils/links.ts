import type { Locale } from '../i18n/locales';
import { localizePath, withBase } from './paths';

/** The href of a site page in a locale, under the deployment base: `('/2007/', 'en')` → `/report/en/2007/`. */
export function href(path: string, locale: Locale): string {
  return withBase(localizePath(path, locale), import.meta.env.BASE_URL);
}

/** Site paths of the pages, in one place so links and routes agree. */
export const sitePaths = {
  home: () => '/',
  report: (year: number) => `/${year}/`,
  units: (year: number) => `/${year}/units/`,
  unit: (year: number, slug: string) => `/${year}/units/${slug}/`,
  glossary: () => '/glossary/',
  term: (slug: string) => `/glossary/#${slug}`,
  gallery: () => '/gallery/',
  galleryEvent: (slug: string) => `/gallery/${slug}/`,
  /** Photos have their own folder: some belong to no event. */
  photo: (slug: string) => `/gallery/photos/${slug}/`,
  search: () => '/search/',
};
