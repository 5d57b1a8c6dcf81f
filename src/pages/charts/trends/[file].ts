// The trend of each figure across years as static SVG files, drawn at build time like the year
// charts (src/pages/charts/[year]/[file].ts): a page layout and a narrow layout for phones.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedTrendCharts, trendFigureId } from '../../../figures/charts/trend-charts';
import { allYearFigures } from '../../../figures/accessor';
import { locales } from '../../../i18n/locales';
import { chartFileName } from '../../../utils/paths';
import { withCacheKeys } from '../../../routes/cache-key';

export const getStaticPaths = withCacheKeys(async () => {
  const years = await allYearFigures();
  return locales.flatMap((locale) =>
    cachedTrendCharts(years, locale).flatMap((chart) => [
      {
        params: { file: chartFileName(trendFigureId(chart), locale) },
        props: { svg: chart.svg },
      },
      {
        params: { file: chartFileName(trendFigureId(chart), locale, 'narrow') },
        props: { svg: chart.narrow.svg },
      },
    ]),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { 'content-type': 'image/svg+xml' } });
