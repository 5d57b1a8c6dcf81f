import type { Locale } from '../i18n/locales';
import { useTranslations, type Translate } from '../i18n/ui';
import { formatDecimal, formatNumber, formatPercent } from '../utils/format';
import { exactPercent, roundPercent, type Percent, type YearFigures } from '../utils/metrics';
import { fiveGoodChart, targetsChart, teamGradesChart } from './configs';
import { renderChart, type ChartSize, type RenderedChart } from './render';

/** One chart as a page shows it: the picture, and the same information as text and as a table. */
export interface ChartFigureData {
  id: 'team-grades' | 'targets' | 'five-good';
  caption: string;
  summary: string;
  svg: string;
  size: ChartSize;
  /** The same chart laid out for phones (`src/charts/render.ts`). */
  narrow: RenderedChart['narrow'];
  /** `numeric[i]`: column i holds numbers (aligned right). */
  table: { head: string[]; numeric: boolean[]; rows: string[][] };
}

const size: ChartSize = { width: 720, height: 260 };

function figureText(locale: Locale, t: Translate) {
  const count = (value: number | null) => (value === null ? t('figure.notReported') : formatNumber(value, locale));
  // Summaries round like the report; tables show one decimal.
  const share = (value: Percent, digits = 0) => {
    const rounded = roundPercent(value, digits);
    return rounded === null ? t('figure.notReported') : formatPercent(rounded, locale, digits);
  };
  const ofTotal = (part: number | null, whole: number | null, digits = 0) =>
    part === null || whole === null ? t('figure.notReported') : share(exactPercent(part, whole), digits);
  return { count, share, ofTotal };
}

/** The three charts of a year in one locale, each with caption, summary and table. */
export function yearCharts(figures: YearFigures, locale: Locale): ChartFigureData[] {
  const t = useTranslations(locale);
  const { count, share, ofTotal } = figureText(locale, t);
  const { teams, fiveGood, targets } = figures;

  const grades: Array<[string, number | null]> = [
    [t('chart.grades.excellent'), teams.excellent],
    [t('chart.grades.qualifiedOnly'), teams.qualifiedOnly],
    [t('chart.grades.below'), teams.belowQualified],
  ];
  const targetLabel = (id: (typeof targets)[number]['id']) => t(`chart.targets.${id}`);
  const marginText = (margin: number | null) => formatDecimal(Math.abs(margin ?? 0), locale, 1);
  const offices: Array<[string, number | null]> = [
    [t('chart.fiveGood.offices'), fiveGood.offices],
    [t('chart.fiveGood.participating'), fiveGood.participating],
    [t('chart.fiveGood.accepted'), fiveGood.accepted],
  ];

  return [
    {
      id: 'team-grades',
      caption: t('chart.grades.caption', { total: count(teams.total) }),
      summary: t('chart.grades.summary', {
        total: count(teams.total),
        excellent: count(teams.excellent),
        excellentShare: ofTotal(teams.excellent, teams.total),
        qualifiedOnly: count(teams.qualifiedOnly),
        qualifiedOnlyShare: ofTotal(teams.qualifiedOnly, teams.total),
        below: count(teams.belowQualified),
        belowShare: ofTotal(teams.belowQualified, teams.total),
      }),
      ...renderChart(teamGradesChart(figures, t, locale), size),
      table: {
        head: [t('chart.table.category'), t('chart.table.count'), t('chart.table.share')],
        numeric: [false, true, true],
        rows: grades.map(([label, value]) => [label, count(value), ofTotal(value, teams.total, 1)]),
      },
    },
    {
      id: 'targets',
      caption: t('chart.targets.caption', {
        targets: targets.map((row) => (row.target === null ? '?' : formatNumber(row.target, locale))).join(t('chart.targets.joiner')),
      }),
      summary: targets
        .map((row) => {
          const values = {
            label: targetLabel(row.id),
            actual: share(row.actual),
            target: row.target === null ? t('figure.notReported') : formatPercent(row.target, locale),
            margin: marginText(row.marginPoints),
          };
          return row.status === 'not-reported'
            ? t('chart.targets.unknown', values)
            : t(row.status === 'met' ? 'chart.targets.met' : 'chart.targets.missed', values);
        })
        .join(t('sentence.separator')),
      ...renderChart(targetsChart(figures, t, locale), size),
      table: {
        head: [t('chart.table.category'), t('chart.table.actual'), t('chart.table.target'), t('chart.table.result')],
        numeric: [false, true, true, false],
        rows: targets.map((row) => [
          targetLabel(row.id),
          share(row.actual, 1),
          row.target === null ? t('figure.notReported') : formatPercent(row.target, locale),
          row.status === 'not-reported'
            ? t('figure.notReported')
            : t(row.status === 'met' ? 'chart.result.met' : 'chart.result.missed', { margin: marginText(row.marginPoints) }),
        ]),
      },
    },
    {
      id: 'five-good',
      caption: t('chart.fiveGood.caption'),
      summary: t('chart.fiveGood.summary', {
        offices: count(fiveGood.offices),
        participating: count(fiveGood.participating),
        accepted: count(fiveGood.accepted),
        acceptedShare: share(fiveGood.acceptedPercent),
      }),
      ...renderChart(fiveGoodChart(figures, t, locale), size),
      table: {
        head: [t('chart.table.category'), t('chart.table.count'), t('chart.table.share')],
        numeric: [false, true, true],
        rows: offices.map(([label, value]) => [label, count(value), ofTotal(value, fiveGood.offices, 1)]),
      },
    },
  ];
}

const cache = new Map<string, ChartFigureData[]>();

/** {@link yearCharts}, drawn once per build for each year and locale (home and report share them). */
export function cachedYearCharts(figures: YearFigures, locale: Locale): ChartFigureData[] {
  const key = `${figures.year}/${locale}`;
  let charts = cache.get(key);
  if (!charts) {
    charts = yearCharts(figures, locale);
    cache.set(key, charts);
  }
  return charts;
}
