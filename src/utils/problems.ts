/** One problem with the content: where it is, what is wrong and the fix, for the editor who has to fix it. */
export interface ContentProblem {
  file: string;
  /** 1-based line in the file, where the problem has one. */
  line?: number;
  field: string;
  message: string;
  fix: string;
  /** The same message and fix in Chinese, for the editors (`npm run check` prints both). */
  zh?: { message: string; fix: string };
}

/** A problem with its Chinese text: what `npm run check` and the build print. */
export type CheckProblem = ContentProblem & { zh: { message: string; fix: string } };

/** A ContentProblem from the shared modules, with a Chinese fallback where they have none. */
export function bilingual(problem: ContentProblem): CheckProblem {
  return { ...problem, zh: problem.zh ?? { message: problem.message, fix: problem.fix } };
}

/** A bilingual problem from its parts: `[message, fix]` in English, then in Chinese. */
export function problemAt(
  file: string,
  line: number | undefined,
  field: string,
  en: readonly [string, string],
  zh: readonly [string, string],
): CheckProblem {
  return {
    file,
    ...(line === undefined ? {} : { line }),
    field,
    message: en[0],
    fix: en[1],
    zh: { message: zh[0], fix: zh[1] },
  };
}

/** Project-relative path with forward slashes, as editors see it in their file browser. */
export function relativeFile(root: string, file: string): string {
  const normalizedRoot = root.replace(/\\/g, '/').replace(/\/?$/, '/');
  const normalized = file.replace(/\\/g, '/');
  return normalized.startsWith(normalizedRoot)
    ? normalized.slice(normalizedRoot.length)
    : normalized;
}

/**
 * Every problem, in file order, each block in Chinese first (the editors' language), then English:
 *
 *   1. src/content/units/zh-cn/hotel.mdx:5 — 字段 field "practices.1"
 *      问题：引用了“seven-constants”，但 glossary 中没有这一条目
 *      改法：…
 *      src/content/units/zh-cn/hotel.mdx:5 — field "practices.1" refers to "seven-constants", …
 *      Fix: …
 */
export function formatProblems(problems: ReadonlyArray<ContentProblem>): string {
  const sorted = problems
    .map(bilingual)
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const blocks = sorted.map((problem, index) => {
    const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
    return [
      `${index + 1}. ${where} — 字段 field "${problem.field}"`,
      `   问题：${problem.zh.message}`,
      `   改法：${problem.zh.fix}`,
      `   ${where} — field "${problem.field}" ${problem.message}.`,
      `   Fix: ${problem.fix}.`,
    ].join('\n');
  });
  return [
    `内容检查发现 ${problems.length} 个问题。Content check found ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
    '',
    ...blocks,
  ].join('\n');
}
