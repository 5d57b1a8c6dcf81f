// Pages that show no content of their own beyond the layout's: their routes carry the chrome only
// (the search page also the years its filter lists).
import { latestYear, loadSite, reportYears } from '../data/site';
import { localizePath } from '../utils/paths';
import { pageChrome, type PageChrome } from './chrome';
import { perLocaleRoutes } from './per-locale';

export interface PlainView {
  chrome: PageChrome;
}

/** `getStaticPaths()` of a page at one site path (`/accessibility/`) in every locale. */
export function plainRoutes(path: string) {
  return perLocaleRoutes(async (locale) => [
    { params: {}, props: { chrome: await pageChrome(locale, localizePath(path, locale)) } },
  ]);
}

export interface SearchView extends PlainView {
  /** Report years, newest first, for the year filter; the newest is chosen first. */
  years: number[];
  latestYear: number;
}

/** `getStaticPaths()` of the search page, once per locale. */
export function searchRoutes(path: string) {
  return perLocaleRoutes(async (locale) => {
    const site = await loadSite();
    const view: SearchView = {
      chrome: await pageChrome(locale, localizePath(path, locale)),
      years: reportYears(site),
      latestYear: latestYear(site),
    };
    return [{ params: {}, props: view }];
  });
}
