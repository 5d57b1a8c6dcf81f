// A year's figures, computed from what its figures file declares (src/content/metrics/<year>.yaml).
// Nothing here knows which figures a year has: ids, labels, kinds, derived figures and targets are data.
import type { Locale } from '../i18n/locales';
import type { FigureDeclaration, MetricsData, ReportedValue } from './declarations';
import { describeKind, describeKindZh, placeholderPattern, resolveValues } from './rules';
import { formatDecimal, formatPercent } from '../utils/format';
import { pick } from '../utils/bilingual';
import type { ContentProblem } from '../utils/problems';

/** A computed percentage, or `null` where the report gives no figure (never 0). */
export type Percent = number | null;

/** A reported value as a number, or `null` for "not reported". */
export function known(value: ReportedValue): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * The exact share `part / whole` as a percentage (71/108 → 65.74…), or `null` when either is
 * unknown or the whole is 0.
 */
export function exactPercent(part: number | null, whole: number | null): Percent {
  if (part === null || whole === null || whole === 0) return null;
  return (part * 100) / whole;
}

export type RoundingMode = 'half-up' | 'half-even' | 'down';

/**
 * Rounds half up to `digits` decimals, the report's convention (65.74 → 66, 12.5 → 13). The small
 * epsilon keeps values such as 1.005 from rounding down through binary floating point.
 */
export function roundPercent(
  percent: Percent,
  digits = 0,
  mode: RoundingMode = 'half-up',
): Percent {
  if (percent === null) return null;
  const scale = 10 ** digits;
  const scaled = percent * scale;
  if (mode === 'down') return Math.floor(scaled + 1e-9) / scale;
  if (mode === 'half-even') {
    const floor = Math.floor(scaled);
    const fraction = scaled - floor;
    if (Math.abs(fraction - 0.5) < 1e-9) return (floor % 2 === 0 ? floor : floor + 1) / scale;
  }
  return Math.round(scaled + 1e-9) / scale;
}

/** `part / whole` as a percentage rounded like the report, or `null` when unknown. */
export function percentOf(part: number | null, whole: number | null, digits = 0): Percent {
  return roundPercent(exactPercent(part, whole), digits);
}

/** Whether a figure is a count or a percentage: decides how it is written. */
export type MetricKind = 'count' | 'percent';
export type Bilingual = { zh: string; en: string };

/** One figure of a year as pages, charts and open data use it. */
export interface Figure {
  id: string;
  kind: MetricKind;
  /** The counter word of a count (个 / teams); none for a percentage. */
  counter: Bilingual | undefined;
  label: Bilingual;
  /** For chart bars and cards; the label when none is declared. */
  short: Bilingual;
  /** Exact value (percentages unrounded), or `null` for "not reported". */
  value: number | null;
  /** As the site writes it: percentages rounded by the figure's rule (half up to whole percent by default). */
  displayed: number | null;
  digits: number;
  /** `reported`: as the report states it; `computed`: derived at build time. */
  origin: 'reported' | 'computed';
  section: string;
  notes: Bilingual | undefined;
  target: FigureDeclaration['target'];
}

/** How a target compares with the figure it targets. */
export interface TargetComparison {
  /** The target figure's id. */
  id: string;
  /** The figure the target is for. */
  for: string;
  direction: 'at-least' | 'at-most';
  target: number | null;
  /** The exact actual value, or `null` where the report gives none. */
  actual: number | null;
  status: 'met' | 'missed' | 'not-reported';
  /** Actual minus target, one decimal; `null` when unknown. */
  marginPoints: number | null;
}

/** All figures of one year, in the order the file declares them, with its charts and cards. */
export interface YearFigures {
  year: number;
  figures: Figure[];
  byId: ReadonlyMap<string, Figure>;
  charts: MetricsData['charts'];
  cards: MetricsData['cards'];
}

const computed = new WeakMap<MetricsData['figures'], YearFigures>();

/** Whether a kept result was computed from these very declarations (not from a changed copy). */
const madeFrom = (figures: YearFigures, data: MetricsData) =>
  figures.year === data.year && figures.charts === data.charts && figures.cards === data.cards;

/**
 * Every figure of a year computed from its declarations, once per figures file and build: the
 * build's rules, pages, endpoints, PDF and share cards all hold the same parsed declarations (the
 * rules' copy of an entry's data keeps its fields), so they all get this one result (pages reach
 * it by year through ./accessor.ts).
 */
export function yearFigures(data: MetricsData): YearFigures {
  let figures = computed.get(data.figures);
  if (!figures || !madeFrom(figures, data)) {
    figures = computeYearFigures(data);
    computed.set(data.figures, figures);
  }
  return figures;
}

