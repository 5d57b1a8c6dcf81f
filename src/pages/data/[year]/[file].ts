// Open data: every figure of a year, reported and computed, as JSON and as CSV for Excel.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allYearFigures } from '../../../figures/accessor';
import { openDataRows, toCsv, toJson } from '../../../figures/open-data';
import { openDataFileName } from '../../../utils/paths';
import { withCacheKeys } from '../../../routes/cache-key';

export const getStaticPaths = withCacheKeys(async () => {
  const years = await allYearFigures();
  return years.flatMap((figures) => {
    const rows = openDataRows(figures);
    return [
      {
        params: { year: String(figures.year), file: openDataFileName('json') },
        props: { body: toJson(figures.year, rows), type: 'application/json; charset=utf-8' },
      },
      {
        params: { year: String(figures.year), file: openDataFileName('csv') },
        props: { body: toCsv(rows), type: 'text/csv; charset=utf-8' },
      },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'content-type': props.type } });
