// The year's figures as pages show them, prepared once per route: key-figure cards with their change
// on the year before, the charts as figures with text and tables (their drawings are files of their
// own), and each figure as `<Metric>` writes it.
import { cachedYearCharts, type ChartFigureData } from '../figures/charts/year-charts';
import type { MetricText } from './mdx-context-types';
import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { changeText, type ChangeText } from '../figures/series';
import { formatFigure, keyFigureCards, type YearFigures } from '../figures/compute';
import { sitePaths } from '../utils/paths';

/** A key-figure card with its change against the previous year that has the figure. */
export interface KeyFigureView {
  value: string;
  label: string;
  note: string | undefined;
  change: ChangeText | undefined;
}

/**
 * The cards of a year, chosen and ordered in its figures file (`cards:`), each with its change
 * against the previous year of `history` that has the figure (nothing on the site's first year).
 */
export function keyFigureViews(
  figures: YearFigures,
  history: readonly YearFigures[],
  locale: Locale,
): KeyFigureView[] {
  const t = useTranslations(locale);
  // The year itself is always among the years compared, even when a caller passes fewer.
  const years = history.some((entry) => entry.year === figures.year)
    ? history
    : [...history, figures];
  return keyFigureCards(figures, locale, t('figure.notReported')).map((card, index) => {
    const id = figures.cards[index]?.figure;
    return { ...card, change: id ? changeText(years, figures.year, id, locale, t) : undefined };
  });
}

/** A chart as a page shows it: caption, summary, table and sizes; the drawings are SVG files. */
export interface ChartView {
  id: string;
  caption: string;
  summary: string;
  /** Every figure of the chart is "not reported": no picture, the summary says so. */
  empty: boolean;
  size: ChartFigureData['size'];
  narrow: { size: ChartFigureData['narrow']['size'] };
  table: ChartFigureData['table'];
  /** Site paths of its drawing and its narrow (phone) drawing. */
  src: string;
  narrowSrc: string;
}

/** A chart's view data, with the site paths of its drawings. */
export function chartView(chart: ChartFigureData, src: string, narrowSrc: string): ChartView {
  const { id, caption, summary, empty, size, narrow, table } = chart;
  return {
    id,
    caption,
    summary,
    empty,
    size,
    narrow: { size: narrow.size },
    table,
    src,
    narrowSrc,
  };
}

/** The charts a year declares, in one locale. */
export function yearChartViews(figures: YearFigures, locale: Locale): ChartView[] {
  return cachedYearCharts(figures, locale).map((chart) =>
    chartView(
      chart,
      sitePaths.chart(figures.year, chart.id, locale),
      sitePaths.chart(figures.year, chart.id, locale, 'narrow'),
    ),
  );
}

const texts = new WeakMap<YearFigures, Map<Locale, Readonly<Record<string, MetricText>>>>();

/**
 * Every figure of a year as `<Metric>` writes it in a locale, by id. Made once per year's figures
 * (./compute.ts keeps one result per figures file) and locale: every page whose text shows
 * figures of a year shares it, frozen.
 */
export function metricTexts(
  figures: YearFigures,
  locale: Locale,
): Readonly<Record<string, MetricText>> {
  const ofFigures = texts.get(figures) ?? new Map<Locale, Readonly<Record<string, MetricText>>>();
  texts.set(figures, ofFigures);
  const known = ofFigures.get(locale);
  if (known) return known;
  const notReported = useTranslations(locale)('figure.notReported');
  const made = Object.freeze(
    Object.fromEntries(
      figures.figures.map((figure) => [
        figure.id,
        Object.freeze({
          value: figure.value === null ? '' : String(figure.value),
          text: formatFigure(figure, locale, notReported),
          bare: formatFigure(figure, locale, notReported, true),
        }),
      ]),
    ),
  );
  ofFigures.set(locale, made);
  return made;
}