function computeYearFigures(data: MetricsData): YearFigures {
  const values = resolveValues(data.figures);
  const figures = data.figures.map((declared): Figure => {
    const value = values.get(declared.id) ?? null;
    const digits = declared.rounding?.digits ?? 0;
    const rounded = roundPercent(value, digits, declared.rounding?.mode ?? 'half-up');
    return {
      id: declared.id,
      kind: declared.kind,
      counter: declared.counter,
      label: declared.label,
      short: declared.short ?? declared.label,
      value,
      displayed: declared.kind === 'percent' || declared.rounding ? rounded : value,
      digits,
      origin: declared.value !== undefined ? 'reported' : 'computed',
      section: declared.section,
      notes: declared.notes,
      target: declared.target,
    };
  });
  return {
    year: data.year,
    figures,
    byId: new Map(figures.map((f) => [f.id, f])),
    charts: data.charts,
    cards: data.cards,
  };
}

/** A figure by id; a clear error naming the year's ids when there is none. */
export function figureOf(figures: YearFigures, id: string): Figure {
  const figure = figures.byId.get(id);
  if (!figure) {
    throw new Error(
      `There is no figure "${id}" in src/content/metrics/${figures.year}.yaml. ` +
        `Its ids: ${[...figures.byId.keys()].join(', ')}. ` +
        `${figures.year} 年的数字文件中没有“${id}”，可用的 id 见上。`,
    );
  }
  return figure;
}

/** Met, missed or not reported, for a target figure. */
export function compareTarget(figures: YearFigures, targetId: string): TargetComparison {
  const target = figureOf(figures, targetId);
  if (!target.target)
    throw new Error(`"${targetId}" in src/content/metrics/${figures.year}.yaml is not a target.`);
  const actual = figureOf(figures, target.target.for).value;
  const base = {
    id: targetId,
    for: target.target.for,
    direction: target.target.direction,
    target: target.value,
    actual,
  };
  if (actual === null || target.value === null)
    return { ...base, status: 'not-reported', marginPoints: null };
  const met =
    target.target.direction === 'at-least' ? actual >= target.value : actual <= target.value;
  return {
    ...base,
    status: met ? 'met' : 'missed',
    marginPoints: roundPercent(actual - target.value, 1),
  };
}

/** One named figure that prose can quote with `<Metric id="…" />`. */
export interface MetricValue {
  kind: MetricKind;
  /** Exact value (percentages unrounded), or `null` for "not reported". */
  value: number | null;
  displayed: number | null;
  counter?: Bilingual | undefined;
}

const tables = new WeakMap<YearFigures, Record<string, MetricValue>>();

/** Every figure prose may quote, by id (made once per year's figures). */
export function metricTable(figures: YearFigures): Record<string, MetricValue> {
  let table = tables.get(figures);
  if (!table) {
    table = quotableFigures(figures);
    tables.set(figures, table);
  }
  return table;
}

function quotableFigures(figures: YearFigures): Record<string, MetricValue> {
  return Object.fromEntries(
    figures.figures.map((f) => [
      f.id,
      { kind: f.kind, value: f.value, displayed: f.displayed, counter: f.counter },
    ]),
  );
}

/** A metric as prose shows it before locale formatting. */
export function displayedValue(metric: Pick<MetricValue, 'displayed'>): number | null {
  return metric.displayed;
}

/** A figure as text in a locale: "66%", "108", or `notReported`. `bare` drops the % sign. */
export function formatFigure(
  figure: Figure,
  locale: Locale,
  notReported: string,
  bare = false,
): string {
  if (figure.displayed === null) return notReported;
  if (figure.kind === 'percent' && !bare)
    return formatPercent(figure.displayed, locale, figure.digits);
  return formatDecimal(figure.displayed, locale, figure.digits);
}

/**
 * Fills `{metric:id}` (`:bare`, `:share` of `whole`) in a caption, summary or note. Returns `null`
 * when a quoted figure is not reported, so the caller uses its plain text instead of showing a gap.
 */
export function fillTemplate(
  text: string,
  figures: YearFigures,
  locale: Locale,
  whole?: string,
): string | null {
  let missing = false;
  const filled = text.replace(placeholderPattern, (_, id: string, modifier: string | undefined) => {
    const figure = figureOf(figures, id);
    if (modifier === 'share') {
      const share = roundPercent(
        exactPercent(figure.value, whole === undefined ? null : figureOf(figures, whole).value),
      );
      if (share === null) missing = true;
      return share === null ? '' : formatPercent(share, locale);
    }
    if (figure.displayed === null) missing = true;
    return formatFigure(figure, locale, '', modifier === 'bare');
  });
  return missing ? null : filled;
}

/** A key-figure card as pages and share images show it. */
export interface KeyFigureCard {
  value: string;
  label: string;
  /** This year's note, or else the figure's full label where it says more than the card's label. */
  note: string | undefined;
}

/**
 * The year's key-figure cards in the order its figures file gives (`cards:`), written from the
 * figures' own labels or this year's note: text is never carried over from another year.
 */
