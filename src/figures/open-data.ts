// Open data: every figure of a year as its figures file declares it, as JSON and as CSV for Excel,
// and one file across all years so a reader can compare years.
import type { Figure, MetricKind, YearFigures } from './compute';

/** One row of the open data: a figure, whether the report states it or it is computed, and where it comes from. */
export interface OpenDataRow {
  id: string;
  kind: MetricKind;
  /** `reported`: as the report states it; `computed`: derived here from reported figures. */
  origin: 'reported' | 'computed';
  /** Exact value; `null` where the report gives no figure. */
  value: number | null;
  /** As the site writes it: percentages rounded half up to whole numbers. */
  displayed: number | null;
  /** Heading id of the report section the figure (or its inputs) comes from. */
  section: string;
  labelZh: string;
  labelEn: string;
}

/** Documentation of every field, shipped inside the JSON so the file explains itself. */
export const openDataFields: Record<keyof OpenDataRow, string> = {
  id: 'Stable identifier of the figure (the id used by <Metric> in the report).',
  kind: '"count" (a number of teams, offices, …) or "percent" (0–100).',
  origin:
    '"reported": stated in the report; "computed": derived at build time from reported counts.',
  value: 'Exact value; null where the report gives no figure ("not reported", never 0).',
  displayed:
    'The value as the site shows it: percentages rounded half up to whole numbers, as the report does.',
  section:
    'Heading id of the report section the figure comes from (e.g. "basics" is 一、基本做法和验收情况).',
  labelZh: 'Label in Simplified Chinese.',
  labelEn: 'Label in English.',
};

function row(figure: Figure): OpenDataRow {
  return {
    id: figure.id,
    kind: figure.kind,
    origin: figure.origin,
    value: figure.value,
    displayed: figure.displayed,
    section: figure.section,
    labelZh: figure.label.zh,
    labelEn: figure.label.en,
  };
}

/** Every figure of a year, reported and computed, in the order its file declares them. */
export function openDataRows(figures: YearFigures): OpenDataRow[] {
  return figures.figures.map(row);
}

// The columns are the documented fields, in the same order: one list, so they cannot drift.
const csvColumns = Object.keys(openDataFields) as Array<keyof OpenDataRow>;

function csvCell(value: string | number | null): string {
  if (value === null) return 'not reported';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv<T>(columns: Array<keyof T & string>, rows: T[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((r) =>
      columns.map((column) => csvCell(r[column] as string | number | null)).join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as CSV: UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the Chinese correctly. */
export function toCsv(rows: OpenDataRow[]): string {
  return csv(csvColumns, rows);
}

/** The rows as a self-describing JSON document. */
export function toJson(year: number, rows: OpenDataRow[]): string {
  return `${JSON.stringify({ year, fields: openDataFields, figures: rows }, null, 2)}\n`;
}

/** One figure of one year in the file across all years (`/data/metrics.csv`, `.json`). */
export interface AllYearsRow {
  year: number;
  id: string;
  labelZh: string;
  labelEn: string;
  kind: MetricKind;
  value: number | null;
  displayed: number | null;
}

export const allYearsFields: Record<keyof AllYearsRow, string> = {
  year: 'The report year.',
  id:
    'Stable identifier of the figure: the same id in two years is the same measure ' +
    '(same kind and counter word), so the years compare.',
  labelZh: 'Label in Simplified Chinese, as that year declares it.',
  labelEn: 'Label in English, as that year declares it.',
  kind: openDataFields.kind,
  value: openDataFields.value,
  displayed: openDataFields.displayed,
};

const allYearsColumns = Object.keys(allYearsFields) as Array<keyof AllYearsRow>;

/** Every figure of every year, years in order, each year's figures in its file's order. */
export function allYearsRows(years: YearFigures[]): AllYearsRow[] {
  return [...years]
    .sort((a, b) => a.year - b.year)
    .flatMap((figures) =>
      figures.figures.map((f) => ({
        year: figures.year,
        id: f.id,
        labelZh: f.label.zh,
        labelEn: f.label.en,
        kind: f.kind,
        value: f.value,
        displayed: f.displayed,
      })),
    );
}

export function allYearsCsv(rows: AllYearsRow[]): string {
  return csv(allYearsColumns, rows);
}

export function allYearsJson(rows: AllYearsRow[]): string {
  return `${JSON.stringify({ fields: allYearsFields, figures: rows }, null, 2)}\n`;
}
