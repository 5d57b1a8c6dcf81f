// The charts as static SVG files, drawn at build time: pages show them with <img>, so they load
// lazily, are cached between pages and print without JavaScript. Each chart has two files: its
// page layout and its narrow layout for phones (`*.narrow.svg`, picked by <picture> in ChartFigure).
import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedYearCharts } from '../../../charts/year-charts';
import { loadSite } from '../../../data/site';
import { locales } from '../../../i18n/locales';
import { chartPath, narrowChartPath } from '../../../utils/chart-files';
import { yearFigures } from '../../../utils/metrics';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.metrics.flatMap((entry) =>
    locales.flatMap((locale) =>
      cachedYearCharts(yearFigures(entry.data), locale).flatMap((chart) => {
        const path = chartPath(entry.data.year, chart.id, locale);
        const file = (sitePath: string) => sitePath.slice(sitePath.lastIndexOf('/') + 1);
        return [
          { params: { year: String(entry.data.year), file: file(path) }, props: { svg: chart.svg } },
          { params: { year: String(entry.data.year), file: file(narrowChartPath(path)) }, props: { svg: chart.narrow.svg } },
        ];
      }),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { 'content-type': 'image/svg+xml' } });
