// Open data: every figure of a year, reported and computed, as JSON and as CSV for Excel.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../data/site';
import { yearFigures } from '../../../figures/compute';
import { openDataRows, toCsv, toJson } from '../../../figures/open-data';
import { openDataFileName } from '../../../utils/paths';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.metrics.flatMap((entry) => {
    const rows = openDataRows(yearFigures(entry.data));
    return [
      {
        params: { year: String(entry.data.year), file: openDataFileName('json') },
        props: { body: toJson(entry.data.year, rows), type: 'application/json; charset=utf-8' },
      },
      {
        params: { year: String(entry.data.year), file: openDataFileName('csv') },
        props: { body: toCsv(rows), type: 'text/csv; charset=utf-8' },
      },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'content-type': props.type } });
