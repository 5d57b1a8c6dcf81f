import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import { defaultLocale, isLocale, locales } from '../i18n/locales';
import { findContentProblems, type CheckedEntry } from '../utils/integrity';
import { figureFilesProblems, metricTable, yearFigures, type MetricValue } from '../utils/metrics';
import { checkProse, contentTexts } from '../utils/prose-check';
import { sourceFingerprint, splitFrontmatter, withSourceHash } from '../utils/translation';
import type { MetricsData } from '../schemas/metrics';
import { collectionRules, type CheckSchemaContext, type CollectionRule } from './collections';
import { imageProblems, inlineImageRules } from './images';
import { checkMdxBody } from './mdx';
import { bilingual, formatProblems, relativeFile, type CheckProblem } from './problems';
import { schemaProblems } from './schema-issues';
import { parseYamlSource } from './yaml-source';

/** A content file is an editor's text: anything bigger is a paste gone wrong and makes a heavy page. */
export const maxContentBytes = 512 * 1024;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const contentExtensions = new Set(['.md', '.mdx', '.markdown', '.yaml', '.yml', '.json']);
const markupPattern = /<\s*\/?\s*[a-z!][^>]*>?/i;

const checkContext: CheckSchemaContext = { image: () => z.string().trim().min(1) };

/** One entry's translation state: the Chinese source and whether its English counterpart is current. */
export interface TranslationRow {
  collection: string;
  slug: string;
  source: string;
  translation?: string;
  status: 'current' | 'missing' | 'stale' | 'untracked';
}

export interface CheckResult {
  problems: CheckProblem[];
  translations: TranslationRow[];
  files: number;
}

interface LoadedEntry {
  collection: string;
  rule: CollectionRule;
  id: string;
  locale: string | undefined;
  slug: string;
  file: string;
  absolute: string;
  text: string;
  data: Record<string, unknown> | undefined;
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined;
  references: CheckedEntry['references'];
}

async function filesUnder(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder, { recursive: true, withFileTypes: true });
    return names.filter((dirent) => dirent.isFile()).map((dirent) => join(dirent.parentPath, dirent.name)).sort();
  } catch {
    return [];
  }
}

