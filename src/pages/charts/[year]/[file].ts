// The charts as static SVG files, drawn at build time: pages show them with <img>, so they load
// lazily, are cached between pages and print without JavaScript. Each chart has two files: its
// page layout and its narrow layout for phones (`*.narrow.svg`, picked by <picture> in ChartFigure).
import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedYearCharts } from '../../../figures/charts/year-charts';
import { allYearFigures } from '../../../figures/accessor';
import { locales } from '../../../i18n/locales';
import { chartFileName } from '../../../utils/paths';
import { withCacheKeys } from '../../../routes/cache-key';

export const getStaticPaths = withCacheKeys(async () => {
  const years = await allYearFigures();
  return years.flatMap((figures) =>
    locales.flatMap((locale) =>
      cachedYearCharts(figures, locale)
        .filter((chart) => !chart.empty) // a chart the report gives no figure for has no picture
        .flatMap((chart) => [
          {
            params: { year: String(figures.year), file: chartFileName(chart.id, locale) },
            props: { svg: chart.svg },
          },
          {
            params: {
              year: String(figures.year),
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
