// The glossary (`/glossary/`): every term in the reader's language, in its collation order.
import { loadSite } from '../data/site';
import { htmlLang, otherLocale, type Locale } from '../i18n/locales';
import { pick, termIn } from '../utils/bilingual';
import { localizePath, sitePaths } from '../utils/paths';
import { pageChrome, type PageChrome } from './chrome';
import { perLocaleRoutes } from './per-locale';

/** A text in the reader's language with the other language's version beside it. */
export interface SideBySide {
  shown: string;
  counterpart: string;
}

export interface TermView {
  id: string;
  name: string;
  counterpart: string;
  explanation: string;
  items: SideBySide[];
  related: Array<{ id: string; name: string | undefined }>;
}

export interface GlossaryView {
  chrome: PageChrome;
  terms: TermView[];
  /** The `lang` of the other language (the counterparts). */
  otherLang: string;
}

async function glossaryView(locale: Locale): Promise<GlossaryView> {
  const site = await loadSite();
  const collator = new Intl.Collator(htmlLang[locale]);
  const terms = site.glossary
    .map((term) => ({ id: term.id, data: term.data, shown: termIn(term.data, locale) }))
    .sort((a, b) => collator.compare(a.shown.name, b.shown.name));
  const names = new Map(terms.map((term) => [term.id, term.shown.name]));
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.glossary(), locale)),
    terms: terms.map(({ id, data, shown }) => ({
      id,
      ...shown,
      items: data.items.map((item) => pick(item, locale)),
      related: data.related.map((ref) => ({ id: ref.id, name: names.get(ref.id) })),
    })),
    otherLang: htmlLang[otherLocale(locale)],
  };
}

/** `getStaticPaths()` of the glossary, once per locale. */
export function glossaryRoutes() {
  return perLocaleRoutes(async (locale) => [{ params: {}, props: await glossaryView(locale) }]);
}