/** Every `{ id, collection }` a parsed entry holds (what `reference()` produces), with its field path. */
function referencesIn(value: unknown, path: Array<string | number> = []): CheckedEntry['references'] {
  if (Array.isArray(value)) return value.flatMap((item, index) => referencesIn(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && typeof record.collection === 'string' && Object.keys(record).length === 2) {
    return [{ field: path.join('.'), collection: record.collection, id: record.id }];
  }
  return Object.entries(record).flatMap(([key, item]) => referencesIn(item, [...path, key]));
}

/** Text fields with HTML in them: shown as text on the site, but never what the editor meant. */
function markupIn(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') return markupPattern.test(value) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => markupIn(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => markupIn(item, [...path, key]));
}

function problemAt(file: string, line: number | undefined, field: string, en: [string, string], zh: [string, string]): CheckProblem {
  return { file, ...(line === undefined ? {} : { line }), field, message: en[0], fix: en[1], zh: { message: zh[0], fix: zh[1] } };
}

/** Validates every content file of the project at `root`, collecting every problem (never stopping at the first). */
export async function checkContent(root: string): Promise<CheckResult> {
  const problems: CheckProblem[] = [];
  const loaded: LoadedEntry[] = [];
  let files = 0;

  for (const [collection, rule] of Object.entries(collectionRules)) {
    const folder = join(root, rule.folder);
    const seen = new Map<string, string>();
    for (const absolute of await filesUnder(folder)) {
      const file = relativeFile(root, absolute);
      const extension = extname(absolute).toLowerCase();
      const parts = relativeFile(folder, absolute).split('/');
      const name = parts.at(-1) ?? '';
      if (name.startsWith('.') || !contentExtensions.has(extension)) continue; // images, notes
      files += 1;
      if (extension !== rule.extension) {
        problems.push(problemAt(file, undefined, '(file name)', [`ends in "${extension}", so the site ignores it`, `rename it to ${name.slice(0, -extension.length)}${rule.extension}`], [`扩展名是“${extension}”，网站会忽略这个文件`, `改名为 ${name.slice(0, -extension.length)}${rule.extension}`]));
        continue;
      }
      const locale = rule.layout === 'localized' ? parts[0] : undefined;
      if (rule.layout === 'localized' ? parts.length !== 2 || !isLocale(locale) : parts.length !== 1) {
        const where = rule.layout === 'localized' ? `${rule.folder}/<${locales.join('|')}>/` : `${rule.folder}/`;
        problems.push(problemAt(file, undefined, '(file location)', [`is not where the site looks for ${collection}`, `move it directly into ${where}`], [`不在网站读取 ${collection} 的位置`, `把它直接移到 ${where} 下`]));
        continue;
      }
      const slug = name.slice(0, -extension.length);
      if (!slugPattern.test(slug)) {
        problems.push(problemAt(file, undefined, '(file name)', [`"${slug}" is not a valid file name: it becomes the page address, so it must be lower-case ASCII letters, digits and hyphens`, 'rename the file, e.g. "water-plant.mdx" (the same name in both language folders)'], [`文件名“${slug}”不合规：文件名就是网页地址，只能用小写英文字母、数字和连字符`, '给文件改名，如“water-plant.mdx”（两个语言文件夹中同名）']));
        continue;
      }
      const key = `${locale ?? ''}/${slug}`;
      const duplicate = seen.get(key.toLowerCase());
      if (duplicate) {
        problems.push(problemAt(file, undefined, '(file name)', [`has the same name as ${duplicate}: two entries cannot share a file name (page address)`, 'rename one of them, or delete the copy'], [`与 ${duplicate} 同名：两个条目不能共用一个文件名（网页地址）`, '给其中一个改名，或删除重复的副本']));
        continue;
      }
      seen.set(key.toLowerCase(), file);
      const entry = await loadEntry(collection, rule, root, absolute, file, locale, slug, problems);
      if (entry) loaded.push(entry);
    }
  }

  problems.push(...duplicateNames(loaded));

  // Cross-entry checks: counterparts, references (shared with the build, src/utils/integrity.ts).
  const localized: Record<string, CheckedEntry[]> = {};
  const shared: Record<string, CheckedEntry[]> = {};
  for (const [collection, rule] of Object.entries(collectionRules)) {
    (rule.layout === 'localized' ? localized : shared)[collection] = loaded
      .filter((entry) => entry.collection === collection)
      .map((entry) => ({ id: entry.id, filePath: entry.file, references: entry.references }));
  }
  problems.push(...findContentProblems({ localized, shared }).map(bilingual));
  problems.push(...draftProblems(loaded));

  // Figures files across years, and typed figures in every text against the data (as the build does).
  const figureFiles = loaded.filter((e) => e.collection === 'metrics' && e.data);
  problems.push(
    ...figureFilesProblems(figureFiles.map((e) => ({ file: e.file, slug: e.slug, data: e.data as unknown as MetricsData, lineOf: e.lineOf }))).map(bilingual),
  );
  const tables = new Map<number, Record<string, MetricValue>>();
  for (const entry of figureFiles) {
    const data = entry.data as unknown as MetricsData;
    tables.set(data.year, metricTable(yearFigures(data)));
  }
  const proseEntries = loaded.flatMap((e) => (e.data ? [{ collection: e.collection, file: e.file, source: e.text, data: e.data, lineOf: e.lineOf }] : []));
  problems.push(...checkProse(contentTexts(proseEntries, [...tables.keys()]), tables).map(bilingual));

  const translations = translationRows(loaded);
  for (const row of translations) {
    if (row.status !== 'stale' && row.status !== 'untracked') continue;
    const entry = loaded.find((e) => e.file === row.translation);
    const line = entry?.lineOf(['sourceHash']) ?? 2;
    problems.push(
      problemAt(
        row.translation ?? row.source,
        line,
        'sourceHash',
        row.status === 'stale'
          ? [`is out of date: ${row.source} changed after this translation was made`, `update the translation to match the Chinese, then run: npm run check -- --mark-translated ${row.translation}`]
          : [`is missing, so nobody can tell whether this translation matches ${row.source}`, `compare it with the Chinese, then run: npm run check -- --mark-translated ${row.translation}`],
        row.status === 'stale'
          ? [`译文已过期：${row.source} 在翻译之后改动过`, `按中文修改译文，然后运行：npm run check -- --mark-translated ${row.translation}`]
          : [`缺少 sourceHash，无法判断译文是否与 ${row.source} 一致`, `对照中文核对译文，然后运行：npm run check -- --mark-translated ${row.translation}`],
      ),
    );
  }
  return { problems, translations, files };
}

async function loadEntry(
  collection: string,
  rule: CollectionRule,
  root: string,
  absolute: string,
  file: string,
  locale: string | undefined,
  slug: string,
  problems: CheckProblem[],
): Promise<LoadedEntry | undefined> {
  const size = (await stat(absolute)).size;
  if (size > maxContentBytes) {
    problems.push(problemAt(file, undefined, '(file size)', [`is ${(size / 1024 / 1024).toFixed(1)} MB; a content file must stay under ${maxContentBytes / 1024} KB so its page stays light`, 'remove what was pasted by mistake, or split the text into several entries'], [`文件有 ${(size / 1024 / 1024).toFixed(1)} MB；内容文件不能超过 ${maxContentBytes / 1024} KB，否则网页太重`, '删掉误粘贴的内容，或把文字拆成几个条目']));
    return undefined;
  }
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    problems.push(problemAt(file, undefined, '(file)', ['cannot be read', 'check the file permissions'], ['无法读取', '检查文件权限']));
    return undefined;
  }
  const isMdx = rule.extension === '.mdx' || rule.extension === '.md';
  const split = isMdx ? splitFrontmatter(text) : { frontmatter: text, body: '', bodyLine: 1 };
  if (split.frontmatter === undefined) {
    problems.push(problemAt(file, 1, '(frontmatter)', ['has no frontmatter (the fields between two --- lines at the top)', 'start the file with ---, the fields, and ---, as `npm run new` writes them'], ['缺少文件开头的字段区（两行 --- 之间的内容）', '文件开头写 ---、各字段、---，格式与 `npm run new` 生成的一样']));
    return undefined;
  }
  const yaml = parseYamlSource(split.frontmatter, isMdx ? 2 : 1);
  const entry: LoadedEntry = {
    collection,
    rule,
    id: locale ? `${locale}/${slug}` : slug,
    locale,
    slug,
    file,
    absolute,
    text,
    data: undefined,
    lineOf: yaml.lineOf,
    references: [],
  };
  for (const error of yaml.errors) {
    problems.push(problemAt(file, error.line, '(YAML)', [`is not valid YAML: ${error.message}`, 'check quotes, colons and indentation on that line (put text containing ": " in quotes)'], [`YAML 格式错误：${error.message}`, '检查该行的引号、冒号和缩进（含“: ”的文字要加引号）']));
  }
  if (yaml.errors.length === 0) {
    for (const { path, text: value } of markupIn(yaml.data)) {
      problems.push(problemAt(file, yaml.lineOf(path), path.join('.'), [`contains HTML markup (${JSON.stringify(value.slice(0, 60))}); fields are plain text`, 'remove the tags (<…>) and write plain text'], [`含有 HTML 标签（${JSON.stringify(value.slice(0, 60))}）；字段只能写纯文字`, '删掉 <…> 标签，只写文字']));
    }
    const schema = typeof rule.schema === 'function' ? rule.schema(checkContext) : rule.schema;
    const result = schemaProblems(file, yaml.data, schema, yaml.lineOf);
    problems.push(...result.problems);
    if (result.parsed && typeof result.parsed === 'object') {
      entry.data = result.parsed as Record<string, unknown>;
      entry.references.push(...referencesIn(entry.data).map((ref) => ({ ...ref, ...lineField(yaml.lineOf, ref.field) })));
      for (const [field, target] of Object.entries(rule.slugFields ?? {})) {
        const value = entry.data[field];
        if (typeof value === 'string') entry.references.push({ field, collection: target, id: value, ...lineField(yaml.lineOf, field) });
      }
      for (const field of rule.images?.fields ?? []) {
        const value = entry.data[field];
        if (typeof value !== 'string' || !rule.images) continue;
        const imagePath = resolve(dirname(absolute), value);
        problems.push(...(await imageProblems(file, field, imagePath, relativeFile(root, imagePath), rule.images.rules, yaml.lineOf([field]))));
      }
      const year = entry.data.year;
      // A figures file's year is checked by figureFilesProblems (src/utils/metrics.ts), in the build too.
      if ((collection === 'reports' || collection === 'timelines') && typeof year === 'number' && String(year) !== slug) {
        problems.push(problemAt(file, yaml.lineOf(['year']), 'year', [`is ${year}, but the file is named ${slug}`, `make them agree: the file of the ${year} report is named ${year}${rule.extension}`], [`是 ${year}，但文件名是 ${slug}`, `两者要一致：${year} 年的文件名是 ${year}${rule.extension}`]));
      }
    }
  }
  if (isMdx) {
    const findings = checkMdxBody(file, split.body, split.bodyLine, rule.components ?? []);
    problems.push(...findings.problems);
    entry.references.push(...findings.references);
    for (const image of findings.images) {
      const imagePath = resolve(dirname(absolute), image.url);
      problems.push(...(await imageProblems(file, '(image in text)', imagePath, relativeFile(root, imagePath), inlineImageRules, image.line)));
    }
  }
  return entry;
}

