import type { MetricsData } from '../schemas/metrics';
import { displayedValue, metricIds, metricTable, yearFigures, type MetricId, type MetricKind } from './metrics';

/** One row of the open data: a figure, whether the report states it or it is computed, and where it comes from. */
export interface OpenDataRow {
  id: MetricId;
  kind: MetricKind;
  /** `reported`: as the report states it; `computed`: derived here from reported counts. */
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
  origin: '"reported": stated in the report; "computed": derived at build time from reported counts.',
  value: 'Exact value; null where the report gives no figure ("not reported", never 0).',
  displayed: 'The value as the site shows it: percentages rounded half up to whole numbers, as the report does.',
  section: 'Heading id of the report section the figure comes from (e.g. "basics" is 一、基本做法和验收情况).',
  labelZh: 'Label in Simplified Chinese.',
  labelEn: 'Label in English.',
};

/** Where each figure comes from: the raw field it reads, and whether it is stated or computed. */
const sources: Record<MetricId, { origin: OpenDataRow['origin']; from: (data: MetricsData) => { section: string } }> = {
  'teams.total': { origin: 'reported', from: (d) => d.teams.total },
  'teams.excellent': { origin: 'reported', from: (d) => d.teams.excellent },
  'teams.excellentRate': { origin: 'computed', from: (d) => d.teams.excellent },
  'teams.qualified': { origin: 'reported', from: (d) => d.teams.qualifiedOrBetter },
  'teams.qualifiedRate': { origin: 'computed', from: (d) => d.teams.qualifiedOrBetter },
  'teams.qualifiedOnly': { origin: 'computed', from: (d) => d.teams.qualifiedOrBetter },
  'teams.belowQualified': { origin: 'computed', from: (d) => d.teams.qualifiedOrBetter },
  'leaders.qualifiedRate': { origin: 'reported', from: (d) => d.teamLeaders.qualifiedPercent },
  'targets.excellentTeams': { origin: 'reported', from: (d) => d.targets.excellentTeamsPercent },
  'targets.qualifiedTeams': { origin: 'reported', from: (d) => d.targets.qualifiedTeamsPercent },
  'targets.qualifiedLeaders': { origin: 'reported', from: (d) => d.targets.qualifiedLeadersPercent },
  'fiveGood.units': { origin: 'reported', from: (d) => d.fiveGood.units },
  'fiveGood.offices': { origin: 'reported', from: (d) => d.fiveGood.offices },
  'fiveGood.officesParticipating': { origin: 'reported', from: (d) => d.fiveGood.officesParticipating },
  'fiveGood.officesAccepted': { origin: 'reported', from: (d) => d.fiveGood.officesAccepted },
  'fiveGood.acceptedRate': { origin: 'computed', from: (d) => d.fiveGood.officesAccepted },
  'inspections.septemberProblems': { origin: 'reported', from: (d) => d.inspections.septemberProblems },
};

/** Every figure of a year, reported and computed, with labels in both languages. */
export function openDataRows(data: MetricsData, label: (id: MetricId) => { zh: string; en: string }): OpenDataRow[] {
  const table = metricTable(yearFigures(data));
  return metricIds.map((id) => {
    const metric = table[id];
    const { zh, en } = label(id);
    return {
      id,
      kind: metric.kind,
      origin: sources[id].origin,
      value: metric.value,
      displayed: displayedValue(metric),
      section: sources[id].from(data).section,
      labelZh: zh,
      labelEn: en,
    };
  });
}

const csvColumns: Array<keyof OpenDataRow> = ['id', 'kind', 'origin', 'value', 'displayed', 'section', 'labelZh', 'labelEn'];

function csvCell(value: string | number | null): string {
  if (value === null) return 'not reported';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as CSV: UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the Chinese correctly. */
export function toCsv(rows: OpenDataRow[]): string {
  const lines = [csvColumns.join(','), ...rows.map((row) => csvColumns.map((column) => csvCell(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as a self-describing JSON document. */
export function toJson(year: number, rows: OpenDataRow[]): string {
  return `${JSON.stringify({ year, fields: openDataFields, figures: rows }, null, 2)}\n`;
}
