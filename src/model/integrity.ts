import { locales, type Locale } from '../i18n/locales';
import { splitEntryId } from './entry-ids';
import type { ContentProblem } from '../utils/problems';

export type { ContentProblem };

/** The part of a content entry the cross-entry checks need. */
export interface CheckedEntry {
  id: string;
  filePath?: string;
  /** The report year the entry belongs to: its references to year-folder collections resolve in it. */
  year?: number;
  /**
   * References this entry makes, by field path: `practices.0` → `{ collection: 'glossary', id:
   * 'six-constants' }`; `year` when the reference itself names the year (`<ReportQuote year>`).
   */
  references: Array<{
    field: string;
    collection: string;
    id: string;
    line?: number;
    year?: number;
  }>;
}

export interface CheckInput {
  /** Collections whose entries live in one folder per locale and must exist in every locale. */
  localized: Record<string, CheckedEntry[]>;
  /** Collections with one entry for all locales. */
  shared: Record<string, CheckedEntry[]>;
  /** Localized collections kept in year folders (`units/zh-cn/2007/hotel`): referenced by slug, in a year. */
  yearFolders?: ReadonlyArray<string>;
}

/**
 * Finds what schemas cannot: entries missing in a locale and references to entries that do not exist.
 * Each problem names the file, the field, what is wrong and how to fix it.
 */
export function findContentProblems({
  localized,
  shared,
  yearFolders = [],
}: CheckInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Map<string, Set<string>>();
  for (const [collection, entries] of Object.entries({ ...localized, ...shared })) {
    ids.set(collection, new Set(entries.map((entry) => entry.id)));
  }

  for (const [collection, entries] of Object.entries(localized)) {
    const existing = ids.get(collection) ?? new Set();
    for (const entry of entries) {
      const parts = splitEntryId(entry.id);
      if (!parts) {
        problems.push({
          file: entry.filePath ?? entry.id,
          field: '(file location)',
          message: `is not inside a language folder (${locales.join(' or ')})`,
          fix: `move it to src/content/${collection}/<${locales.join('|')}>/`,
          zh: {
            message: `不在语言文件夹（${locales.join(' 或 ')}）里`,
            fix: `把它移到 src/content/${collection}/<${locales.join('|')}>/ 下`,
          },
        });
        continue;
      }
      for (const locale of locales) {
        if (locale === parts.locale || existing.has(`${locale}/${parts.slug}`)) continue;
        problems.push({
          file: entry.filePath ?? entry.id,
          field: '(counterpart)',
          message: `has no ${locale} counterpart`,
          fix:
            `add src/content/${collection}/${locale}/${fileName(entry, parts.slug)} ` +
            'with the same fields, translated',
          zh: {
            message: `缺少 ${locale} 语言版本`,
            fix: `新建 src/content/${collection}/${locale}/${fileName(entry, parts.slug)}，字段相同，内容译成该语言`,
          },
        });
      }
    }
  }

  for (const entries of Object.values({ ...localized, ...shared })) {
    for (const entry of entries) {
      const locale = splitEntryId(entry.id)?.locale;
      for (const ref of entry.references) {
        const known = ids.get(ref.collection) ?? new Set<string>();
        if (yearFolders.includes(ref.collection)) {
          const problem = yearReferenceProblem(entry, ref, locale, known);
          if (problem) problems.push(problem);
          continue;
        }
        const targets = resolveReference(ref, locale, localized);
        const missing = targets.filter((target) => !known.has(target));
        if (missing.length === 0) continue;
        // A shared entry (a photo) needs its target in every language; say which ones lack it.
        const partly = missing.length < targets.length;
        problems.push({
          file: entry.filePath ?? entry.id,
          ...(ref.line === undefined ? {} : { line: ref.line }),
          field: ref.field,
          message: partly
            ? `refers to "${ref.id}", which is missing from ` +
              `${missing.map((id) => `src/content/${ref.collection}/${id}`).join(' and ')}`
            : `refers to "${ref.id}", which is not in the ${ref.collection} collection`,
          fix: partly
            ? `add the missing language version of "${ref.id}" to src/content/${ref.collection}/`
            : `use the file name (without extension) of an entry in src/content/${ref.collection}/, or add that entry`,
          zh: partly
            ? {
                message: `引用了“${ref.id}”，但缺少 ${missing.map((id) => `src/content/${ref.collection}/${id}`).join('、')}`,
                fix: `在 src/content/${ref.collection}/ 中补上“${ref.id}”缺少的语言版本`,
              }
            : {
                message: `引用了“${ref.id}”，但 ${ref.collection} 中没有这一条目`,
                fix: `改成 src/content/${ref.collection}/ 里某个文件的文件名（不带扩展名），或先添加该条目`,
              },
        });
      }
    }
  }
  return problems;
}

