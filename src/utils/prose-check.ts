import { displayedValue, type MetricId, type MetricKind, type MetricValue } from './metrics';
import type { ContentProblem } from './integrity';

/** A figure typed by hand into prose: a percentage, or a count followed by a counting word. */
export interface FigureLiteral {
  text: string;
  value: number;
  kind: MetricKind;
  /** 1-based line in the file. */
  line: number;
}

const patterns: Array<{ kind: MetricKind; pattern: RegExp }> = [
  { kind: 'percent', pattern: /(\d+(?:\.\d+)?)\s*[%％]/g },
  // Chinese counters: 108个班组, 21家单位.
  { kind: 'count', pattern: /(\d+)\s*(?:个|家|项|名)/g },
  // English nouns the report counts (not compounds such as "2007 team-building").
  {
    kind: 'count',
    pattern: /\b(\d+)\s+(?:(?:work\s+|excellent\s+|qualified\s+)?teams?|offices?|problems?|units?|departments?|second-tier)(?![-\w])/gi,
  },
];

/** Blanks out `<Metric … />` components (keeping offsets), so only hand-typed figures remain. */
function withoutMetricComponents(source: string): string {
  return source.replace(/<Metric\b[^>]*\/>/g, (tag) => ' '.repeat(tag.length));
}

/** Every hand-typed figure in a content file (frontmatter included), with its line. */
export function findFigureLiterals(source: string): FigureLiteral[] {
  const text = withoutMetricComponents(source);
  const literals: FigureLiteral[] = [];
  for (const { kind, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      literals.push({
        text: match[0],
        value: Number(match[1]),
        kind,
        line: text.slice(0, index).split('\n').length,
      });
    }
  }
  return literals.sort((a, b) => a.line - b.line);
}

/**
 * Hand-typed figures that contradict the data: a literal that equals no figure of its kind.
 * Each problem names the file, the line and the nearest figure the editor probably meant.
 */
export function findContradictingFigures(
  file: string,
  source: string,
  metrics: Record<MetricId, MetricValue>,
): ContentProblem[] {
  const figures = (Object.entries(metrics) as Array<[MetricId, MetricValue]>)
    .map(([id, metric]) => ({ id, kind: metric.kind, shown: displayedValue(metric) }))
    .filter((figure): figure is { id: MetricId; kind: MetricKind; shown: number } => figure.shown !== null);
  const problems: ContentProblem[] = [];
  for (const literal of findFigureLiterals(source)) {
    const sameKind = figures.filter((figure) => figure.kind === literal.kind);
    if (sameKind.some((figure) => figure.shown === literal.value)) continue;
    const nearest = [...sameKind].sort((a, b) => Math.abs(a.shown - literal.value) - Math.abs(b.shown - literal.value))[0];
    const expected = nearest ? `${nearest.id} is ${nearest.shown}${nearest.kind === 'percent' ? '%' : ''}` : 'no figure of this kind exists';
    problems.push({
      file,
      line: literal.line,
      field: '(prose)',
      message: `"${literal.text.trim()}" contradicts the data (${expected})`,
      fix: nearest
        ? `write <Metric id="${nearest.id}" /> instead of typing the number, or correct the metrics file`
        : 'remove the figure, or add it to the metrics file and write it with <Metric id="…" />',
      zh: {
        message: `手写的数字“${literal.text.trim()}”与数据不符（${nearest ? `${nearest.id} 是 ${nearest.shown}${nearest.kind === 'percent' ? '%' : ''}` : '没有这一类数字'}）`,
        fix: nearest
          ? `不要手写数字，改写成 <Metric id="${nearest.id}" />；或者改正数据文件`
          : '删掉这个数字；或者把它加进数据文件，再用 <Metric id="…" /> 引用',
      },
    });
  }
  return problems;
}
