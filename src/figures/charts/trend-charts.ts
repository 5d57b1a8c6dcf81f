// A figure across years as pages show it (`/figures/`): a line chart of its values by year, with the
// same information as a text summary and as a table. A year without a value is a gap: no point, no
// line through it (spanGaps: false), a "not reported" label in its place — never 0.
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  type Chart as ChartInstance,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { Locale } from '../../i18n/locales';
import { useTranslations, type Translate } from '../../i18n/ui';
import { changeText, comparableSeries, type FigureSeries } from '../series';
import { formatDecimal, formatPercent, formatYear } from '../../utils/format';
import { pick } from '../../utils/bilingual';
import type { YearFigures } from '../compute';
import { palette } from './configs';
import { renderChart, type ChartSize } from './render';
import { cachedDrawing, isList } from '../../build-cache/drawing-cache';
import type { ChartFigureData } from './year-charts';

Chart.register(LineController, LineElement, PointElement);

/** Trend charts' ids: `trend-` and the figure id, so they never clash with a year chart's id on a page. */
const idPrefix = 'trend-';

/** The figure id a trend chart follows (its file is named after it). */
export function trendFigureId(chart: Pick<ChartFigureData, 'id'>): string {
  return chart.id.slice(idPrefix.length);
}

const size: ChartSize = { width: 720, height: 260 };
const fontSize = 15;

/** A series value as its years' pages write it: "66%", "112". */
function valueText(series: FigureSeries, value: number, locale: Locale): string {
  return series.kind === 'percent'
    ? formatPercent(value, locale, series.digits)
    : formatDecimal(value, locale, series.digits);
}

/** Writes each point's value above it, and "not reported" at the foot of a year without one. */
function pointLabels(values: Array<string | null>, notReported: string): Plugin<'line'> {
  return {
    id: 'nianjianTrendLabels',
    afterDatasetsDraw(chart: ChartInstance<'line'>) {
      const { ctx, chartArea } = chart;
      const family = chart.options.font?.family ?? 'sans-serif';
      ctx.save();
      ctx.textAlign = 'center';
      chart.getDatasetMeta(0).data.forEach((point, index) => {
        const text = values[index];
        const x = chart.scales['x']?.getPixelForValue(index) ?? point.x;
        if (text === null || text === undefined) {
          ctx.font = `400 ${fontSize - 1}px ${family}`;
          ctx.fillStyle = palette.unknown;
          ctx.textBaseline = 'bottom';
          ctx.fillText(notReported, x, chartArea.bottom - 6);
          return;
        }
        ctx.font = `700 ${fontSize}px ${family}`;
        ctx.fillStyle = palette.ink;
        ctx.textBaseline = 'bottom';
        ctx.fillText(text, x, point.y - 9);
      });
      ctx.restore();
    },
  };
}

/**
 * A figure's values by year as a line. Percentages run on a 0–100% scale; counts start at 0 so a
 * small change does not look like a large one.
 */
export function trendChartConfig(
  series: FigureSeries,
  t: Translate,
  locale: Locale,
): ChartConfiguration<'line'> {
  const values = series.points.map((point) => point.value);
  const labels = values.map((value) => (value === null ? null : valueText(series, value, locale)));
  const percent = series.kind === 'percent';
  return {
    type: 'line',
    data: {
      labels: series.points.map((point) => String(point.year)),
      datasets: [
        {
          data: values,
          // A missing year breaks the line: the reader sees no value, not an invented one.
          spanGaps: false,
          borderColor: palette.accent,
          backgroundColor: palette.accent,
          borderWidth: 3,
          pointRadius: 5,
          pointBackgroundColor: palette.accent,
          tension: 0,
        },
      ],
    },
    options: {
      layout: { padding: { top: 30, right: 32, bottom: 4, left: 32 } },
      scales: {
        x: {
          offset: true,
          grid: { display: false },
          ticks: { color: palette.ink, font: { size: fontSize } },
        },
        y: {
          beginAtZero: true,
          ...(percent ? { max: 100 } : { grace: '15%' }),
          grid: { color: palette.grid },
          ticks: {
            color: palette.inkSoft,
            font: { size: fontSize },
            maxTicksLimit: 5,
            precision: 0,
            callback: (value: string | number) => `${value}${percent ? '%' : ''}`,
          },
        },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [pointLabels(labels, t('figure.notReported'))],
  };
}

/** A figure across years in one locale: caption, drawing, summary and table. */
export function trendChart(
  series: FigureSeries,
  years: readonly YearFigures[],
  locale: Locale,
  t: Translate = useTranslations(locale),
): ChartFigureData {
  const label = pick(series.label, locale).shown;
  const first = series.points[0]?.year ?? 0;
  const last = series.points.at(-1)?.year ?? 0;
  const counter = series.counter ? pick(series.counter, locale).shown : '';
  const shown = (value: number) =>
    series.kind === 'percent'
      ? valueText(series, value, locale)
      : t('chart.summary.value', { value: valueText(series, value, locale), counter });
  const items = series.points.map((point) =>
    point.value === null
      ? t('compare.summary.notReported', { year: point.year })
      : t('compare.summary.value', { year: point.year, value: shown(point.value) }),
  );
  const sentences = [t('compare.summary.list', { items: items.join(t('list.separator')) })];
  const latest = series.points.findLast((point) => point.value !== null);
  const latestChange = latest && changeText(years, latest.year, series.id, locale, t);
  if (latest && latestChange?.arrow)
    sentences.push(
      t('compare.summary.latest', { year: latest.year, sentence: latestChange.sentence }),
    );
  return {
    id: `${idPrefix}${series.id}`,
    caption: t('compare.caption', { label, first, last }),
    summary: sentences.join(t('sentence.separator')),
    ...renderChart(trendChartConfig(series, t, locale), size),
    empty: false,
    table: {
      head: [t('compare.table.year'), t('compare.table.value'), t('compare.table.change')],
      numeric: [false, true, false],
      rows: series.points.map((point) => [
        formatYear(point.year, locale),
        point.value === null ? t('figure.notReported') : valueText(series, point.value, locale),
        point.value === null
          ? '—'
          : (changeText(years, point.year, series.id, locale, t)?.sentence ?? '—'),
      ]),
    },
  };
}

const cache = new Map<string, ChartFigureData[]>();

/**
 * The trend of every figure with a value in two or more years, drawn once per build and locale
 * (the `/figures/` pages and the chart files share them).
 */
export function cachedTrendCharts(
  years: readonly YearFigures[],
  locale: Locale,
): ChartFigureData[] {
  const key = `${years.map((y) => y.year).join(',')}/${locale}`;
  let charts = cache.get(key);
  if (!charts) {
    // Kept between builds too (src/build-cache/drawing-cache.ts): drawn again only when changed.
    charts = cachedDrawing(
      'trend-charts',
      { years, locale },
      () => comparableSeries(years).map((series) => trendChart(series, years, locale)),
      isList<ChartFigureData>,
    );
    cache.set(key, charts);
  }
  return charts;
}
