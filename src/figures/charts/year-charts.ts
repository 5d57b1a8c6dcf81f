// A year's charts as pages show them: the picture, and the same information as text and as a table.
// Which charts, which figures and what their captions say is declared in the year's figures file.
import type { Locale } from '../../i18n/locales';
import { pick, type Bilingual } from '../../utils/bilingual';
import { useTranslations, type Translate } from '../../i18n/ui';
import type { ChartDeclaration } from '../declarations';
import { formatDecimal, formatNumber, formatPercent } from '../../utils/format';
import {
  compareTarget,
  exactPercent,
  figureOf,
  fillTemplate,
  formatFigure,
  roundPercent,
  type Figure,
  type Percent,
  type TargetComparison,
  type YearFigures,
} from '../compute';
import { countBarsChart, targetsChart, type CountBar, type TargetRow } from './configs';
import { renderChart, type ChartSize, type RenderedChart } from './render';
import { cachedDrawing, isList } from '../../build-cache/drawing-cache';

/** One chart as a page shows it: the picture, and the same information as text and as a table. */
export interface ChartFigureData {
  id: string;
  caption: string;
  summary: string;
  /** The drawing; empty when the report gives none of the chart's figures (the page says so instead). */
  svg: string;
  /** Every figure of the chart is "not reported": no picture, the summary says so. */
  empty: boolean;
  size: ChartSize;
  /** The same chart laid out for phones (`src/figures/charts/render.ts`). */
  narrow: RenderedChart['narrow'];
  /** `numeric[i]`: column i holds numbers (aligned right). */
  table: { head: string[]; numeric: boolean[]; rows: string[][] };
}

const size: ChartSize = { width: 720, height: 260 };

function figureText(locale: Locale, t: Translate) {
  const count = (value: number | null) =>
    value === null ? t('figure.notReported') : formatNumber(value, locale);
  // Summaries round like the report; tables show one decimal.
  const share = (value: Percent, digits = 0) => {
    const rounded = roundPercent(value, digits);
    return rounded === null ? t('figure.notReported') : formatPercent(rounded, locale, digits);
  };
  const ofTotal = (part: number | null, whole: number | null, digits = 0) =>
    part === null || whole === null
      ? t('figure.notReported')
      : share(exactPercent(part, whole), digits);
  return { count, share, ofTotal };
}

/** The caption: the declared one with its figures filled in, or the plain title when one is not reported. */
function captionOf(chart: ChartDeclaration, figures: YearFigures, locale: Locale): string {
  const caption = chart.caption
    ? fillTemplate(pickText(chart.caption, locale), figures, locale, chart.whole)
    : null;
  return caption ?? pickText(chart.title, locale);
}

const pickText = (text: Bilingual, locale: Locale) => pick(text, locale).shown;

function countsChart(
  chart: ChartDeclaration,
  figures: YearFigures,
  locale: Locale,
  t: Translate,
): ChartFigureData {
  const { count, ofTotal } = figureText(locale, t);
  const whole = chart.whole === undefined ? undefined : figureOf(figures, chart.whole);
  const bars = chart.bars.map((bar) => {
    const figure = figureOf(figures, bar.figure);
    return {
      figure,
      label: bar.label ? pickText(bar.label, locale) : pickText(figure.short, locale),
      tone: bar.tone,
    };
  });
  const empty = bars.every((bar) => bar.figure.value === null);
  const declared = chart.summary
    ? fillTemplate(pickText(chart.summary, locale), figures, locale, chart.whole)
    : null;
  const summary = empty
    ? t('chart.summary.none')
    : (declared ?? countsSummary(bars, whole, locale, t));
  const drawn: CountBar[] = bars.map((bar) => ({
    label: bar.label,
    value: bar.figure.value,
    tone: bar.tone,
  }));
  return {
    id: chart.id,
    caption: captionOf(chart, figures, locale),
    summary,
    ...(empty
      ? { svg: '', size, narrow: { svg: '', size } }
      : renderChart(countBarsChart(drawn, whole?.value ?? null, t, locale), size)),
    empty,
    table: whole
      ? {
          head: [t('chart.table.category'), t('chart.table.count'), t('chart.table.share')],
          numeric: [false, true, true],
          rows: bars.map((bar) => [
            bar.label,
            count(bar.figure.value),
            ofTotal(bar.figure.value, whole.value, 1),
          ]),
        }
      : {
          head: [t('chart.table.category'), t('chart.table.count')],
          numeric: [false, true],
          rows: bars.map((bar) => [bar.label, count(bar.figure.value)]),
        },
  };
}

