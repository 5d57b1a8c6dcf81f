import { lstat, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { defaultLocale, isLocale, locales } from '../i18n/locales';
import { modelEntry, type ModelEntry } from '../model/entries';
import { contentModel, type CollectionModel, type ImageKind } from '../model/registry';
import { withFieldTables } from '../model/field-tables';
import { checkSite } from '../model/rules';
import { parseYamlSource } from '../model/yaml-source';
import { isReservedWindowsName } from '../model/content-paths';
import { sourceFingerprint, splitFrontmatter, withSourceHash } from '../model/translation';
import { inlineImageRules, photoRules, referencedImageProblems, type ImageRules } from './images';
import { inputFolders, symbolicLinksUnder } from '../integrations/content-links';
import { checkMdxBody } from './mdx';
import { formatProblems, problemAt, relativeFile, type CheckProblem } from '../utils/problems';
import { schemaProblems } from '../model/schema-issues';

/** A content file is an editor's text: anything bigger is a paste gone wrong and makes a heavy page. */
export const maxContentBytes = 512 * 1024;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const contentExtensions = new Set(['.md', '.mdx', '.markdown', '.yaml', '.yml', '.json']);
const markupPattern = /<\s*\/?\s*[a-z!][^>]*>?/i;

/**
 * The check's `image()` keeps the file path (./images.ts inspects the file itself) where the
 * build's returns image metadata: the rest of the schema is the same object.
 */
const checkContext = { image: () => z.string().trim().min(1) } as unknown as Pick<
  SchemaContext,
  'image'
>;
const imageRules: Record<ImageKind, ImageRules> = { photo: photoRules };

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
  model: CollectionModel;
  locale: string | undefined;
  slug: string;
  file: string;
  text: string;
  /** The rules' view of the entry (only as existing, if its data failed its schema). */
  entry: ModelEntry | undefined;
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined;
}

