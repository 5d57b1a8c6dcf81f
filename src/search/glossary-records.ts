// Glossary terms as search records of their own (they have no page each): built per locale by
// src/pages/[...lang]/search-records.json.ts, added to the index by src/integrations/pagefind.ts.
import { htmlLang, type Locale } from '../i18n/locales';
import type { GlossaryData } from '../schemas/glossary';
import { pick, termIn } from '../utils/bilingual';
import { localizePath, sitePaths } from '../utils/paths';

/** Pagefind's language key for a locale: the `<html lang>` of its pages, lowercased (`zh-cn`, `en`). */
export function searchLanguage(locale: Locale): string {
  return htmlLang[locale].toLowerCase();
}

/**
 * A search record that is not a page of its own (Pagefind's custom record). The URL is a site path
 * without the deployment base: the search page adds the base, as it does for pages.
 */
export interface SearchRecord {
  url: string;
  language: string;
  content: string;
  meta: { title: string };
  filters: Partial<Record<'kind' | 'year', string[]>>;
}

/**
 * A glossary term as a search record that lands on its entry of the glossary page. The content has
 * the term in both languages, so a reader finds it by either, as the glossary page shows both.
 */
export function glossaryRecord(id: string, term: GlossaryData, locale: Locale): SearchRecord {
  const shown = termIn(term, locale);
  const items = term.items.map((item) => {
    const { shown: name, counterpart } = pick(item, locale);
    return `${name} (${counterpart})`;
  });
  return {
    url: localizePath(sitePaths.term(id), locale),
    language: searchLanguage(locale),
    content: [`${shown.name} (${shown.counterpart})`, shown.explanation, ...items].join('\n'),
    meta: { title: `${shown.name} · ${shown.counterpart}` },
    filters: { kind: ['term'] },
  };
}