/** A summary written from the bars' labels and values, for a chart that declares none. */
function countsSummary(
  bars: Array<{ figure: Figure; label: string }>,
  whole: Figure | undefined,
  locale: Locale,
  t: Translate,
): string {
  const notReported = t('figure.notReported');
  const counterOf = (figure: Figure) => {
    const word = pickText(figure.counter ?? { zh: '', en: '' }, locale);
    // "1 team", "2 teams": the English counter is written as a plural noun.
    return locale === 'en' && figure.displayed === 1 && /[^s]s$/.test(word)
      ? word.slice(0, -1)
      : word;
  };
  const withCounter = (figure: Figure) =>
    figure.value === null
      ? notReported
      : t('chart.summary.value', {
          value: formatFigure(figure, locale, notReported),
          counter: counterOf(figure),
        });
  const sentences: string[] = [];
  if (whole && !bars.some((bar) => bar.figure.id === whole.id)) {
    sentences.push(
      t('chart.summary.item', { label: pickText(whole.short, locale), value: withCounter(whole) }),
    );
  }
  for (const bar of bars) {
    const share = roundPercent(exactPercent(bar.figure.value, whole?.value ?? null));
    sentences.push(
      share === null || bar.figure.id === whole?.id
        ? t('chart.summary.item', { label: bar.label, value: withCounter(bar.figure) })
        : t('chart.summary.itemShare', {
            label: bar.label,
            value: withCounter(bar.figure),
            share: formatPercent(share, locale),
          }),
    );
  }
  return sentences.join(t('sentence.separator'));
}

function targetRowsChart(
  chart: ChartDeclaration,
  figures: YearFigures,
  locale: Locale,
  t: Translate,
): ChartFigureData {
  const { share } = figureText(locale, t);
  const rows: TargetRow[] = chart.bars.map((bar) => {
    const comparison = compareTarget(figures, bar.figure);
    const label = bar.label
      ? pickText(bar.label, locale)
      : pickText(figureOf(figures, comparison.for).short, locale);
    return { label, comparison };
  });
  const empty = rows.every(
    (row) => row.comparison.actual === null && row.comparison.target === null,
  );
  const marginText = (margin: number | null) => formatDecimal(Math.abs(margin ?? 0), locale, 1);
  const targetText = (row: TargetComparison) =>
    row.target === null ? t('figure.notReported') : formatPercent(row.target, locale);
  const sentence = ({ label, comparison: row }: TargetRow) => {
    const values = {
      label,
      actual: share(row.actual),
      target: targetText(row),
      margin: marginText(row.marginPoints),
    };
    if (row.target === null)
      return t(row.actual === null ? 'chart.targets.neither' : 'chart.targets.noTarget', values);
    if (row.status === 'not-reported') return t('chart.targets.unknown', values);
    if (row.direction === 'at-most')
      return t(
        row.status === 'met' ? 'chart.targets.metAtMost' : 'chart.targets.missedAtMost',
        values,
      );
    return t(row.status === 'met' ? 'chart.targets.met' : 'chart.targets.missed', values);
  };
  const result = (row: TargetComparison) => {
    if (row.status === 'not-reported') return t('figure.notReported');
    const key =
      row.direction === 'at-most'
        ? row.status === 'met'
          ? 'chart.result.metAtMost'
          : 'chart.result.missedAtMost'
        : row.status === 'met'
          ? 'chart.result.met'
          : 'chart.result.missed';
    return t(key, { margin: marginText(row.marginPoints) });
  };
  const declared = chart.summary
    ? fillTemplate(pickText(chart.summary, locale), figures, locale)
    : null;
  return {
    id: chart.id,
    caption: captionOf(chart, figures, locale),
    summary: empty
      ? t('chart.summary.none')
      : (declared ?? rows.map(sentence).join(t('sentence.separator'))),
    ...(empty
      ? { svg: '', size, narrow: { svg: '', size } }
      : renderChart(targetsChart(rows, t, locale), size)),
    empty,
    table: {
      head: [
        t('chart.table.category'),
        t('chart.table.actual'),
        t('chart.table.target'),
        t('chart.table.result'),
      ],
      numeric: [false, true, true, false],
      rows: rows.map(({ label, comparison: row }) => [
        label,
        share(row.actual, 1),
        targetText(row),
        result(row),
      ]),
    },
  };
}

/** The declared charts of a year in one locale, each with caption, summary and table. */
export function yearCharts(figures: YearFigures, locale: Locale): ChartFigureData[] {
  const t = useTranslations(locale);
  return figures.charts.map((chart) =>
    chart.kind === 'targets'
      ? targetRowsChart(chart, figures, locale, t)
      : countsChart(chart, figures, locale, t),
  );
}

const cache = new Map<string, ChartFigureData[]>();

/** {@link yearCharts}, drawn once per build for each year and locale (home and report share them). */
export function cachedYearCharts(figures: YearFigures, locale: Locale): ChartFigureData[] {
  const key = `${figures.year}/${locale}`;
  let charts = cache.get(key);
  if (!charts) {
    // Kept between builds too (src/build-cache/drawing-cache.ts): drawn again only when changed.
    charts = cachedDrawing(
      'year-charts',
      { figures, locale },
      () => yearCharts(figures, locale),
      isList<ChartFigureData>,
    );
    cache.set(key, charts);
  }
  return charts;
}
