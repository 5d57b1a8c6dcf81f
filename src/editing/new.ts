import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { entryFile, entryFolder } from '../model/registry';
import { unitKindChoices, unitKinds } from '../schemas/unit-kinds';
import { imageProblems, photoRules } from '../check/images';
import {
  eventFiles,
  photoFiles,
  reportFiles,
  termFiles,
  unitFiles,
  type PlannedFile,
} from './templates';
import { isReservedWindowsName } from '../model/content-paths';
import { parseYamlSource } from '../model/yaml-source';
import { splitFrontmatter } from '../model/translation';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kinds = ['unit', 'photo', 'event', 'report', 'term'] as const;

const usage = `用法 Usage:
  npm run new -- unit <文件名 slug> [--year 2008] --zh <中文名> --en <English name> \
[--kind ${unitKinds.join('|')}] [--parent <slug>]
    (a unit of an earlier year: --zh, --en, --kind and --parent default to its latest year's)
  npm run new -- report <年份 year>
  npm run new -- term <slug> --zh <中文词> --en <English term>
  npm run new -- event <slug> [--year 2008] --date YYYY-MM-DD [--time HH:MM] --zh <中文标题> --en <English title>
  npm run new -- photo <slug> --image <照片路径 path/to/photo.jpg> --event <event slug> [--unit <unit slug>]
  npm run new -- photo <slug> --image <path> --year 2008 [--unit <unit slug>]   (no event)
  --year: the report year (default: the newest report's)`;

class Refusal extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function requireSlug(value: string | undefined, field = 'slug'): string {
  if (!value)
    throw new Refusal(field, `缺少 ${field}（文件名）`, `${field} (the file name) is missing`);
  if (!slugPattern.test(value)) {
    throw new Refusal(
      field,
      `“${value}”不能用作文件名：只能用小写英文字母、数字和连字符（如 water-team），不能有中文、空格、/ 或 ..`,
      `"${value}" cannot be a file name: ` +
        `use lower-case ASCII letters, digits and hyphens only (e.g. water-team): no Chinese, spaces, / or ..`,
    );
  }
  if (isReservedWindowsName(value)) {
    throw new Refusal(
      field,
      `“${value}”是 Windows 保留的设备名，这样的文件在 Windows 电脑上无法创建或打开：换一个名称（如 ${value}-team）`,
      `"${value}" is a device name reserved by Windows: ` +
        `a file with this name cannot be created or opened on a Windows computer; ` +
        `choose another name (e.g. ${value}-team)`,
    );
  }
  return value;
}

function requireText(value: string | undefined, option: string, zhName: string): string {
  if (!value?.trim())
    throw new Refusal(option, `缺少 ${option}（${zhName}）`, `${option} is missing`);
  return value.trim();
}

async function slugsIn(root: string, folder: string): Promise<Set<string>> {
  try {
    const files = await readdir(join(root, folder), { recursive: true });
    return new Set(
      files.map(
        (file) =>
          String(file)
            .split(/[\\/]/)
            .pop()
            ?.replace(/\.[^.]+$/, '') ?? '',
      ),
    );
  } catch {
    return new Set();
  }
}

async function refuseExisting(root: string, folder: string, slug: string, what: string) {
  if ((await slugsIn(root, folder)).has(slug)) {
    throw new Refusal(
      'slug',
      `${folder} 中已经有“${slug}”：换一个文件名，或直接编辑已有的文件`,
      `${folder} already has "${slug}": choose another name, or edit the existing ${what}`,
    );
  }
}

async function requireExisting(root: string, folder: string, slug: string, field: string) {
  if (!(await slugsIn(root, folder)).has(slug)) {
    throw new Refusal(
      field,
      `${folder} 中没有“${slug}”：先添加它，或检查拼写`,
      `there is no "${slug}" in ${folder}: add it first, or check the spelling`,
    );
  }
}