/**
 * Localized collections are referenced by slug. From a localized entry the reference resolves in that
 * entry's locale; from a shared entry (one file for all languages) it must resolve in every locale.
 */
function resolveReference(
  ref: CheckedEntry['references'][number],
  locale: Locale | undefined,
  localized: CheckInput['localized'],
): string[] {
  if (!(ref.collection in localized) || splitEntryId(ref.id)) return [ref.id];
  return locale ? [`${locale}/${ref.id}`] : locales.map((code) => `${code}/${ref.id}`);
}

/** The file's path below its language folder: `hotel.mdx`, `2007/hotel.mdx`. */
function fileName(entry: CheckedEntry, slug: string): string {
  const extension = /\.[a-z]+$/.exec(entry.filePath ?? '')?.[0] ?? '.mdx';
  return `${slug}${extension}`;
}

/**
 * A reference to a year-folder collection (`unit: hotel`) names the entry of the naming entry's
 * year (or the year the reference gives) in every language it is needed in. Without a known year
 * (a photo that has none, which the `photo-years` rule reports) any year will do.
 */
function yearReferenceProblem(
  entry: CheckedEntry,
  ref: CheckedEntry['references'][number],
  locale: Locale | undefined,
  known: ReadonlySet<string>,
): ContentProblem | undefined {
  const year = ref.year ?? entry.year;
  const needed = locale ? [locale] : [...locales];
  const missing = needed.filter((code) =>
    year === undefined
      ? ![...known].some((id) => id.startsWith(`${code}/`) && id.endsWith(`/${ref.id}`))
      : !known.has(`${code}/${year}/${ref.id}`),
  );
  if (missing.length === 0) return undefined;
  const folder = `src/content/${ref.collection}`;
  const files = missing
    .map((code) => `${folder}/${code}/${year ?? '<year>'}/${ref.id}.mdx`)
    .join(' and ');
  const filesZh = missing
    .map((code) => `${folder}/${code}/${year ?? '<年份>'}/${ref.id}.mdx`)
    .join('、');
  const anyYear = [...known].some((id) => id.endsWith(`/${ref.id}`));
  const verb = missing.length > 1 ? 'are' : 'is';
  return {
    file: entry.filePath ?? entry.id,
    ...(ref.line === undefined ? {} : { line: ref.line }),
    field: ref.field,
    message:
      year !== undefined && anyYear
        ? `refers to "${ref.id}", which has no entry for ${year}: ${files} ${verb} missing`
        : `refers to "${ref.id}", which is not in the ${ref.collection} collection (${files} ${verb} missing)`,
    fix:
      year !== undefined && anyYear
        ? `add what the ${year} report says of it (npm run new -- unit ${ref.id} --year ${year}), ` +
          `or name a ${ref.collection.replace(/s$/, '')} of ${year}`
        : `use the file name (without extension) of an entry in ` +
          `${folder}/<locale>/${year ?? '<year>'}/, or add that entry`,
    zh:
      year !== undefined && anyYear
        ? {
            message: `引用了“${ref.id}”，但它没有 ${year} 年的条目：缺少 ${filesZh}`,
            fix: `补上 ${year} 年度总结对它的记述（npm run new -- unit ${ref.id} --year ${year}），或改为引用 ${year} 年已有的条目`,
          }
        : {
            message: `引用了“${ref.id}”，但 ${ref.collection} 中没有这一条目（缺少 ${filesZh}）`,
            fix: `改成 ${folder}/<语言>/${year ?? '<年份>'}/ 里某个文件的文件名（不带扩展名），或先添加该条目`,
          },
  };
}

/** One message listing every problem, written for the editor who has to fix them. */
export function formatContentProblems(problems: ContentProblem[]): string {
  const lines = problems.map(
    (problem, index) =>
      `${index + 1}. ${problem.file}${problem.line ? `:${problem.line}` : ''} — ` +
      `field "${problem.field}" ${problem.message}.\n   Fix: ${problem.fix}.`,
  );
  return (
    `Content check failed with ${problems.length} problem${problems.length === 1 ? '' : 's'}; ` +
    `nothing was published:\n${lines.join('\n')}`
  );
}
