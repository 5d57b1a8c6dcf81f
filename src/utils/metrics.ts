import { NOT_REPORTED, type MetricsData, type ReportedValue } from '../schemas/metrics';

/** A computed percentage, or `null` where the report gives no figure (never 0). */
export type Percent = number | null;

/** A reported value as a number, or `null` for "not reported". */
export function known(value: ReportedValue): number | null {
  return value === NOT_REPORTED ? null : value;
}

/**
 * The exact share `part / whole` as a percentage (71/108 → 65.74…), or `null` when either is
 * unknown. A whole of 0 has no share; the schema already rejects parts larger than wholes.
 */
export function exactPercent(part: ReportedValue, whole: ReportedValue): Percent {
  if (part === NOT_REPORTED || whole === NOT_REPORTED || whole === 0) return null;
  return (part * 100) / whole;
}

/**
 * Rounds a percentage half up to `digits` decimals, the report's convention (65.74 → 66, 12.5 → 13).
 * The small epsilon keeps values such as 1.005 from rounding down through binary floating point.
 */
export function roundPercent(percent: Percent, digits = 0): Percent {
  if (percent === null) return null;
  const scale = 10 ** digits;
  return Math.round(percent * scale + 1e-9) / scale;
}

/** `part / whole` as a percentage rounded like the report, or `null` when unknown. */
export function percentOf(part: ReportedValue, whole: ReportedValue, digits = 0): Percent {
  return roundPercent(exactPercent(part, whole), digits);
}

/** How a reported rate compares with its target. */
export interface TargetComparison {
  id: 'excellentTeams' | 'qualifiedTeams' | 'qualifiedLeaders';
  /** The target share, e.g. 50 for "at least 50%". */
  target: number | null;
  /** The exact actual share, or `null` where the report gives none. */
  actual: Percent;
  /** `met`, `missed`, or `not-reported` when the actual is unknown. */
  status: 'met' | 'missed' | 'not-reported';
  /** Actual minus target in percentage points, one decimal; `null` when unknown. */
  marginPoints: number | null;
}

function compare(id: TargetComparison['id'], actual: Percent, target: ReportedValue): TargetComparison {
  const goal = known(target);
  if (actual === null || goal === null) return { id, target: goal, actual, status: 'not-reported', marginPoints: null };
  return { id, target: goal, actual, status: actual >= goal ? 'met' : 'missed', marginPoints: roundPercent(actual - goal, 1) };
}

/** All figures of one year, computed from its raw counts only. */
export interface YearFigures {
  year: number;
  teams: {
    total: number | null;
    excellent: number | null;
    qualifiedOrBetter: number | null;
    /** Qualified but not excellent: qualified-or-better minus excellent. */
    qualifiedOnly: number | null;
    /** Below qualified: total minus qualified-or-better. */
    belowQualified: number | null;
    excellentPercent: Percent;
    qualifiedPercent: Percent;
  };
  leaders: { qualifiedPercent: Percent };
  targets: TargetComparison[];
  fiveGood: {
    units: number | null;
    offices: number | null;
    participating: number | null;
    accepted: number | null;
    /** Offices that took part but were not accepted at company level this year. */
    notAccepted: number | null;
    participatingPercent: Percent;
    acceptedPercent: Percent;
  };
  inspections: { septemberProblems: number | null };
}

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Computes every derived figure of a year from the raw counts in its metrics file. */
export function yearFigures(data: MetricsData): YearFigures {
  const { teams, teamLeaders, targets, fiveGood, inspections } = data;
  const excellentExact = exactPercent(teams.excellent.value, teams.total.value);
  const qualifiedExact = exactPercent(teams.qualifiedOrBetter.value, teams.total.value);
  const leadersExact = known(teamLeaders.qualifiedPercent.value);
  return {
    year: data.year,
    teams: {
      total: known(teams.total.value),
      excellent: known(teams.excellent.value),
      qualifiedOrBetter: known(teams.qualifiedOrBetter.value),
      qualifiedOnly: difference(known(teams.qualifiedOrBetter.value), known(teams.excellent.value)),
      belowQualified: difference(known(teams.total.value), known(teams.qualifiedOrBetter.value)),
      excellentPercent: excellentExact,
      qualifiedPercent: qualifiedExact,
    },
    leaders: { qualifiedPercent: leadersExact },
    targets: [
      compare('excellentTeams', excellentExact, targets.excellentTeamsPercent.value),
      compare('qualifiedTeams', qualifiedExact, targets.qualifiedTeamsPercent.value),
      compare('qualifiedLeaders', leadersExact, targets.qualifiedLeadersPercent.value),
    ],
    fiveGood: {
      units: known(fiveGood.units.value),
      offices: known(fiveGood.offices.value),
      participating: known(fiveGood.officesParticipating.value),
      accepted: known(fiveGood.officesAccepted.value),
      notAccepted: difference(known(fiveGood.officesParticipating.value), known(fiveGood.officesAccepted.value)),
      participatingPercent: exactPercent(fiveGood.officesParticipating.value, fiveGood.offices.value),
      acceptedPercent: exactPercent(fiveGood.officesAccepted.value, fiveGood.offices.value),
    },
    inspections: { septemberProblems: known(inspections.septemberProblems.value) },
  };
}

