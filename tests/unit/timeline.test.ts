import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { timelineSchema } from '../../src/schemas/timeline';
import { findFigureLiterals } from '../../src/figures/prose-check';
import { splitMetricPlaceholders } from '../../src/figures/placeholders';

const source = readFileSync('src/content/timelines/2007.yaml', 'utf8');
const timeline = timelineSchema.parse(parse(source));

describe('the 2007 timeline', () => {
  test('covers all four quarters in order', () => {
    expect([...new Set(timeline.steps.map((step) => step.quarter))]).toEqual([1, 2, 3, 4]);
  });
  test('takes the September inspection figure from the data', () => {
    expect(source).toContain('{metric:inspections.septemberProblems}');
    expect(findFigureLiterals(source)).toEqual([]);
  });
  test('rejects a month outside its quarter', () => {
    const broken = structuredClone(parse(source)) as { steps: Array<{ month?: number }> };
    const step = broken.steps[0];
    if (step) step.month = 5;
    const result = timelineSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['steps', 0, 'month']);
  });
});

describe('splitMetricPlaceholders', () => {
  test('splits text around figures', () => {
    expect(splitMetricPlaceholders('发现的{metric:inspections.septemberProblems}个问题')).toEqual([
      { text: '发现的' },
      { metric: 'inspections.septemberProblems', bare: false },
      { text: '个问题' },
    ]);
    expect(splitMetricPlaceholders('no figures')).toEqual([{ text: 'no figures' }]);
  });
  test('reads {metric:id:bare}; whether an id exists is the content check’s (prose-check.test.ts)', () => {
    expect(splitMetricPlaceholders('“{metric:targets.excellentTeams:bare}”')).toEqual([
      { text: '“' },
      { metric: 'targets.excellentTeams', bare: true },
      { text: '”' },
    ]);
  });
});
