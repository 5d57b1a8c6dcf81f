// Every site path and URL, in one place so links, routes and files agree: the paths of the pages
// and files (`sitePaths`), the locale prefix, the deployment base, and the per-locale routes.
import { defaultLocale, htmlLang, isLocale, locales, type Locale } from '../i18n/locales';

/**
 * Ensures a path starts and ends with `/`; files such as `sitemap-index.xml` keep their name,
 * and a `#fragment` or `?query` stays at the end.
 */
function normalize(path: string): string {
  const suffixAt = path.search(/[?#]/);
  const suffix = suffixAt === -1 ? '' : path.slice(suffixAt);
  let result = suffixAt === -1 ? path : path.slice(0, suffixAt);
  if (!result.startsWith('/')) result = `/${result}`;
  if (!result.endsWith('/') && !/\.[a-z0-9]+$/i.test(result)) result += '/';
  return result.replace(/\/{2,}/g, '/') + suffix;
}

/**
 * Which drawing of a chart: `wide` for screens from 40rem, `narrow` laid out for phones
 * (src/figures/charts/render.ts).
 */
export type ChartVariant = 'wide' | 'narrow';

/** The file name of a chart's SVG in its year's folder: `team-grades.zh-CN.svg`, `team-grades.zh-CN.narrow.svg`. */
export function chartFileName(id: string, locale: Locale, variant: ChartVariant = 'wide'): string {
  return `${id}.${htmlLang[locale]}${variant === 'narrow' ? '.narrow' : ''}.svg`;
}

/** The open-data formats of a year's figures. */
export type OpenDataFormat = 'csv' | 'json';

/** The file name of a year's figures as open data: `metrics.csv`. */
export function openDataFileName(format: OpenDataFormat): string {
  return `metrics.${format}`;
}

/** The id of a unit's paragraph in the report (`<Highlight>`), which the unit's page links back to. */
export function unitAnchor(slug: string): string {
  return `unit-${slug}`;
}

/** Site paths (without base or locale prefix) of the pages and files, so links and routes agree. */
export const sitePaths = {
  home: () => '/',
  /** Every report year, newest first: title, slogan, key figures, PDFs (src/pages/[...lang]/years.astro). */
  years: () => '/years/',
  report: (year: number) => `/${year}/`,
  /** A section of the report: a heading's id, or a unit's paragraph (`unitAnchor`). */
  reportSection: (year: number, id: string) => `/${year}/#${id}`,
  units: (year: number) => `/${year}/units/`,
  unit: (year: number, slug: string) => `/${year}/units/${slug}/`,
  /** A unit's history: every year it appears in, newest first. */
  unitHistory: (slug: string) => `/units/${slug}/`,
  glossary: () => '/glossary/',
  term: (slug: string) => `/glossary/#${slug}`,
  gallery: () => '/gallery/',
  galleryEvent: (slug: string) => `/gallery/${slug}/`,
  /** Photos have their own folder: some belong to no event. */
  photo: (slug: string) => `/gallery/photos/${slug}/`,
  search: () => '/search/',
  /** The accessibility statement (src/pages/[...lang]/accessibility.astro). */
  accessibility: () => '/accessibility/',
  /** The "page not found" page: 404.html, en/404/index.html (src/pages/[...lang]/404.astro). */
  notFound: () => '/404/',
  /** Pagefind's index and script, written after the build (src/integrations/pagefind.ts). */
  searchIndex: () => '/pagefind/',
  /** A chart's SVG, drawn at build time (src/pages/charts/[year]/[file].ts). */
  chart: (year: number, id: string, locale: Locale, variant: ChartVariant = 'wide') =>
    `/charts/${year}/${chartFileName(id, locale, variant)}`,
  /** Every figure across years, with tables and trend charts (src/pages/[...lang]/figures.astro). */
  figures: () => '/figures/',
  /** A figure's trend across years, drawn at build time (src/pages/charts/trends/[file].ts). */
  trendChart: (figureId: string, locale: Locale, variant: ChartVariant = 'wide') =>
    `/charts/trends/${chartFileName(figureId, locale, variant)}`,
  /** Every year's figures in one open-data file (src/pages/data/[file].ts). */
  allYearsData: (format: OpenDataFormat) => `/data/${openDataFileName(format)}`,
  /** A year's figures as open data (src/pages/data/[year]/[file].ts). */
  openData: (year: number, format: OpenDataFormat) => `/data/${year}/${openDataFileName(format)}`,
  /** The print edition's page rules, per locale (src/pages/[...lang]/print-pages.css.ts). */
  printStyles: () => '/print-pages.css',
  favicon: () => '/favicon.svg',
  sitemap: () => '/sitemap-index.xml',
};

/** Prefixes a site path with the deployment base (`/report/` → `/report/2007/`). */
export function withBase(path: string, base: string): string {
  return normalize(`${base}/${path}`);
}

/** Removes the deployment base from a pathname, returning a site path starting with `/`. */
export function stripBase(pathname: string, base: string): string {
  const cleanBase = normalize(base);
  const cleanPath = normalize(pathname);
  return cleanPath.startsWith(cleanBase)
    ? normalize(cleanPath.slice(cleanBase.length - 1))
    : cleanPath;
}

/** The locale of a site path (without base): `/en/2007/` → `en`, `/2007/` → `zh-cn`. */
export function localeOfPath(path: string): Locale {
  const first = normalize(path).split('/')[1];
  return isLocale(first) && first !== defaultLocale ? first : defaultLocale;
}

/** A site path (without base or locale) in a locale: `/2007/` → `/en/2007/` for English, unchanged for Chinese. */
export function localizePath(path: string, locale: Locale): string {
  return normalize(locale === defaultLocale ? path : `/${locale}/${path}`);
}

/** The same page in another locale, for a site path that may carry a locale prefix. */
export function translatePath(path: string, target: Locale): string {
  const current = localeOfPath(path);
  const neutral =
    current === defaultLocale ? normalize(path) : normalize(path).slice(current.length + 1);
  return localizePath(neutral, target);
}

/** The href of a site page in a locale, under the deployment base: `('/2007/', 'en')` → `/report/en/2007/`. */
export function href(path: string, locale: Locale): string {
  return withBase(localizePath(path, locale), import.meta.env.BASE_URL);
}

/**
 * The href of a site path that needs no locale prefix or already has one (a chart, open data, the
 * favicon, the same page in the other language), under the deployment base.
 */
export function siteHref(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** The site path (without the deployment base) of a page's URL pathname: `/report/en/2007/` → `/en/2007/`. */
export function sitePathOf(pathname: string): string {
  return stripBase(pathname, import.meta.env.BASE_URL);
}

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
