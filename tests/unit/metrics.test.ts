import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { metricsSchema } from '../../src/schemas/metrics';
import { NOT_REPORTED } from '../../src/schemas/metrics';
import { displayedValue, exactPercent, metricIds, metricTable, percentOf, roundPercent, yearFigures } from '../../src/utils/metrics';

const metrics2007 = metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8')));

describe('percentOf', () => {
  test('rounds half up to whole percentages, as the report does', () => {
    expect(percentOf(71, 108)).toBe(66); // 65.74
    expect(percentOf(107, 108)).toBe(99); // 99.07
    expect(percentOf(1, 8)).toBe(13); // 12.5 rounds up
    expect(percentOf(41, 99, 1)).toBe(41.4);
  });
  test('is unknown, never 0, when a figure is not reported', () => {
    expect(percentOf('not reported', 108)).toBeNull();
    expect(percentOf(71, 'not reported')).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('yearFigures for 2007', () => {
  const figures = yearFigures(metrics2007);
  test('carries the report’s counts', () => {
    expect(figures.teams).toMatchObject({ total: 108, excellent: 71, qualifiedOrBetter: 107 });
    expect(figures.fiveGood).toMatchObject({ units: 21, offices: 99, participating: 99, accepted: 41 });
    expect(figures.inspections.septemberProblems).toBe(18);
  });
  test('derives the grade split 71 / 36 / 1 of 108', () => {
    expect(figures.teams.qualifiedOnly).toBe(36);
    expect(figures.teams.belowQualified).toBe(1);
    expect(figures.teams.excellent! + figures.teams.qualifiedOnly! + figures.teams.belowQualified!).toBe(108);
  });
  test('computes the shares the report states (66%, 99%), exactly and rounded', () => {
    expect(figures.teams.excellentPercent).toBeCloseTo(65.7407, 4);
    expect(roundPercent(figures.teams.excellentPercent)).toBe(66);
    expect(roundPercent(figures.teams.qualifiedPercent)).toBe(99);
    expect(roundPercent(figures.teams.qualifiedPercent, 1)).toBe(99.1);
    expect(roundPercent(figures.fiveGood.acceptedPercent, 1)).toBe(41.4);
    expect(figures.fiveGood.participatingPercent).toBe(100);
    expect(figures.fiveGood.notAccepted).toBe(58);
  });
  test('compares each rate with its target', () => {
    expect(figures.targets).toEqual([
      { id: 'excellentTeams', target: 50, actual: figures.teams.excellentPercent, status: 'met', marginPoints: 15.7 },
      { id: 'qualifiedTeams', target: 95, actual: figures.teams.qualifiedPercent, status: 'met', marginPoints: 4.1 },
      { id: 'qualifiedLeaders', target: 95, actual: null, status: 'not-reported', marginPoints: null },
    ]);
  });
  test('keeps the team leaders’ share unknown, never 0, while its target stays', () => {
    expect(figures.leaders.qualifiedPercent).toBeNull();
    expect(figures.targets[2]?.target).toBe(95);
  });
  test('a missed target is reported with a negative margin', () => {
    const data = structuredClone(metrics2007);
    data.teams.excellent.value = 40;
    const excellent = yearFigures(data).targets[0];
    expect(excellent).toMatchObject({ status: 'missed', marginPoints: -13 });
  });
  test('unknown counts stay unknown in everything derived from them', () => {
    const data = structuredClone(metrics2007);
    data.teams.total.value = NOT_REPORTED;
    const derived = yearFigures(data);
    expect(derived.teams.excellentPercent).toBeNull();
    expect(derived.teams.belowQualified).toBeNull();
    expect(derived.targets[0]?.status).toBe('not-reported');
  });
});

describe('metricTable', () => {
  const table = metricTable(yearFigures(metrics2007));
  test('has every id, each with the kind that decides how it is written', () => {
    expect(Object.keys(table).sort()).toEqual([...metricIds].sort());
    expect(table['teams.excellentRate']).toEqual({ kind: 'percent', value: exactPercent(71, 108) });
    expect(table['targets.excellentTeams']).toEqual({ kind: 'percent', value: 50 });
    expect(table['leaders.qualifiedRate']).toEqual({ kind: 'percent', value: null });
  });
  test('percentages are shown rounded like the report, counts as they are', () => {
    expect(displayedValue(table['teams.excellentRate'])).toBe(66);
    expect(displayedValue(table['teams.total'])).toBe(108);
    expect(displayedValue(table['leaders.qualifiedRate'])).toBeNull();
  });
});
