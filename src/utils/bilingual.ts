import type { Locale } from '../i18n/locales';

/** Text written side by side in both languages, as glossary files hold it. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The version of a side-by-side text for a locale, and the other language's version. */
export function pick(text: Bilingual, locale: Locale): { shown: string; counterpart: string } {
  return locale === 'en'
    ? { shown: text.en, counterpart: text.zh }
    : { shown: text.zh, counterpart: text.en };
}

/** A glossary term as one locale shows it: its name, its explanation and the other language's name. */
export function termIn(term: Bilingual & { explanation: Bilingual }, locale: Locale) {
  const { shown: name, counterpart } = pick(term, locale);
  return { name, counterpart, explanation: pick(term.explanation, locale).shown };
}