/** Whether a figure is a count or a percentage: decides how it is written. */
export type MetricKind = 'count' | 'percent';

/** One named figure that prose can quote with `<Metric id="…" />`. */
export interface MetricValue {
  kind: MetricKind;
  /** Exact value (percentages unrounded), or `null` for "not reported". */
  value: number | null;
}

/** Every figure prose may quote, by id. Percentages are exact here and rounded when written. */
export function metricTable(figures: YearFigures): Record<MetricId, MetricValue> {
  const count = (value: number | null): MetricValue => ({ kind: 'count', value });
  const percent = (value: Percent): MetricValue => ({ kind: 'percent', value });
  const target = (id: TargetComparison['id']) => percent(figures.targets.find((t) => t.id === id)?.target ?? null);
  return {
    'teams.total': count(figures.teams.total),
    'teams.excellent': count(figures.teams.excellent),
    'teams.excellentRate': percent(figures.teams.excellentPercent),
    'teams.qualified': count(figures.teams.qualifiedOrBetter),
    'teams.qualifiedRate': percent(figures.teams.qualifiedPercent),
    'teams.qualifiedOnly': count(figures.teams.qualifiedOnly),
    'teams.belowQualified': count(figures.teams.belowQualified),
    'leaders.qualifiedRate': percent(figures.leaders.qualifiedPercent),
    'targets.excellentTeams': target('excellentTeams'),
    'targets.qualifiedTeams': target('qualifiedTeams'),
    'targets.qualifiedLeaders': target('qualifiedLeaders'),
    'fiveGood.units': count(figures.fiveGood.units),
    'fiveGood.offices': count(figures.fiveGood.offices),
    'fiveGood.officesParticipating': count(figures.fiveGood.participating),
    'fiveGood.officesAccepted': count(figures.fiveGood.accepted),
    'fiveGood.acceptedRate': percent(figures.fiveGood.acceptedPercent),
    'inspections.septemberProblems': count(figures.inspections.septemberProblems),
  };
}

export const metricIds = [
  'teams.total',
  'teams.excellent',
  'teams.excellentRate',
  'teams.qualified',
  'teams.qualifiedRate',
  'teams.qualifiedOnly',
  'teams.belowQualified',
  'leaders.qualifiedRate',
  'targets.excellentTeams',
  'targets.qualifiedTeams',
  'targets.qualifiedLeaders',
  'fiveGood.units',
  'fiveGood.offices',
  'fiveGood.officesParticipating',
  'fiveGood.officesAccepted',
  'fiveGood.acceptedRate',
  'inspections.septemberProblems',
] as const;
export type MetricId = (typeof metricIds)[number];

export function isMetricId(value: string): value is MetricId {
  return (metricIds as readonly string[]).includes(value);
}

/** A metric as prose shows it before locale formatting: counts whole, percentages rounded like the report. */
export function displayedValue(metric: MetricValue): number | null {
  return metric.kind === 'percent' ? roundPercent(metric.value) : metric.value;
}