async function filesUnder(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder, { recursive: true, withFileTypes: true });
    // Symbolic links too, so that the check can refuse them (the build refuses them as well).
    return names
      .filter((dirent) => dirent.isFile() || dirent.isSymbolicLink())
      .map((dirent) => join(dirent.parentPath, dirent.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A problem for every symbolic link under src/ and public/ not already reported as a content file:
 * the build refuses them all (src/integrations/content-links.ts), since Astro publishes what a
 * link in public/ points at (`ln -s /etc/passwd public/notes.txt`).
 */
function inputLinkProblems(root: string, reported: ReadonlyArray<CheckProblem>): CheckProblem[] {
  const files = new Set(
    reported.filter((problem) => problem.field === '(file)').map((p) => p.file),
  );
  return inputFolders
    .flatMap((folder) => symbolicLinksUnder(join(root, folder)))
    .map((link) => relativeFile(root, link))
    .filter((file) => !files.has(file))
    .sort()
    .map((file) =>
      problemAt(
        file,
        undefined,
        '(file)',
        [
          'is a symbolic link (a shortcut to a file elsewhere); the build would publish whatever it ' +
            'points at, so it refuses it',
          'delete the link, or copy the file itself here in its place',
        ],
        [
          '是符号链接（指向别处文件的快捷方式）；构建会发布它指向的文件，所以拒绝它',
          '删除这个链接，或把文件本身复制到这里替换它',
        ],
      ),
    );
}

/** Text fields with HTML in them: shown as text on the site, but never what the editor meant. */
function markupIn(
  value: unknown,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') return markupPattern.test(value) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => markupIn(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => markupIn(item, [...path, key]));
}

/** Validates every content file of the project at `root`, collecting every problem (never stopping at the first). */
export async function checkContent(root: string): Promise<CheckResult> {
  const problems: CheckProblem[] = [];
  const loaded: LoadedEntry[] = [];
  let files = 0;

  for (const [collection, model] of Object.entries(contentModel) as Array<
    [string, CollectionModel]
  >) {
    const folder = join(root, model.folder);
    const seen = new Map<string, string>();
    for (const absolute of await filesUnder(folder)) {
      const file = relativeFile(root, absolute);
      const extension = extname(absolute).toLowerCase();
      const parts = relativeFile(folder, absolute).split('/');
      const name = parts.at(-1) ?? '';
      if (name.startsWith('.') || !contentExtensions.has(extension)) continue; // images, notes
      files += 1;
      if ((await lstat(absolute)).isSymbolicLink()) {
        problems.push(
          problemAt(
            file,
            undefined,
            '(file)',
            [
              'is a symbolic link (a shortcut to a file elsewhere); the site does not publish linked files',
              'copy the file itself here in place of the link',
            ],
            [
              '是符号链接（指向别处文件的快捷方式）；网站不发布链接的文件',
              '把文件本身复制到这里，替换这个链接',
            ],
          ),
        );
        continue;
      }
      if (extension !== model.extension) {
        problems.push(
          problemAt(
            file,
            undefined,
            '(file name)',
            [
              `ends in "${extension}", so the site ignores it`,
              `rename it to ${name.slice(0, -extension.length)}${model.extension}`,
            ],
            [
              `扩展名是“${extension}”，网站会忽略这个文件`,
              `改名为 ${name.slice(0, -extension.length)}${model.extension}`,
            ],
          ),
        );
        continue;
      }
      const locale = model.layout === 'localized' ? parts[0] : undefined;
      // Year-folder collections: a file at another depth is loaded all the same, so that the
      // content model's `year-folders` rule says where it belongs, as the build does.
      const depthOk = model.yearFolders ? parts.length >= 2 : parts.length === 2;
      if (model.layout === 'localized' ? !depthOk || !isLocale(locale) : parts.length !== 1) {
        const where =
          model.layout === 'localized'
            ? `${model.folder}/<${locales.join('|')}>/`
            : `${model.folder}/`;
        problems.push(
          problemAt(
            file,
            undefined,
            '(file location)',
            [`is not where the site looks for ${collection}`, `move it directly into ${where}`],
            [`不在网站读取 ${collection} 的位置`, `把它直接移到 ${where} 下`],
          ),
        );
        continue;
      }
      const slug = name.slice(0, -extension.length);
      if (!slugPattern.test(slug)) {
        problems.push(
          problemAt(
            file,
            undefined,
            '(file name)',
            [
              `"${slug}" is not a valid file name: it becomes the page address, ` +
                `so it must be lower-case ASCII letters, digits and hyphens`,
              'rename the file, e.g. "water-plant.mdx" (the same name in both language folders)',
            ],
            [
              `文件名“${slug}”不合规：文件名就是网页地址，只能用小写英文字母、数字和连字符`,
              '给文件改名，如“water-plant.mdx”（两个语言文件夹中同名）',
            ],
          ),
        );
        continue;
      }
      if (isReservedWindowsName(slug)) {
        problems.push(
          problemAt(
            file,
            undefined,
            '(file name)',
            [
              `"${slug}" is a device name reserved by Windows: ` +
                `the file cannot be created or opened on a Windows computer`,
              `rename the file, e.g. "${slug}-team${model.extension}" (the same name in both language folders)`,
            ],
            [
              `“${slug}”是 Windows 保留的设备名，这个文件在 Windows 电脑上无法创建或打开`,
              `给文件改名，如“${slug}-team${model.extension}”（两个语言文件夹中同名）`,
            ],
          ),
        );
        continue;
      }
      // The entry's path below its language folder: `hotel`, or `2007/hotel` in a year folder.
      const entryPath = [...parts.slice(locale === undefined ? 0 : 1, -1), slug].join('/');
      const key = `${locale ?? ''}/${entryPath}`;
      const duplicate = seen.get(key.toLowerCase());
      if (duplicate) {
        problems.push(
          problemAt(
            file,
            undefined,
            '(file name)',
            [
              `has the same name as ${duplicate}: two entries cannot share a file name (page address)`,
              'rename one of them, or delete the copy',
            ],
            [
              `与 ${duplicate} 同名：两个条目不能共用一个文件名（网页地址）`,
              '给其中一个改名，或删除重复的副本',
            ],
          ),
        );
        continue;
      }
      seen.set(key.toLowerCase(), file);
      const entry = await loadEntry(
        collection,
        model,
        root,
        absolute,
        file,
        locale,
        entryPath,
        problems,
      );
      if (entry) loaded.push(entry);
    }
  }

  // Cross-entry rules: the same function the build runs (src/model/rules.ts).
  const reported = new Set(problems.map(problemKey));
  for (const problem of checkSite(loaded.flatMap((entry) => (entry.entry ? [entry.entry] : [])))) {
    // The MDX check (./mdx.ts) reports some of the same things (unknown <Metric> ids) at the same place.
    if (!reported.has(problemKey(problem))) problems.push(problem);
  }

  problems.push(...inputLinkProblems(root, problems));

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
          ? [
              `is out of date: ${row.source} changed after this translation was made`,
              `update the translation to match the Chinese, ` +
                `then run: npm run check -- --mark-translated ${row.translation}`,
            ]
          : [
              `is missing, so nobody can tell whether this translation matches ${row.source}`,
              `compare it with the Chinese, then run: npm run check -- --mark-translated ${row.translation}`,
            ],
        row.status === 'stale'
          ? [
              `译文已过期：${row.source} 在翻译之后改动过`,
              `按中文修改译文，然后运行：npm run check -- --mark-translated ${row.translation}`,
            ]
          : [
              `缺少 sourceHash，无法判断译文是否与 ${row.source} 一致`,
              `对照中文核对译文，然后运行：npm run check -- --mark-translated ${row.translation}`,
            ],
      ),
    );
  }
  return { problems, translations, files };
}

