// The records of the search index that are not pages (glossary terms), one file per locale. The
// search integration (src/integrations/pagefind.ts) reads it after the build, adds it to
// the index and deletes it: it is never published.
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import type { Locale } from '../../i18n/locales';
import { perLocale } from '../../utils/paths';
import { glossaryRecord } from '../../search/glossary-records';

export function getStaticPaths() {
  return perLocale(() => [{ params: {}, props: {} }]);
}

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Locale };
  const site = await loadSite();
  const records = site.glossary.map((term) => glossaryRecord(term.id, term.data, locale));
  return new Response(JSON.stringify(records));
};
