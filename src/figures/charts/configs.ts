// A year's charts, as Chart.js configurations built from the charts its figures file declares.
// Two shapes cover every kind: bars of counts (`counts`, `parts`) and rates against targets.
// The same configurations serve the build-time SVGs and any client-side enhancement.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { Locale } from '../../i18n/locales';
import type { Translate } from '../../i18n/ui';
import { formatNumber, formatPercent } from '../../utils/format';
import { roundPercent, type TargetComparison } from '../compute';

export const palette = {
  accent: '#0a5a9c',
  accentSoft: '#6c9cc8',
  grey: '#8a959e',
  ink: '#1f2a33',
  inkSoft: '#4a5660',
  grid: '#d9dde1',
  target: '#b3541e',
  /** The outline that stands for a figure the report does not give. */
  unknown: '#5f6b75',
} as const;

const fontSize = 15;

/**
 * Writes each bar's label (passed per dataset) on the bar, so values read without tooltips: at its
 * end by default, or at its start where the end is taken by a target mark.
 */
function valueLabels(labels: string[][], at: 'end' | 'start' = 'end'): Plugin<'bar'> {
  return {
    id: 'nianjianValueLabels',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `700 ${fontSize}px ${chart.options.font?.family ?? 'sans-serif'}`;
      ctx.fillStyle = palette.ink;
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((_, datasetIndex) => {
        chart.getDatasetMeta(datasetIndex).data.forEach((bar, index) => {
          const text = labels[datasetIndex]?.[index];
          if (!text) return;
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as {
            x: number;
            y: number;
            base: number;
          };
          const inside = ctx.measureText(text).width + 12 < x - base;
          ctx.fillStyle = inside ? '#ffffff' : palette.ink;
          if (at === 'start' && inside) {
            ctx.textAlign = 'left';
            ctx.fillText(text, base + 8, y);
            return;
          }
          ctx.textAlign = inside ? 'right' : 'left';
          ctx.fillText(text, inside ? x - 6 : x + 6, y);
        });
      });
      ctx.restore();
    },
  };
}

const axisFont = { size: fontSize } as const;

function horizontalBarOptions(max: number, tickSuffix = '') {
  return {
    indexAxis: 'y' as const,
    layout: { padding: { right: 24, top: 8, bottom: 4, left: 4 } },
    scales: {
      x: {
        min: 0,
        max,
        grid: { color: palette.grid },
        // Few ticks: every label is drawn as outlines, and the bars carry their own values.
        ticks: {
          color: palette.inkSoft,
          font: axisFont,
          maxTicksLimit: 5,
          // "of 108" is the scale's end; a tick there would crowd the round ones.
          includeBounds: false,
          callback: (value: string | number) => `${value}${tickSuffix}`,
        },
      },
      y: { grid: { display: false }, ticks: { color: palette.ink, font: axisFont } },
    },
    plugins: { legend: { display: false }, tooltip: { enabled: false } },
  };
}

/** The colour of each tone a chart declaration may give a bar. */
export const tones = {
  strong: palette.accent,
  soft: palette.accentSoft,
  muted: palette.grey,
} as const;
export type Tone = keyof typeof tones;
/** Bars without a declared tone take these in turn. */
const toneOrder: Tone[] = ['strong', 'soft', 'muted'];

/** One bar of a counts or parts chart, as the declaration and the figures give it. */
export interface CountBar {
  label: string;
  value: number | null;
  tone?: Tone | undefined;
}

/**
 * Counts as horizontal bars (a `counts` or `parts` chart). The scale ends at `whole` where it is
 * known (108 teams), else at the largest bar.
 */
export function countBarsChart(
  bars: CountBar[],
  whole: number | null,
  t: Translate,
  locale: Locale,
): ChartConfiguration<'bar'> {
  const counts = bars.map((bar) => bar.value);
  return {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [
        {
          // An unknown count draws no bar (never a zero-length one); its label says "not reported".
          data: counts,
          backgroundColor: bars.map(
            (bar, index) => tones[bar.tone ?? toneOrder[index % toneOrder.length] ?? 'strong'],
          ),
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: horizontalBarOptions(whole ?? Math.max(...counts.map((c) => c ?? 0))),
    plugins: [
      valueLabels([
        counts.map((count) =>
          count === null ? t('figure.notReported') : formatNumber(count, locale),
        ),
      ]),
    ],
  };
}

/** One row of a targets chart: its label and how the figure compares with its target. */
export interface TargetRow {
  label: string;
  comparison: TargetComparison;
}

/**
 * Each rate against its target. A target is a vertical mark across its row; a rate the
 * report does not give gets no bar at all (never a zero-length one) but a labelled outline.
 */
export function targetsChart(
  rows: TargetRow[],
  t: Translate,
  locale: Locale,
): ChartConfiguration<'bar'> {
  const targetMarks: Plugin<'bar'> = {
    id: 'nianjianTargets',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx, scales } = chart;
      const x = scales['x'];
      const y = scales['y'];
      if (!x || !y) return;
      const band = (y.getPixelForValue(1) - y.getPixelForValue(0)) * 0.42;
      ctx.save();
      ctx.font = `400 ${fontSize - 1}px ${chart.options.font?.family ?? 'sans-serif'}`;
      rows.forEach(({ comparison: row }, index) => {
        const center = y.getPixelForValue(index);
        if (row.actual === null) {
          // The unknown rate: a dashed outline across the scale, labelled "not reported".
          ctx.setLineDash([6, 4]);
          ctx.strokeStyle = palette.unknown;
          ctx.lineWidth = 1.5;
          ctx.strokeRect(x.left, center - band / 2, x.right - x.left, band);
          ctx.setLineDash([]);
          ctx.fillStyle = palette.ink;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(t('figure.notReported'), x.left + 8, center);
        }
        if (row.target !== null) {
          const px = x.getPixelForValue(row.target);
          ctx.strokeStyle = palette.target;
          ctx.lineWidth = 3;
          ctx.beginPath();
          ctx.moveTo(px, center - band / 2 - 6);
          ctx.lineTo(px, center + band / 2 + 6);
          ctx.stroke();
          ctx.fillStyle = palette.target;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          const mark =
            row.direction === 'at-most' ? 'chart.targets.ceilingMark' : 'chart.targets.targetMark';
          ctx.fillText(
            t(mark, { target: formatPercent(row.target, locale) }),
            px,
            center - band / 2 - 8,
          );
        }
      });
      ctx.restore();
    },
  };
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        {
          // `null` draws no bar: the unknown rate is shown by the outline above, not as 0.
          data: rows.map((row) => row.comparison.actual),
          backgroundColor: palette.accent,
          barPercentage: 0.55,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...horizontalBarOptions(100, '%'),
      layout: { padding: { right: 24, top: 28, bottom: 4, left: 4 } },
    },
    plugins: [
      valueLabels(
        [
          rows.map(({ comparison: row }) =>
            row.actual === null ? '' : formatPercent(roundPercent(row.actual) ?? 0, locale),
          ),
        ],
        'start',
      ),
      targetMarks,
    ],
  };
}
