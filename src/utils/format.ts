import { htmlLang, type Locale } from '../i18n/locales';

/** A whole number in the locale's style: 1234 → "1,234". */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(htmlLang[locale], { maximumFractionDigits: 0 }).format(value);
}

/** A number with up to `digits` decimals: 15.7 → "15.7". */
export function formatDecimal(value: number, locale: Locale, digits: number): string {
  return new Intl.NumberFormat(htmlLang[locale], { maximumFractionDigits: digits }).format(value);
}

/** A percentage already on the 0–100 scale, e.g. 66 → "66%" (with `digits` decimals). */
export function formatPercent(percent: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(htmlLang[locale], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(percent / 100);
}

/** A year as written in the locale: 2007 → "2007年" / "2007". */
export function formatYear(year: number, locale: Locale): string {
  // Mid-year in UTC so no time zone moves the date into another year.
  return new Intl.DateTimeFormat(htmlLang[locale], { year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, 6, 1),
  );
}

/** A month's name in the locale: 6 → "6月" / "June". */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : htmlLang[locale], {
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 15));
}

/** A calendar date as written in the locale: "2008年1月18日" / "18 January 2008". */
export function formatDate(date: Date, locale: Locale): string {
  // British order for English ("18 January 2008"), as the rest of the English text uses.
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : htmlLang[locale], {
    dateStyle: 'long',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}
