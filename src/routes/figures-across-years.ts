// Figures across years (`/figures/`): each comparable figure's trend chart, with its label for the
// contents, or what to say when there is nothing to compare yet.
import { cachedTrendCharts, trendFigureId } from '../figures/charts/trend-charts';
import { allYearFigures } from '../figures/accessor';
import type { Locale } from '../i18n/locales';
import { comparableSeries } from '../figures/series';
import { pick } from '../utils/bilingual';
import { localizePath, sitePaths } from '../utils/paths';
import { pageChrome, type PageChrome } from './chrome';
import { chartView, type ChartView } from './figure-views';
import { perLocaleRoutes } from './per-locale';

export interface FiguresAcrossYearsView {
  chrome: PageChrome;
  /** Each comparable figure's trend, with its label alone for the contents (every chart covers the same years). */
  charts: Array<{ chart: ChartView; label: string }>;
  /** How many years have figures, and the newest of them. */
  yearCount: number;
  latest: number | undefined;
}

async function figuresAcrossYearsView(locale: Locale): Promise<FiguresAcrossYearsView> {
  const years = await allYearFigures();
  const labels = comparableSeries(years).map((series) => pick(series.label, locale).shown);
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.figures(), locale)),
    charts: cachedTrendCharts(years, locale).map((chart, index) => ({
      chart: chartView(
        chart,
        sitePaths.trendChart(trendFigureId(chart), locale),
        sitePaths.trendChart(trendFigureId(chart), locale, 'narrow'),
      ),
      label: labels[index] ?? '',
    })),
    yearCount: years.length,
    latest: years.at(-1)?.year,
  };
}

/** `getStaticPaths()` of `/figures/`, once per locale. */
export function figuresAcrossYearsRoutes() {
  return perLocaleRoutes(async (locale) => [
    { params: {}, props: await figuresAcrossYearsView(locale) },
  ]);
}