/**
 * Drafts are left out of production builds (src/data/site.ts), so a published entry must not
 * depend on one: not by reference, and not as its counterpart in the other language.
 */
function draftProblems(loaded: LoadedEntry[]): CheckProblem[] {
  const isDraft = (entry: LoadedEntry | undefined) => entry?.data?.draft === true;
  const byId = new Map(loaded.map((entry) => [`${entry.collection}:${entry.id}`, entry]));
  const problems: CheckProblem[] = [];
  for (const entry of loaded.filter((e) => e.data && !isDraft(e))) {
    for (const ref of entry.references) {
      const rule = collectionRules[ref.collection];
      const id = rule?.layout === 'localized' && !ref.id.includes('/') ? `${entry.locale ?? defaultLocale}/${ref.id}` : ref.id;
      const target = byId.get(`${ref.collection}:${id}`);
      if (!target || !isDraft(target)) continue;
      problems.push(problemAt(entry.file, ref.line, ref.field, [`refers to "${ref.id}", which is still a draft and will not be published`, `publish ${target.file} (draft: false), or remove the reference until it is`], [`引用的“${ref.id}”还是草稿，不会发布`, `把 ${target.file} 改为 draft: false 发布，或者先删掉这个引用`]));
    }
    if (entry.locale && entry.rule.layout === 'localized') {
      for (const locale of locales.filter((l) => l !== entry.locale)) {
        const counterpart = byId.get(`${entry.collection}:${locale}/${entry.slug}`);
        if (!counterpart || !isDraft(counterpart)) continue;
        problems.push(problemAt(counterpart.file, counterpart.lineOf(['draft']), 'draft', [`is true, but ${entry.file} is published: the two languages would not match`, 'set draft to the same value in both language files'], [`是 true，但 ${entry.file} 已发布：两种语言的网站会不一致`, '两个语言文件的 draft 要设成一样']));
      }
    }
  }
  return problems;
}

