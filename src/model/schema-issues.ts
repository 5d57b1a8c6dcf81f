import { z } from 'astro/zod';
import { objectAt, unknownFieldText } from './fields';
import type { CheckProblem } from '../utils/problems';

type Issue = z.core.$ZodIssue;
const zhLocale = z.locales.zhCN();

/** The value at a path in parsed data (undefined when any step is missing). */
function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const typeNames: Record<string, { en: string; zh: string }> = {
  string: { en: 'text', zh: '文字' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  array: { en: 'a list such as [a, b]', zh: '列表，如 [a, b]' },
  object: { en: 'a group of fields', zh: '一组字段' },
  date: { en: 'a date such as 2008-01-18', zh: '日期，如 2008-01-18' },
};

/** What is wrong and how to fix it, in both languages, for one schema issue. */
function describe(
  issue: Issue,
  value: unknown,
  present: boolean,
): Pick<CheckProblem, 'message' | 'fix' | 'zh'> {
  if (!present && issue.code === 'invalid_type') {
    const type = typeNames[issue.expected] ?? { en: issue.expected, zh: issue.expected };
    return {
      message: 'is missing',
      fix: `add it (${type.en}); the scaffolds of \`npm run new\` show every field`,
      zh: {
        message: '缺少这个必填字段',
        fix: `补上这个字段（${type.zh}）；\`npm run new\` 生成的模板列出了所有字段`,
      },
    };
  }
  if (issue.code === 'invalid_type') {
    const type = typeNames[issue.expected] ?? { en: issue.expected, zh: issue.expected };
    const bad =
      issue.expected === 'date' ? { en: 'is not a real date', zh: '不是有效日期' } : undefined;
    return {
      message: bad?.en ?? `should be ${type.en}, but is ${JSON.stringify(value)}`,
      fix: `write ${type.en}`,
      zh: {
        message: bad?.zh ?? `应当是${type.zh}，现在是 ${JSON.stringify(value)}`,
        fix: `改成${type.zh}`,
      },
    };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return {
      message: 'is empty',
      fix: 'write the text; every required text field needs content',
      zh: { message: '内容为空', fix: '填写内容；必填的文字字段不能空着' },
    };
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return {
      message: `needs at least ${String(issue.minimum)} item(s)`,
      fix: 'add the missing items to the list',
      zh: { message: `至少需要 ${String(issue.minimum)} 项`, fix: '在列表里补上缺少的项' },
    };
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return {
      message: `is ${JSON.stringify(value)}, which is not allowed`,
      fix: `use one of: ${allowed}`,
      zh: { message: `“${String(value)}”不是允许的值`, fix: `改为以下之一：${allowed}` },
    };
  }
  // The figures file's rules carry both languages (src/figures/rules.ts).
  const bilingualIssue =
    issue.code === 'custom'
      ? (
          issue.params as
            | { figures?: { message: string; fix: string; zh: { message: string; fix: string } } }
            | undefined
        )?.figures
      : undefined;
  if (bilingualIssue)
    return { message: bilingualIssue.message, fix: bilingualIssue.fix, zh: bilingualIssue.zh };
  const partWhole = /^is (\d+), more than ([\w.]+) \((\d+)\)/.exec(issue.message);
  if (partWhole) {
    return {
      message: `is ${partWhole[1]}, more than ${partWhole[2]} (${partWhole[3]}); a part cannot exceed its whole`,
      fix: `check both numbers against the report and correct the wrong one`,
      zh: {
        message: `是 ${partWhole[1]}，大于 ${partWhole[2]}（${partWhole[3]}）；部分不能大于整体`,
        fix: '对照年度总结核对这两个数，改正写错的那个',
      },
    };
  }
  return {
    message: issue.message,
    fix: fixOf(issue),
    zh: { message: chineseOf(issue, value), fix: chineseFixOf(issue) },
  };
}

/** Chinese for messages the schemas write themselves; zod's Chinese locale for the rest. */
function chineseOf(issue: Issue, value: unknown): string {
  if (issue.message.startsWith('month is not in the given quarter'))
    return '月份不在所写的季度内（1–3 月是第 1 季度，4–6 月是第 2 季度，…）';
  if (issue.message.startsWith('must be an entry'))
    return '必须是某个条目的文件名（不带扩展名）：小写英文字母、数字和连字符，如 "hotel"';
  if (issue.message.startsWith('must be a report heading id'))
    return '必须是年度总结中某个标题的 id，如 "basics"（小写字母、数字和连字符）';
  if (issue.message.startsWith('must be a whole number'))
    return '必须是 0 或更大的整数，或者写 "not reported"（未报告）';
  if (issue.message.startsWith('must be a percentage'))
    return '必须是 0 到 100 之间的百分数，或者写 "not reported"（未报告）';
  const localized = zhLocale.localeError({ ...issue, input: value } as Parameters<
    typeof zhLocale.localeError
  >[0]);
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
}

function chineseFixOf(issue: Issue): string {
  if (issue.code === 'invalid_format') return '按要求的格式改写';
  if (issue.code === 'too_big') return `改为不超过 ${String(issue.maximum)} 的值`;
  if (issue.code === 'too_small') return `改为不小于 ${String(issue.minimum)} 的值`;
  if (issue.code === 'unrecognized_keys') return '删掉不认识的字段，或检查拼写';
  return '按说明改正这个值';
}

function fixOf(issue: Issue): string {
  if (issue.code === 'invalid_format') return 'correct the value to the required form';
  if (issue.code === 'too_big') return `use a value of at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `use a value of at least ${String(issue.minimum)}`;
  if (issue.code === 'unrecognized_keys') return 'remove the unknown field, or check its spelling';
  return 'correct the value as described';
}

/**
 * Validates data with a real collection schema and turns every issue into a bilingual problem
 * with its line (from `lineOf`). References are only checked for shape here: whether the entry
 * they name exists is a cross-entry check (src/model/integrity.ts).
 */
export function schemaProblems(
  file: string,
  data: unknown,
  schema: z.ZodType,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined,
  fieldPrefix: ReadonlyArray<PropertyKey> = [],
): { problems: CheckProblem[]; parsed: unknown } {
  const result = schema.safeParse(data);
  if (result.success) return { problems: [], parsed: result.data };
  const problems = result.error.issues.flatMap((issue): CheckProblem[] => {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      // One problem per unknown field, at its own line, with the nearest known field (src/model/fields.ts).
      const known = Object.keys(objectAt(schema, path)?.shape ?? {});
      return issue.keys.map((key) => {
        const line = lineOf([...fieldPrefix, ...path, key]);
        return {
          file,
          ...(line === undefined ? {} : { line }),
          field: [...path, key].map(String).join('.'),
          ...unknownFieldText(key, known),
        };
      });
    }
    const value = valueAt(data, path);
    const present = value !== undefined;
    const line = lineOf([...fieldPrefix, ...path]);
    return [
      {
        file,
        ...(line === undefined ? {} : { line }),
        field: path.length > 0 ? path.map(String).join('.') : '(whole file)',
        ...describe(issue, value, present),
      },
    ];
  });
  return { problems, parsed: undefined };
}
