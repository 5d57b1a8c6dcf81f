// The drafted timeline checked as `npm run check` would check it (schema, and the prose check's
// rule that its figures are quoted as {metric:id}), before the import writes anything. Pure.
import { parseYamlSource } from '../../model/yaml-source';
import type { ContentProblem } from '../../utils/problems';
import { timelineSchema } from '../../schemas/timeline';
import type { MetricValue } from '../../figures/compute';
import { checkProse, yamlTexts } from '../../figures/prose-check';

export function timelineProblems(
  file: string,
  source: string,
  figures: Record<string, MetricValue>,
  year: number,
): ContentProblem[] {
  const parsed = parseYamlSource(source);
  const problems: ContentProblem[] = parsed.errors.map((error) => ({
    file,
    line: error.line,
    field: '(yaml)',
    message: error.message,
    fix: 'importer fault',
  }));
  const checked = timelineSchema.safeParse(parsed.data);
  if (!checked.success)
    for (const issue of checked.error.issues)
      problems.push({
        file,
        line: parsed.lineOf(issue.path) ?? 1,
        field: issue.path.join('.'),
        message: issue.message,
        fix: 'importer fault',
      });
  const texts = yamlTexts(parsed.data, parsed.lineOf).map((text) => ({
    file,
    line: text.line,
    field: text.field,
    text: text.text,
    year,
    quote: 'placeholder' as const,
  }));
  problems.push(...checkProse(texts, new Map([[year, figures]])));
  return problems;
}

/**
 * The steps whose one-step timeline passes the check, and those that do not (a sentence the check
 * would refuse is left out of the draft and listed, rather than stopping the whole import).
 */
export function checkedSteps<Step extends { zh: string }>(
  steps: ReadonlyArray<Step>,
  render: (steps: ReadonlyArray<Step>) => string,
  figures: Record<string, MetricValue>,
  year: number,
): { kept: Step[]; left: Array<{ step: Step; problem: ContentProblem }> } {
  const kept: Step[] = [];
  const left: Array<{ step: Step; problem: ContentProblem }> = [];
  for (const step of steps) {
    const [problem] = timelineProblems('timeline', render([step]), figures, year);
    if (problem) left.push({ step, problem });
    else kept.push(step);
  }
  return { kept, left };
}
