// A number and the word it counts in, written so no line ever breaks between them.
import type { Locale } from '../i18n/locales';

/** U+2060 WORD JOINER: no break, no width. Chinese may break between any two characters. */
const wordJoiner = '\u2060';
/** U+00A0: the space between an English number and its noun, which must not break. */
const noBreakSpace = '\u00a0';

/**
 * The counter word for `value`: English counters are written as plural nouns ("teams"), so one of
 * a thing takes the singular ("1 team", "1 activity", "1 class"); a word with no plural ending
 * ("people", "staff") and Chinese are unchanged.
 */
export function counterFor(word: string, value: number | null, locale: Locale): string {
  if (locale !== 'en' || value === null || Math.abs(value) !== 1) return word;
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.replace(/es$/, '');
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * `amount` with its counter word, kept together: "4⁠个" (word joiner), "4 teams" (no-break
 * space), "1 team". `value` is the number the amount shows, for singular and plural.
 */
export function counted(
  amount: string,
  word: string,
  value: number | null,
  locale: Locale,
): string {
  if (!word) return amount;
  const counter = counterFor(word, value, locale);
  return locale === 'en'
    ? `${amount}${noBreakSpace}${counter}`
    : `${amount}${wordJoiner}${counter}`;
}
