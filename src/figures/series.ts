// Figures across years: for each figure id, its value in every year of the site, and for a figure in
// one year its change against the previous year that has it. Built on each year's computed figures
// (src/figures/compute.ts): a value here is the year's own `displayed` value, never computed again.
import type { Locale } from '../i18n/locales';
import type { Translate } from '../i18n/ui';
import { counted } from '../utils/counted';
import { formatDecimal } from '../utils/format';
import { pick } from '../utils/bilingual';
import {
  roundPercent,
  type Bilingual,
  type Figure,
  type MetricKind,
  type YearFigures,
} from './compute';

/** One year of a figure's series: the year's figure, or none when that year does not declare the id. */
export interface SeriesPoint {
  year: number;
  figure: Figure | undefined;
  /** As the year's pages write it; `null` when not reported or not declared (never 0). */
  value: number | null;
}

/** A figure id followed across every year of the site. */
export interface FigureSeries {
  id: string;
  kind: MetricKind;
  /** Labels and counter word as the latest year declaring the id gives them. */
  label: Bilingual;
  short: Bilingual;
  counter: Bilingual | undefined;
  digits: number;
  /** One point per year of the site, oldest first. */
  points: SeriesPoint[];
}

const byYear = (years: readonly YearFigures[]) => [...years].sort((a, b) => a.year - b.year);

/** Every figure id of the given years followed across all of them, in the newest year's order first. */
export function allFigureSeries(years: readonly YearFigures[]): FigureSeries[] {
  const ordered = byYear(years);
  const ids: string[] = [];
  for (const year of [...ordered].reverse())
    for (const figure of year.figures) if (!ids.includes(figure.id)) ids.push(figure.id);
  return ids.map((id) => {
    const points = ordered.map((year): SeriesPoint => {
      const figure = year.byId.get(id);
      return { year: year.year, figure, value: figure?.displayed ?? null };
    });
    // The latest declaration names the figure; `ids` came from some year, so there is one.
    const latest = [...points].reverse().find((point) => point.figure)?.figure as Figure;
    return {
      id,
      kind: latest.kind,
      label: latest.label,
      short: latest.short,
      counter: latest.counter,
      digits: Math.max(...points.map((point) => point.figure?.digits ?? 0)),
      points,
    };
  });
}

/** The series worth comparing: figures with a value in two or more years. */
export function comparableSeries(years: readonly YearFigures[]): FigureSeries[] {
  return allFigureSeries(years).filter(
    (series) => series.points.filter((point) => point.value !== null).length >= 2,
  );
}

/** How a figure of one year compares with the previous year that has the same id. */
export type FigureChange =
  /** The site's first year: there is nothing to compare with, and nothing is said. */
  | { kind: 'first-year' }
  /** No earlier year declares this id. */
  | { kind: 'new' }
  /** The previous year with the id, or this year, does not report a value: no arrow, never 0. */
  | { kind: 'not-comparable'; since: number; missing: 'then' | 'now' | 'both' }
  | {
      kind: 'change';
      since: number;
      /** This year's value minus that year's, as both years write them (percentage points for a percent). */
      difference: number;
      direction: 'up' | 'down' | 'same';
    };

/** The change of figure `id` in `year` against the previous year that declares the id. */
export function figureChange(
  years: readonly YearFigures[],
  year: number,
  id: string,
): FigureChange {
  const ordered = byYear(years);
  const current = ordered.find((entry) => entry.year === year);
  if (!current)
    throw new Error(
      `There are no figures for ${year}; the years given are ${ordered.map((e) => e.year).join(', ')}.`,
    );
  const earlier = ordered.filter((entry) => entry.year < year);
  if (earlier.length === 0) return { kind: 'first-year' };
  const previous = [...earlier].reverse().find((entry) => entry.byId.has(id));
  if (!previous) return { kind: 'new' };
  const now = current.byId.get(id)?.displayed ?? null;
  const then = previous.byId.get(id)?.displayed ?? null;
  if (now === null || then === null) {
    const missing = now === null && then === null ? 'both' : now === null ? 'now' : 'then';
    return { kind: 'not-comparable', since: previous.year, missing };
  }
  const digits = Math.max(current.byId.get(id)?.digits ?? 0, previous.byId.get(id)?.digits ?? 0);
  // Both values are already rounded as written; rounding the difference only clears float noise.
  const difference = roundPercent(now - then, digits) ?? 0;
  return {
    kind: 'change',
    since: previous.year,
    difference,
    direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same',
  };
}

/** A change as pages write it: the arrow (decoration only), a short signed form, and a sentence. */
export interface ChangeText {
  /** ▲ or ▼; empty when there is no direction. Pages hide it from screen readers: the text says it. */
  arrow: '▲' | '▼' | '';
  /** "+5 points", "−2", "no change", "new this year", "not comparable". */
  short: string;
  /** "up 5 points on 2008" / "比2008年提高5个百分点". */
  sentence: string;
}

/**
 * The words for a change in a locale, from the UI dictionaries; `undefined` for the site's first
 * year, where nothing is said.
 */
export function describeChange(
  change: FigureChange,
  figure: Pick<Figure, 'kind' | 'counter' | 'digits'>,
  locale: Locale,
  t: Translate,
): ChangeText | undefined {
  if (change.kind === 'first-year') return undefined;
  if (change.kind === 'new') {
    const text = t('change.new');
    return { arrow: '', short: text, sentence: text };
  }
  // The year compared with is named, also when it is the year before: after a year without the
  // figure it is an earlier one.
  const since = t('change.year', { year: change.since });
  if (change.kind === 'not-comparable') {
    const key =
      change.missing === 'now'
        ? 'change.notReportedNow'
        : change.missing === 'then'
          ? 'change.notReportedThen'
          : 'change.notReportedBoth';
    return { arrow: '', short: t('change.notComparable'), sentence: t(key, { since }) };
  }
  if (change.direction === 'same') {
    return { arrow: '', short: t('change.same'), sentence: t('change.sameAs', { since }) };
  }
  const amount = formatDecimal(Math.abs(change.difference), locale, figure.digits);
  const sign = change.direction === 'up' ? '+' : '\u2212';
  const up = change.direction === 'up';
  const difference = Math.abs(change.difference);
  // A share changes by percentage points, a count by its own counter word.
  const percent = figure.kind === 'percent';
  const word = percent
    ? t('change.pointWord')
    : figure.counter
      ? pick(figure.counter, locale).shown
      : '';
  return {
    arrow: up ? '▲' : '▼',
    short: t(percent ? 'change.points' : 'change.count', {
      count: counted(`${sign}${amount}`, word, difference, locale),
    }),
    sentence: t(
      percent
        ? up
          ? 'change.pointsUp'
          : 'change.pointsDown'
        : up
          ? 'change.countUp'
          : 'change.countDown',
      { since, count: counted(amount, word, difference, locale) },
    ),
  };
}

/** A figure's change in a year, worded: what a key-figure card or a series table shows. */
export function changeText(
  years: readonly YearFigures[],
  year: number,
  id: string,
  locale: Locale,
  t: Translate,
): ChangeText | undefined {
  const figure = byYear(years)
    .find((entry) => entry.year === year)
    ?.byId.get(id);
  if (!figure) return undefined;
  return describeChange(figureChange(years, year, id), figure, locale, t);
}
