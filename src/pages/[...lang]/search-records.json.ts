// The records of the search index that are not pages (glossary terms), one file per locale. The
// search integration (src/integrations/pagefind.ts) reads it after the build, adds it to
// the index and deletes it: it is never published.
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site';
import { perLocale } from '../../utils/paths';
import { glossaryRecord } from '../../search/glossary-records';
import { withCacheKeys } from '../../routes/cache-key';

async function routes() {
  const site = await loadSite();
  return perLocale((locale) => [
    {
      params: {},
      props: { records: site.glossary.map((term) => glossaryRecord(term.id, term.data, locale)) },
    },
  ]);
}

export const getStaticPaths = withCacheKeys(routes);

export const GET: APIRoute<{ records: unknown[] }> = ({ props }) =>
  new Response(JSON.stringify(props.records));