async function plan(
  kind: string,
  positional: string[],
  values: Record<string, string | undefined>,
  root: string,
  cwd: string,
): Promise<PlannedFile[]> {
  switch (kind) {
    case 'unit': {
      const slug = requireSlug(positional[0]);
      const year = await reportYear(root, values.year);
      await refuseExisting(root, entryFolder('units', 'zh-cn', year), slug, 'unit');
      // The unit of an earlier year keeps its name, kind and parent unless told otherwise.
      const earlier = await latestUnitFields(root, slug);
      const unitKind = values.kind ?? earlier?.kind ?? 'team';
      if (!(unitKinds as readonly string[]).includes(unitKind)) {
        throw new Refusal(
          '--kind',
          `--kind 必须是 ${unitKindChoices('zh')} 之一`,
          `--kind must be one of ${unitKindChoices('en')}`,
        );
      }
      const parent =
        values.parent === undefined ? earlier?.parent : requireSlug(values.parent, '--parent');
      if (parent)
        await requireExisting(root, entryFolder('units', 'zh-cn', year), parent, '--parent');
      return unitFiles({
        slug,
        nameZh: requireText(values.zh ?? earlier?.nameZh, '--zh', '中文名称'),
        nameEn: requireText(values.en ?? earlier?.nameEn, '--en', '英文名称'),
        kind: unitKind,
        year,
        parent,
        ...(await firstFigureOf(root, year)),
      });
    }
    case 'report': {
      const year = requireYear(positional[0], 'year');
      for (const folder of [
        entryFolder('reports'),
        entryFolder('metrics'),
        entryFolder('timelines'),
      ])
        await refuseExisting(root, folder, String(year), 'report');
      return reportFiles(year);
    }
    case 'term': {
      const slug = requireSlug(positional[0]);
      await refuseExisting(root, entryFolder('glossary'), slug, 'term');
      return termFiles({
        slug,
        zh: requireText(values.zh, '--zh', '中文词'),
        en: requireText(values.en, '--en', '英文译名'),
      });
    }
    case 'event': {
      const slug = requireSlug(positional[0]);
      await refuseExisting(root, entryFolder('events'), slug, 'event');
      const date = values.date ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
        throw new Refusal(
          '--date',
          `--date 要写成 YYYY-MM-DD，如 2008-01-18（现在是“${date}”）`,
          `--date must be YYYY-MM-DD, e.g. 2008-01-18 (got "${date}")`,
        );
      }
      if (values.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time)) {
        throw new Refusal(
          '--time',
          '--time 要写成 HH:MM，如 14:00',
          '--time must be HH:MM, e.g. 14:00',
        );
      }
      return eventFiles({
        slug,
        year: await reportYear(root, values.year),
        date,
        time: values.time,
        titleZh: requireText(values.zh, '--zh', '中文标题'),
        titleEn: requireText(values.en, '--en', '英文标题'),
      });
    }
    case 'photo': {
      const slug = requireSlug(positional[0]);
      await refuseExisting(root, entryFolder('photos'), slug, 'photo');
      const image = resolve(cwd, requireText(values.image, '--image', '照片文件路径'));
      const extension =
        extname(image).toLowerCase() === '.jpeg' ? '.jpg' : extname(image).toLowerCase();
      const problems = await imageProblems(
        `--image ${values.image}`,
        '--image',
        image,
        values.image ?? '',
        photoRules,
      );
      const [first] = problems;
      if (first)
        throw new Refusal(
          '--image',
          `${first.zh.message}：${first.zh.fix}`,
          `the photo ${first.message}: ${first.fix}`,
        );
      // Leave --event out when the source does not say at which event the photo was taken.
      const event = values.event === undefined ? undefined : requireSlug(values.event, '--event');
      if (event) await requireExisting(root, entryFolder('events', 'zh-cn'), event, '--event');
      const unit = values.unit === undefined ? undefined : requireSlug(values.unit, '--unit');
      // A photo of an event belongs to the event's year.
      const eventYear = event ? await eventYearOf(root, event) : undefined;
      const year = eventYear ?? (await reportYear(root, values.year));
      if (unit) await requireExisting(root, entryFolder('units', 'zh-cn', year), unit, '--unit');
      const order = (await slugsIn(root, entryFolder('photos'))).size + 1;
      return photoFiles({ slug, image, extension, event, unit, order, year });
    }
    default:
      throw new Refusal(
        'kind',
        `不认识“${kind}”：可以新建 ${kinds.join('、')}`,
        `unknown kind "${kind}": choose one of ${kinds.join(', ')}`,
      );
  }
}