async function loadEntry(
  collection: string,
  model: CollectionModel,
  root: string,
  absolute: string,
  file: string,
  locale: string | undefined,
  slug: string,
  problems: CheckProblem[],
): Promise<LoadedEntry | undefined> {
  const size = (await stat(absolute)).size;
  if (size > maxContentBytes) {
    problems.push(
      problemAt(
        file,
        undefined,
        '(file size)',
        [
          `is ${(size / 1024 / 1024).toFixed(1)} MB; ` +
            `a content file must stay under ${maxContentBytes / 1024} KB so its page stays light`,
          'remove what was pasted by mistake, or split the text into several entries',
        ],
        [
          `文件有 ${(size / 1024 / 1024).toFixed(1)} MB；内容文件不能超过 ${maxContentBytes / 1024} KB，否则网页太重`,
          '删掉误粘贴的内容，或把文字拆成几个条目',
        ],
      ),
    );
    return undefined;
  }
  let text: string;
  try {
    // A byte-order mark (Windows Notepad) is not part of the text, for the check as for the build.
    text = (await readFile(absolute, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    problems.push(
      problemAt(
        file,
        undefined,
        '(file)',
        ['cannot be read', 'check the file permissions'],
        ['无法读取', '检查文件权限'],
      ),
    );
    return undefined;
  }
  const isMdx = model.extension === '.mdx';
  const split = isMdx ? splitFrontmatter(text) : { frontmatter: text, body: '', bodyLine: 1 };
  if (split.frontmatter === undefined) {
    problems.push(
      problemAt(
        file,
        1,
        '(frontmatter)',
        [
          'has no frontmatter (the fields between two --- lines at the top)',
          'start the file with ---, the fields, and ---, as `npm run new` writes them',
        ],
        [
          '缺少文件开头的字段区（两行 --- 之间的内容）',
          '文件开头写 ---、各字段、---，格式与 `npm run new` 生成的一样',
        ],
      ),
    );
    return undefined;
  }
  const yaml = parseYamlSource(split.frontmatter, isMdx ? 2 : 1);
  const loaded: LoadedEntry = {
    collection,
    model,
    locale,
    slug,
    file,
    text,
    entry: undefined,
    lineOf: yaml.lineOf,
  };
  for (const error of yaml.errors) {
    if (error.zh && error.fix)
      problems.push(
        problemAt(
          file,
          error.line,
          '(YAML)',
          [error.message, error.fix],
          [error.zh.message, error.zh.fix],
        ),
      );
    else
      problems.push(
        problemAt(
          file,
          error.line,
          '(YAML)',
          [
            `is not valid YAML: ${error.message}`,
            'check quotes, colons and indentation on that line (put text containing ": " in quotes)',
          ],
          [`YAML 格式错误：${error.message}`, '检查该行的引号、冒号和缩进（含“: ”的文字要加引号）'],
        ),
      );
  }
  if (yaml.errors.length === 0) {
    for (const { path, text: value } of markupIn(yaml.data)) {
      problems.push(
        problemAt(
          file,
          yaml.lineOf(path),
          path.join('.'),
          [
            `contains HTML markup (${JSON.stringify(value.slice(0, 60))}); fields are plain text`,
            'remove the tags (<…>) and write plain text',
          ],
          [
            `含有 HTML 标签（${JSON.stringify(value.slice(0, 60))}）；字段只能写纯文字`,
            '删掉 <…> 标签，只写文字',
          ],
        ),
      );
    }
    const schema = typeof model.schema === 'function' ? model.schema(checkContext) : model.schema;
    const result = schemaProblems(file, yaml.data, schema, yaml.lineOf);
    problems.push(...result.problems);
    const data =
      result.parsed && typeof result.parsed === 'object'
        ? (result.parsed as Record<string, unknown>)
        : undefined;
    loaded.entry = modelEntry({
      collection,
      id: locale ? `${locale}/${slug}` : slug,
      file,
      text,
      data,
    });
    if (data) {
      for (const field of model.images?.fields ?? []) {
        const value = data[field];
        if (typeof value !== 'string' || !model.images) continue;
        problems.push(
          ...(await referencedImageProblems(
            root,
            file,
            absolute,
            field,
            value,
            imageRules[model.images.kind],
            yaml.lineOf([field]),
          )),
        );
      }
    }
  }
  if (isMdx) {
    // Its references are found by the content model (src/model/entries.ts), as in the build.
    const findings = checkMdxBody(file, split.body, split.bodyLine, model.components, {
      absolute,
      contentFolder: join(root, 'src', 'content'),
    });
    problems.push(...findings.problems);
    for (const image of findings.images) {
      problems.push(
        ...(await referencedImageProblems(
          root,
          file,
          absolute,
          '(image in text)',
          image.url,
          inlineImageRules,
          image.line,
        )),
      );
    }
  }
  return loaded;
}

const problemKey = (problem: CheckProblem) =>
  `${problem.file}:${problem.line ?? ''}:${problem.field}`;

function translationRows(loaded: LoadedEntry[]): TranslationRow[] {
  const rows: TranslationRow[] = [];
  for (const [collection, model] of Object.entries(contentModel) as Array<
    [string, CollectionModel]
  >) {
    if (!model.translated) continue;
    const entries = loaded.filter((entry) => entry.collection === collection);
    for (const source of entries.filter((entry) => entry.locale === defaultLocale)) {
      for (const locale of locales.filter((l) => l !== defaultLocale)) {
        const translation = entries.find(
          (entry) => entry.locale === locale && entry.slug === source.slug,
        );
        if (!translation) {
          rows.push({ collection, slug: source.slug, source: source.file, status: 'missing' });
          continue;
        }
        const recorded = /^sourceHash:\s*["']?([0-9a-f]+)/m.exec(
          splitFrontmatter(translation.text).frontmatter ?? '',
        )?.[1];
        const status =
          recorded === undefined
            ? 'untracked'
            : recorded === sourceFingerprint(source.text)
              ? 'current'
              : 'stale';
        rows.push({
          collection,
          slug: source.slug,
          source: source.file,
          translation: translation.file,
          status,
        });
      }
    }
  }
  return rows;
}

/** Records in each translation the fingerprint of its current Chinese source. */
async function markTranslated(
  root: string,
  files: string[],
  print: (text: string) => void,
): Promise<number> {
  let code = 0;
  for (const file of files) {
    const absolute = resolve(root, file);
    const parts = relativeFile(root, absolute).split('/');
    const localeIndex = parts.findIndex((part) => isLocale(part));
    if (localeIndex < 0 || parts[localeIndex] === defaultLocale) {
      print(
        `✗ ${file}: 不是译文文件（应在 en 文件夹中）。Not a translation: give a file in an "en" folder.`,
      );
      code = 1;
      continue;
    }
    const source = [
      ...parts.slice(0, localeIndex),
      defaultLocale,
      ...parts.slice(localeIndex + 1),
    ].join(sep);
    try {
      const hash = sourceFingerprint(await readFile(join(root, source), 'utf8'));
      await writeFile(absolute, withSourceHash(await readFile(absolute, 'utf8'), hash));
      print(
        `✓ ${relativeFile(root, absolute)}: 已记录为 ${source.replace(/\\/g, '/')} 的最新译文。` +
          `Marked as translated from the current source.`,
      );
    } catch (error) {
      print(`✗ ${file}: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
  }
  return code;
}

function translationReport(rows: TranslationRow[]): string {
  const label = {
    current: '✓ 已同步 current',
    missing: '✗ 缺少译文 missing',
    stale: '✗ 译文过期 stale',
    untracked: '✗ 未记录 untracked',
  } as const;
  const lines = rows.map(
    (row) =>
      `${label[row.status].padEnd(20)} ${row.collection}/${row.slug}  ${row.source}` +
      `${row.translation ? ` → ${row.translation}` : ''}`,
  );
  const open = rows.filter((row) => row.status !== 'current').length;
  return [
    '翻译状态 Translation status',
    ...lines,
    open === 0
      ? '所有译文都是最新的。Every translation is current.'
      : `${open} 个条目需要翻译或更新译文。${open} entr${open === 1 ? 'y needs' : 'ies need'} translating.`,
  ].join('\n');
}

/** Writes the field tables of the editors' guide from the content model (src/model/field-tables.ts). */
async function writeFieldTables(root: string, print: (text: string) => void): Promise<number> {
  for (const [file, language] of guideFiles) {
    const path = join(root, file);
    await writeFile(path, withFieldTables(await readFile(path, 'utf8'), language));
    print(`✓ ${file}: 字段表已更新。Field tables written.`);
  }
  return 0;
}

/** The editors' guide, per language. */
export const guideFiles = [
  ['docs/editing.zh-CN.md', 'zh'],
  ['docs/editing.en.md', 'en'],
] as const;

/** `npm run check [-- --translations | --mark-translated <file>…]`. Returns the exit code. */
export async function runCheck(
  args: string[],
  root: string,
  print: (text: string) => void,
): Promise<number> {
  const started = performance.now();
  if (args[0] === '--mark-translated') return markTranslated(root, args.slice(1), print);
  if (args[0] === '--field-tables') return writeFieldTables(root, print);
  const result = await checkContent(root);
  if (args.includes('--translations')) {
    print(translationReport(result.translations));
    return result.translations.some((row) => row.status !== 'current') ? 1 : 0;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.problems.length > 0) {
    print(formatProblems(result.problems));
    print(
      `\n改正以上问题后再运行 npm run check。Fix the above, then run npm run check again. (${result.files} files, ${seconds} s)`,
    );
    return 1;
  }
  print(
    `✓ 内容检查通过：${result.files} 个文件没有问题。Content check passed: ${result.files} files, no problems. (${seconds} s)`,
  );
  return 0;
}
