import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findContradictingFigures, findFigureLiterals } from '../../src/utils/prose-check';
import { metricsOf } from './content-helpers';

const metrics = metricsOf(2007);

describe('findFigureLiterals', () => {
  test('finds hand-typed percentages and counts, with their lines', () => {
    const source = '---\nyear: 2007\n---\n\n优秀班组71个，占67％。\nIn all, 99 offices and 18 problems; 41% of them.';
    expect(findFigureLiterals(source).map((l) => [l.line, l.kind, l.value])).toEqual([
      [5, 'percent', 67],
      [5, 'count', 71],
      [6, 'percent', 41],
      [6, 'count', 99],
      [6, 'count', 18],
    ]);
  });
  test('ignores figures written with <Metric>, dates and compounds', () => {
    const source = '2007年1月，<Metric id="teams.total" />个班组；the 2007 team-building work; 为期三天。';
    expect(findFigureLiterals(source)).toEqual([]);
  });
});

describe('findContradictingFigures', () => {
  test('accepts literals that agree with the data', () => {
    expect(findContradictingFigures('a.mdx', '占公司班组总数的66％；共41个。', metrics)).toEqual([]);
  });
  test('names the file, the line and the expected value of a contradicting literal', () => {
    const problems = findContradictingFigures('src/content/reports/zh-cn/2007.mdx', '第一行\n占公司班组总数的67%。', metrics);
    expect(problems).toEqual([
      {
        file: 'src/content/reports/zh-cn/2007.mdx',
        line: 2,
        field: '(prose)',
        message: '"67%" contradicts the data (teams.excellentRate is 66%)',
        fix: 'write <Metric id="teams.excellentRate" /> instead of typing the number, or correct the metrics file',
        zh: {
          message: '手写的数字“67%”与数据不符（teams.excellentRate 是 66%）',
          fix: '不要手写数字，改写成 <Metric id="teams.excellentRate" />；或者改正数据文件',
        },
      },
    ]);
  });
  test('catches an edited copy of the real report', () => {
    const real = readFileSync('src/content/reports/zh-cn/2007.mdx', 'utf8');
    const edited = real.replace('<Metric id="teams.excellentRate" />', '67%');
    const problems = findContradictingFigures('2007.mdx', edited, metrics);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('"67%" contradicts the data (teams.excellentRate is 66%)');
    expect(problems[0]?.line).toBe(edited.split('\n').findIndex((line) => line.includes('67%')) + 1);
  });
});
