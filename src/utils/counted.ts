// A number and the word it counts in, written so no line ever breaks between them.
import type { Locale } from '../i18n/locales';

/** U+2060 WORD JOINER: no break, no width. Chinese may break between any two characters. */
const wordJoiner = '\u2060';
/** U+00A0: the space between an English number and its noun, which must not break. */
const noBreakSpace = '\u00a0';

/**
 * The English counter word for `value`: counters are written as plural nouns ("teams"), so one of
 * a thing drops the plural "s" ("1 team", not "1 teams"). Other words and Chinese are unchanged.
 */
export function counterFor(word: string, value: number | null, locale: Locale): string {
  return locale === 'en' && value !== null && Math.abs(value) === 1 && /[^s]s$/.test(word)
    ? word.slice(0, -1)
    : word;
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