export function keyFigureCards(
  figures: YearFigures,
  locale: Locale,
  notReported: string,
): KeyFigureCard[] {
  return figures.cards.map((card) => {
    const figure = figureOf(figures, card.figure);
    // A note quoting a figure the report does not give says so, rather than leaving a gap.
    const note = card.note
      ? (fillTemplate(pick(card.note, locale).shown, figures, locale) ?? notReported)
      : undefined;
    // Without a note the card names the figure once: its own label, else the figure's full label
    // (the short label with the full one under it read as the same words twice).
    const label = pick(
      card.label ?? (note === undefined ? figure.label : figure.short),
      locale,
    ).shown;
    return { value: formatFigure(figure, locale, notReported), label, note };
  });
}

/** The figures files as the cross-year rules see them. */
export interface FigureFile {
  file: string;
  /** The file name without extension: must be the year. */
  slug: string;
  data: MetricsData;
  lineOf?: ((path: ReadonlyArray<PropertyKey>) => number | undefined) | undefined;
}

/**
 * Rules across years: a file's year is its name, and one id means one measure in every year (same
 * kind and counter word), or comparing years would be meaningless.
 */
export function figureFilesProblems(files: FigureFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const first = new Map<string, { file: FigureFile; figure: FigureDeclaration }>();
  for (const entry of [...files].sort((a, b) => a.data.year - b.data.year)) {
    const line = (path: ReadonlyArray<PropertyKey>) => entry.lineOf?.(path);
    if (String(entry.data.year) !== entry.slug) {
      problems.push(
        withLine(
          {
            file: entry.file,
            field: 'year',
            message: `is ${entry.data.year}, but the file is named ${entry.slug}`,
            fix: `rename the file to ${entry.data.year}.yaml, or correct the year`,
            zh: {
              message: `是 ${entry.data.year}，但文件名是 ${entry.slug}`,
              fix: `把文件改名为 ${entry.data.year}.yaml，或改正 year`,
            },
          },
          line(['year']),
        ),
      );
    }
    entry.data.figures.forEach((figure, index) => {
      const earlier = first.get(figure.id);
      if (!earlier) {
        first.set(figure.id, { file: entry, figure });
        return;
      }
      const same =
        earlier.figure.kind === figure.kind &&
        earlier.figure.counter?.zh === figure.counter?.zh &&
        earlier.figure.counter?.en === figure.counter?.en;
      if (same) return;
      if (earlier.figure.kind === 'count' && figure.kind === 'count') {
        problems.push(
          withLine(
            counterProblem(entry, index, figure, earlier),
            line(['figures', index, 'counter']),
          ),
        );
        return;
      }
      problems.push(
        withLine(
          {
            file: entry.file,
            field: `figures.${index}.kind`,
            message:
              `"${figure.id}" is ${describeKind(figure)} here ` +
              `but ${describeKind(earlier.figure)} in ${earlier.file.file}; ` +
              `one id must mean one measure in every year`,
            fix:
              `give this figure a new id (e.g. "${figure.id}Count"), ` +
              `or make its kind and counter match ${earlier.file.data.year}`,
            zh: {
              message:
                `“${figure.id}”在这里是${describeKindZh(figure)}，` +
                `在 ${earlier.file.file} 中是${describeKindZh(earlier.figure)}；同一个 id 每年必须是同一个量`,
              fix: `给这个数字换一个新 id（如“${figure.id}Count”），或让类型和量词与 ${earlier.file.data.year} 年一致`,
            },
          },
          line(['figures', index, 'kind']),
        ),
      );
    });
  }
  return problems;
}

/** A count whose counter words differ from the same id's in an earlier year: both years' words, both languages. */
function counterProblem(
  entry: FigureFile,
  index: number,
  figure: FigureDeclaration,
  earlier: { file: FigureFile; figure: FigureDeclaration },
): ContentProblem {
  const words = (f: FigureDeclaration) => `“${f.counter?.zh ?? '?'}” / "${f.counter?.en ?? '?'}"`;
  const year = entry.data.year;
  const earlierYear = earlier.file.data.year;
  const wanted = `counter: { zh: ${earlier.figure.counter?.zh ?? '个'}, en: ${earlier.figure.counter?.en ?? 'items'} }`;
  return {
    file: entry.file,
    field: `figures.${index}.counter`,
    message:
      `"${figure.id}" is counted in ${words(figure)} in ${year} but in ${words(earlier.figure)} ` +
      `in ${earlierYear} (${earlier.file.file}); ` +
      'one id must mean one measure, counted in the same words, in every year',
    fix:
      `write ${wanted} as in ${earlierYear}, or, if this is another measure, ` +
      `give it a new id: npm run figures -- rename ${year} ${figure.id} <new id>`,
    zh: {
      message:
        `“${figure.id}”在 ${year} 年以 ${words(figure)} 计，在 ${earlierYear} 年（${earlier.file.file}）` +
        `以 ${words(earlier.figure)} 计；同一个 id 每年必须是同一个量，用同样的量词`,
      fix:
        `照 ${earlierYear} 年写 ${wanted}；如果这是另一个量，给它换个新 id：` +
        `npm run figures -- rename ${year} ${figure.id} <新 id>`,
    },
  };
}

function withLine(problem: ContentProblem, line: number | undefined): ContentProblem {
  return line === undefined ? problem : { ...problem, line };
}
