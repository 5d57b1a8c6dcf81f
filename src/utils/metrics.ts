import { NOT_REPORTED, type MetricsData, type ReportedValue } from '../schemas/metrics';

/** A computed percentage, or `null` where the report gives no figure (never 0). */
export type Percent = number | null;

/**
 * The share `part / whole` as a percentage rounded half-up to `digits` decimals,
 * the convention of the report (71/108 = 65.74 → 66). `null` when either is unknown or whole is 0.
 */
export function percentOf(part: ReportedValue, whole: ReportedValue, digits = 0): Percent {
  if (part === NOT_REPORTED || whole === NOT_REPORTED || whole === 0) return null;
  const scale = 10 ** digits;
  // Work in integers first so 0.5 boundaries are not lost to binary floating point.
  return Math.round(((part * 100 * scale) / whole) + Number.EPSILON) / scale;
}

/** A reported value as a number, or `null` for "not reported". */
export function known(value: ReportedValue): number | null {
  return value === NOT_REPORTED ? null : value;
}

export interface KeyFigures {
  year: number;
  teamsTotal: number | null;
  teamsExcellent: number | null;
  teamsExcellentPercent: Percent;
  teamsQualified: number | null;
  teamsQualifiedPercent: Percent;
  leadersQualifiedPercent: Percent;
  offices: number | null;
  officesParticipating: number | null;
  officesAccepted: number | null;
  fiveGoodUnits: number | null;
  problemsFound: number | null;
}

/** The figures the home page and report cards show, all derived from one year's raw counts. */
export function keyFigures(data: MetricsData): KeyFigures {
  const { teams, teamLeaders, fiveGood, inspections } = data;
  return {
    year: data.year,
    teamsTotal: known(teams.total.value),
    teamsExcellent: known(teams.excellent.value),
    teamsExcellentPercent: percentOf(teams.excellent.value, teams.total.value),
    teamsQualified: known(teams.qualifiedOrBetter.value),
    teamsQualifiedPercent: percentOf(teams.qualifiedOrBetter.value, teams.total.value),
    leadersQualifiedPercent: known(teamLeaders.qualifiedPercent.value),
    offices: known(fiveGood.offices.value),
    officesParticipating: known(fiveGood.officesParticipating.value),
    officesAccepted: known(fiveGood.officesAccepted.value),
    fiveGoodUnits: known(fiveGood.units.value),
    problemsFound: known(inspections.septemberProblems.value),
  };
}