/** The report years with a Chinese report file. */
async function reportYearsIn(root: string): Promise<number[]> {
  const names = await readdir(join(root, entryFolder('reports', 'zh-cn'))).catch(() => []);
  return names
    .map((name) => /^(\d{4})\.mdx$/.exec(String(name))?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
}

/** `--year`, or the newest report's year; refused when that year has no report yet. */
async function reportYear(root: string, value: string | undefined): Promise<number> {
  const years = await reportYearsIn(root);
  const year = value === undefined ? years[0] : requireYear(value, '--year');
  if (year === undefined || !years.includes(year)) {
    throw new Refusal(
      '--year',
      year === undefined
        ? '还没有任何年度总结：先运行 npm run new -- report <年份>'
        : `没有 ${year} 年的年度总结：先运行 npm run new -- report ${year}，或改用已有的年份（${years.join('、')}）`,
      year === undefined
        ? 'there is no report yet: run npm run new -- report <year> first'
        : `there is no ${year} report: run npm run new -- report ${year} first, ` +
            `or use a year that has one (${years.join(', ')})`,
    );
  }
  return year;
}

/** A figure the year declares, for the draft text's example <Metric> (one the year lacks fails the check). */
async function firstFigureOf(root: string, year: number): Promise<{ exampleFigure?: string }> {
  const file = join(root, entryFile('metrics', String(year)));
  if (!existsSync(file)) return {};
  const data = parseYamlSource(await readFile(file, 'utf8')).data as {
    figures?: Array<{ id?: unknown }>;
  } | null;
  const id = data?.figures?.[0]?.id;
  return typeof id === 'string' ? { exampleFigure: id } : {};
}

/** The `year` an event's Chinese file gives, if any. */
async function eventYearOf(root: string, slug: string): Promise<number | undefined> {
  const file = join(root, entryFolder('events', 'zh-cn'), `${slug}.yaml`);
  if (!existsSync(file)) return undefined;
  const data = parseYamlSource(await readFile(file, 'utf8')).data as { year?: unknown } | null;
  return typeof data?.year === 'number' ? data.year : undefined;
}

/** The year folders of the units in one language, newest first (only those before `before`, if given). */
async function unitYears(root: string, locale: string, before?: number): Promise<string[]> {
  return (await readdir(join(root, entryFolder('units', locale))).catch(() => []))
    .map(String)
    .filter((name) => /^\d{4}$/.test(name) && (before === undefined || Number(name) < before))
    .sort()
    .reverse();
}

/** The units that have a Chinese file in a year before `year`. */
export async function unitSlugsBefore(root: string, year: number): Promise<string[]> {
  const slugs = new Set<string>();
  for (const folder of await unitYears(root, 'zh-cn', year))
    for (const name of await readdir(join(root, entryFolder('units', 'zh-cn'), folder)).catch(
      () => [],
    ))
      if (String(name).endsWith('.mdx')) slugs.add(String(name).replace(/\.mdx$/, ''));
  return [...slugs].sort();
}

/**
 * Name (both languages), kind and parent of a unit in its newest year (before `before`, if
 * given), if it has one.
 */
export async function latestUnitFields(
  root: string,
  slug: string,
  before?: number,
): Promise<
  { nameZh?: string; nameEn?: string; kind?: string; parent?: string | undefined } | undefined
> {
  const fields = async (locale: string) => {
    const folder = join(root, entryFolder('units', locale));
    for (const year of await unitYears(root, locale, before)) {
      const file = join(folder, year, `${slug}.mdx`);
      if (!existsSync(file)) continue;
      const { frontmatter } = splitFrontmatter(await readFile(file, 'utf8'));
      const data = parseYamlSource(frontmatter ?? '').data;
      if (data && typeof data === 'object') return data as Record<string, unknown>;
    }
    return undefined;
  };
  const [zh, en] = [await fields('zh-cn'), await fields('en')];
  if (!zh && !en) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const result: { nameZh?: string; nameEn?: string; kind?: string; parent?: string } = {};
  const nameZh = text(zh?.name);
  const nameEn = text(en?.name);
  const kind = text(zh?.kind);
  const parent = text(zh?.parent);
  if (nameZh) result.nameZh = nameZh;
  if (nameEn) result.nameEn = nameEn;
  if (kind) result.kind = kind;
  if (parent) result.parent = parent;
  return result;
}

function requireYear(value: string | undefined, field: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value ?? '') || year < 1950 || year > 2100) {
    throw new Refusal(
      field,
      `年份要写成四位数字，如 2008（现在是“${value ?? ''}”）`,
      `the year must be four digits, e.g. 2008 (got "${value ?? ''}")`,
    );
  }
  return year;
}

/**
 * `npm run new -- <kind> …`: writes the planned files, or refuses and writes nothing. Returns the exit code.
 * `--image` is read from `cwd`, where the command runs (tests pass the copy's root).
 */
export async function runNew(
  args: string[],
  root: string,
  print: (text: string) => void,
  cwd: string = process.cwd(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        zh: { type: 'string' },
        en: { type: 'string' },
        kind: { type: 'string' },
        year: { type: 'string' },
        parent: { type: 'string' },
        date: { type: 'string' },
        time: { type: 'string' },
        image: { type: 'string' },
        event: { type: 'string' },
        unit: { type: 'string' },
      },
    });
  } catch (error) {
    print(`✗ ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 1;
  }
  const [kind, ...positional] = parsed.positionals;
  if (!kind) {
    print(usage);
    return 1;
  }
  try {
    const files = await plan(kind, positional, parsed.values, root, cwd);
    for (const file of files) {
      if (existsSync(join(root, file.path)))
        throw new Refusal('slug', `${file.path} 已经存在`, `${file.path} already exists`);
    }
    for (const file of files) {
      const target = join(root, file.path);
      await mkdir(dirname(target), { recursive: true });
      if (file.copyFrom) await copyFile(file.copyFrom, target);
      else await writeFile(target, file.content ?? '', { flag: 'wx' });
      print(`✓ 已创建 created ${file.path}`);
    }
    print(
      '下一步：编辑这些文件，然后运行 npm run check。Next: edit these files, then run npm run check.',
    );
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      print(
        `✗ 字段 field "${error.field}"：${error.zh}\n  ${error.en}\n  什么都没有创建。Nothing was created.`,
      );
      return 1;
    }
    throw error;
  }
}
