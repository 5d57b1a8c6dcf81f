import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { metricsSchema } from '../../src/schemas/metrics';
import { keyFigures, percentOf } from '../../src/utils/metrics';

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

describe('keyFigures for 2007', () => {
  const figures = keyFigures(metrics2007);
  test('carries the report’s counts', () => {
    expect(figures).toMatchObject({
      year: 2007,
      teamsTotal: 108,
      teamsExcellent: 71,
      teamsQualified: 107,
      offices: 99,
      officesParticipating: 99,
      officesAccepted: 41,
      fiveGoodUnits: 21,
      problemsFound: 18,
    });
  });
  test('computes the shares the report states (66%, 99%)', () => {
    expect(figures.teamsExcellentPercent).toBe(66);
    expect(figures.teamsQualifiedPercent).toBe(99);
  });
  test('keeps the team leaders’ share unknown', () => {
    expect(figures.leadersQualifiedPercent).toBeNull();
  });
});
