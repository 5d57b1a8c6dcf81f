/**
 * Errors thrown while a page is built, written like `npm run check`'s (src/utils/problems.ts): the
 * content file and line to change, the field or component, what is wrong and the fix, in Chinese
 * (the editors' language) and English. The check catches these problems first; this is what an
 * editor sees when it did not run, or when a page finds something only the build can see.
 */

/** Where a problem is: a project-relative content file and, where known, the line. */
export interface ContentLocation {
  file: string;
  line?: number;
}

export interface RenderProblem extends ContentLocation {
  /** The field or construct as the editor wrote it: `sections.0`, `<Metric id="teams.excelent" />`. */
  field: string;
  zh: { message: string; fix: string };
  en: { message: string; fix: string };
}

/** The problem as text, laid out like a block of `npm run check`'s report. */
export function formatRenderProblem(problem: RenderProblem): string {
  const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
  return [
    `生成页面时发现问题，未发布任何内容。A page could not be built; nothing was published.`,
    `1. ${where} — 字段 field "${problem.field}"`,
    `   问题：${problem.zh.message}`,
    `   改法：${problem.zh.fix}`,
    `   ${where} — field "${problem.field}" ${problem.en.message}.`,
    `   Fix: ${problem.en.fix}.`,
  ].join('\n');
}

/** An error whose message is the formatted problem; the problem itself is kept for tests and tools. */
export class RenderError extends Error {
  readonly problem: RenderProblem;
  constructor(problem: RenderProblem) {
    super(formatRenderProblem(problem));
    this.name = 'RenderError';
    this.problem = problem;
  }
}

/**
 * The first file (and its 1-based line) whose text matches a pattern: which of the content files a
 * page renders holds the construct that failed. Undefined when none does.
 */
export function locateIn(
  files: ReadonlyArray<{ file: string; text: string }>,
  pattern: RegExp,
): ContentLocation | undefined {
  for (const { file, text } of files) {
    const match = pattern.exec(text);
    if (match) return { file, line: text.slice(0, match.index).split('\n').length };
  }
  return undefined;
}

/** A pattern for a component in MDX with one attribute value: `<Metric … id="teams.x"`. */
export function componentPattern(component: string, attribute: string, value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `<${component}\\b[^>]*\\b${attribute}\\s*=\\s*(?:"${escaped}"|'${escaped}'|\\{\\s*${escaped}\\s*\\})`,
  );
}
