// Open data: every figure of a year, reported and computed, as JSON and as CSV for Excel.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../data/site';
import { useTranslations } from '../../../i18n/ui';
import { openDataRows, toCsv, toJson } from '../../../utils/open-data';
import { openDataFileName } from '../../../utils/paths';

const zh = useTranslations('zh-cn');
const en = useTranslations('en');

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.metrics.flatMap((entry) => {
    const rows = openDataRows(entry.data, (id) => ({ zh: zh(`metric.${id}`), en: en(`metric.${id}`) }));
    return [
      { params: { year: String(entry.data.year), file: openDataFileName('json') }, props: { body: toJson(entry.data.year, rows), type: 'application/json; charset=utf-8' } },
      { params: { year: String(entry.data.year), file: openDataFileName('csv') }, props: { body: toCsv(rows), type: 'text/csv; charset=utf-8' } },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'content-type': props.type } });
