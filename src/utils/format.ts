import { htmlLang, type Locale } from '../i18n/locales';

// Intl formatters are slow to make (the locale's data is looked up each time) and cheap to use: one
// per locale and options, made on first use. A build formats figures and years for every page.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The number format of a locale tag and options, made once. */
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang, options)));
  return format;
}

/** The date format of a locale tag and options, made once. */
function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}

/** A whole number in the locale's style: 1234 → "1,234". */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(htmlLang[locale], { maximumFractionDigits: 0 }).format(value);
}

/** A number with up to `digits` decimals: 15.7 → "15.7". */
export function formatDecimal(value: number, locale: Locale, digits: number): string {
  return numberFormat(htmlLang[locale], {
    maximumFractionDigits: digits,
  }).format(value);
}

/** A percentage already on the 0–100 scale, e.g. 66 → "66%" (with `digits` decimals). */
export function formatPercent(percent: number, locale: Locale, digits = 0): string {
  return numberFormat(htmlLang[locale], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(percent / 100);
}

/** A year as written in the locale: 2007 → "2007年" / "2007". */
export function formatYear(year: number, locale: Locale): string {
  // Mid-year in UTC so no time zone moves the date into another year.
  return dateFormat(htmlLang[locale], { year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, 6, 1),
  );
}

/** A month's name in the locale: 6 → "6月" / "June". */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return dateFormat(locale === 'en' ? 'en-GB' : htmlLang[locale], {
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 15));
}

/** A calendar date as written in the locale: "2008年1月18日" / "18 January 2008". */
export function formatDate(date: Date, locale: Locale): string {
  // British order for English ("18 January 2008"), as the rest of the English text uses.
  return dateFormat(locale === 'en' ? 'en-GB' : htmlLang[locale], {
    dateStyle: 'long',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}