/** Fields that name what an entry is about: two entries with the same one describe the same thing twice. */
const namingFields: Record<string, ReadonlyArray<string>> = { units: ['name'], glossary: ['zh', 'en'] };

function duplicateNames(loaded: LoadedEntry[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [collection, fields] of Object.entries(namingFields)) {
    for (const field of fields) {
      const seen = new Map<string, LoadedEntry>();
      for (const entry of loaded.filter((e) => e.collection === collection && e.data)) {
        const value = entry.data?.[field];
        if (typeof value !== 'string') continue;
        const key = `${entry.locale ?? ''}\0${value.trim().toLowerCase()}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, entry);
          continue;
        }
        problems.push(problemAt(entry.file, entry.lineOf([field]), field, [`is "${value}", the same as in ${first.file}: two entries for one thing`, `keep one of the two files (their page addresses are "${first.slug}" and "${entry.slug}") and delete or rename the other`], [`是“${value}”，与 ${first.file} 重复：同一事物有两个条目`, `两个文件（网页地址“${first.slug}”和“${entry.slug}”）只保留一个，删除或改写另一个`]));
      }
    }
  }
  return problems;
}

function lineField(lineOf: LoadedEntry['lineOf'], field: string): { line?: number } {
  const line = lineOf(field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
  return line === undefined ? {} : { line };
}

function translationRows(loaded: LoadedEntry[]): TranslationRow[] {
  const rows: TranslationRow[] = [];
  for (const [collection, rule] of Object.entries(collectionRules)) {
    if (!rule.translated) continue;
    const entries = loaded.filter((entry) => entry.collection === collection);
    for (const source of entries.filter((entry) => entry.locale === defaultLocale)) {
      for (const locale of locales.filter((l) => l !== defaultLocale)) {
        const translation = entries.find((entry) => entry.locale === locale && entry.slug === source.slug);
        if (!translation) {
          rows.push({ collection, slug: source.slug, source: source.file, status: 'missing' });
          continue;
        }
        const recorded = /^sourceHash:\s*["']?([0-9a-f]+)/m.exec(splitFrontmatter(translation.text).frontmatter ?? '')?.[1];
        const status = recorded === undefined ? 'untracked' : recorded === sourceFingerprint(source.text) ? 'current' : 'stale';
        rows.push({ collection, slug: source.slug, source: source.file, translation: translation.file, status });
      }
    }
  }
  return rows;
}

/** Records in each translation the fingerprint of its current Chinese source. */
async function markTranslated(root: string, files: string[], print: (text: string) => void): Promise<number> {
  let code = 0;
  for (const file of files) {
    const absolute = resolve(root, file);
    const parts = relativeFile(root, absolute).split('/');
    const localeIndex = parts.findIndex((part) => isLocale(part));
    if (localeIndex < 0 || parts[localeIndex] === defaultLocale) {
      print(`✗ ${file}: 不是译文文件（应在 en 文件夹中）。Not a translation: give a file in an "en" folder.`);
      code = 1;
      continue;
    }
    const source = [...parts.slice(0, localeIndex), defaultLocale, ...parts.slice(localeIndex + 1)].join(sep);
    try {
      const hash = sourceFingerprint(await readFile(join(root, source), 'utf8'));
      await writeFile(absolute, withSourceHash(await readFile(absolute, 'utf8'), hash));
      print(`✓ ${relativeFile(root, absolute)}: 已记录为 ${source.replace(/\\/g, '/')} 的最新译文。Marked as translated from the current source.`);
    } catch (error) {
      print(`✗ ${file}: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
  }
  return code;
}

function translationReport(rows: TranslationRow[]): string {
  const label = { current: '✓ 已同步 current', missing: '✗ 缺少译文 missing', stale: '✗ 译文过期 stale', untracked: '✗ 未记录 untracked' } as const;
  const lines = rows.map((row) => `${label[row.status].padEnd(20)} ${row.collection}/${row.slug}  ${row.source}${row.translation ? ` → ${row.translation}` : ''}`);
  const open = rows.filter((row) => row.status !== 'current').length;
  return [
    '翻译状态 Translation status',
    ...lines,
    open === 0 ? '所有译文都是最新的。Every translation is current.' : `${open} 个条目需要翻译或更新译文。${open} entr${open === 1 ? 'y needs' : 'ies need'} translating.`,
  ].join('\n');
}

/** `npm run check [-- --translations | --mark-translated <file>…]`. Returns the exit code. */
export async function runCheck(args: string[], root: string, print: (text: string) => void): Promise<number> {
  const started = performance.now();
  if (args[0] === '--mark-translated') return markTranslated(root, args.slice(1), print);
  const result = await checkContent(root);
  if (args.includes('--translations')) {
    print(translationReport(result.translations));
    return result.translations.some((row) => row.status !== 'current') ? 1 : 0;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.problems.length > 0) {
    print(formatProblems(result.problems));
    print(`\n改正以上问题后再运行 npm run check。Fix the above, then run npm run check again. (${result.files} files, ${seconds} s)`);
    return 1;
  }
  print(`✓ 内容检查通过：${result.files} 个文件没有问题。Content check passed: ${result.files} files, no problems. (${seconds} s)`);
  return 0;
}
