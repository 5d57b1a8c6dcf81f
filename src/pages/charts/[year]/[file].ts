// The charts as static SVG files, drawn at build time: pages show them with <img>, so they load
// lazily, are cached between pages and print without JavaScript. Each chart has two files: its
// page layout and its narrow layout for phones (`*.narrow.svg`, picked by <picture> in ChartFigure).
import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedYearCharts } from '../../../figures/charts/year-charts';
import { loadSite } from '../../../data/site';
import { locales } from '../../../i18n/locales';
import { yearFigures } from '../../../figures/compute';
import { chartFileName } from '../../../utils/paths';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.metrics.flatMap((entry) =>
    locales.flatMap((locale) =>
      cachedYearCharts(yearFigures(entry.data), locale)
        .filter((chart) => !chart.empty) // a chart the report gives no figure for has no picture
        .flatMap((chart) => [
          {
            params: { year: String(entry.data.year), file: chartFileName(chart.id, locale) },
            props: { svg: chart.svg },
          },
          {
            params: {
              year: String(entry.data.year),
              file: chartFileName(chart.id, locale, 'narrow'),
            },
            props: { svg: chart.narrow.svg },
          },
        ]),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { 'content-type': 'image/svg+xml' } });
