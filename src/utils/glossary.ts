import type { GlossaryData } from '../schemas/glossary';
import type { Locale } from '../i18n/locales';

/** A glossary term as one locale shows it: its name, its explanation and the other language's name. */
export function termIn(term: GlossaryData, locale: Locale) {
  return locale === 'en'
    ? { name: term.en, explanation: term.explanation.en, counterpart: term.zh }
    : { name: term.zh, explanation: term.explanation.zh, counterpart: term.en };
}
