// Open data across all years: one row per year and figure (`/data/metrics.csv`, `/data/metrics.json`),
// so a reader can compare years in Excel. One id is one measure in every year (the check makes sure).
import type { APIRoute, GetStaticPaths } from 'astro';
import { allYearFigures } from '../../figures/accessor';
import { allYearsCsv, allYearsJson, allYearsRows } from '../../figures/open-data';
import { withCacheKeys } from '../../routes/cache-key';

export const getStaticPaths = withCacheKeys(async () => {
  const rows = allYearsRows(await allYearFigures());
  return [
    {
      params: { file: 'metrics.json' },
      props: { body: allYearsJson(rows), type: 'application/json; charset=utf-8' },
    },
    {
      params: { file: 'metrics.csv' },
      props: { body: allYearsCsv(rows), type: 'text/csv; charset=utf-8' },
    },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'content-type': props.type } });
