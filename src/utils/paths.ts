import { defaultLocale, isLocale, type Locale } from '../i18n/locales';

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

/** Prefixes a site path with the deployment base (`/report/` → `/report/2007/`). */
export function withBase(path: string, base: string): string {
  return normalize(`${base}/${path}`);
}

/** Removes the deployment base from a pathname, returning a site path starting with `/`. */
export function stripBase(pathname: string, base: string): string {
  const cleanBase = normalize(base);
  const cleanPath = normalize(pathname);
  return cleanPath.startsWith(cleanBase) ? normalize(cleanPath.slice(cleanBase.length - 1)) : cleanPath;
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
  const neutral = current === defaultLocale ? normalize(path) : normalize(path).slice(current.length + 1);
  return localizePath(neutral, target);
}
