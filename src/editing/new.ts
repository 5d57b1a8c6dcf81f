import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { entryFolder } from '../model/registry';
import { unitKinds } from '../schemas/unit';
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

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kinds = ['unit', 'photo', 'event', 'report', 'term'] as const;

const usage = `用法 Usage:
  npm run new -- unit <文件名 slug> --zh <中文名> --en <English name> \
[--kind team|department|business-unit] [--year 2007] [--parent <slug>]
  npm run new -- report <年份 year>
  npm run new -- term <slug> --zh <中文词> --en <English term>
  npm run new -- event <slug> --date YYYY-MM-DD [--time HH:MM] --zh <中文标题> --en <English title>
  npm run new -- photo <slug> --image <照片路径 path/to/photo.jpg> --event <event slug> [--unit <unit slug>]`;

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
): Promise<PlannedFile[]> {
  switch (kind) {
    case 'unit': {
      const slug = requireSlug(positional[0]);
      await refuseExisting(root, entryFolder('units'), slug, 'unit');
      const unitKind = values.kind ?? 'team';
      if (!(unitKinds as readonly string[]).includes(unitKind)) {
        throw new Refusal(
          '--kind',
          `--kind 必须是 ${unitKinds.join('、')} 之一`,
          `--kind must be one of ${unitKinds.join(', ')}`,
        );
      }
      const parent =
        values.parent === undefined ? undefined : requireSlug(values.parent, '--parent');
      if (parent) await requireExisting(root, entryFolder('units', 'zh-cn'), parent, '--parent');
      return unitFiles({
        slug,
        nameZh: requireText(values.zh, '--zh', '中文名称'),
        nameEn: requireText(values.en, '--en', '英文名称'),
        kind: unitKind,
        year: requireYear(values.year ?? '2007', '--year'),
        parent,
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
        date,
        time: values.time,
        titleZh: requireText(values.zh, '--zh', '中文标题'),
        titleEn: requireText(values.en, '--en', '英文标题'),
      });
    }
    case 'photo': {
      const slug = requireSlug(positional[0]);
      await refuseExisting(root, entryFolder('photos'), slug, 'photo');
      const image = resolve(process.cwd(), requireText(values.image, '--image', '照片文件路径'));
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
      if (unit) await requireExisting(root, entryFolder('units', 'zh-cn'), unit, '--unit');
      const order = (await slugsIn(root, entryFolder('photos'))).size + 1;
      return photoFiles({ slug, image, extension, event, unit, order });
    }
    default:
      throw new Refusal(
        'kind',
        `不认识“${kind}”：可以新建 ${kinds.join('、')}`,
        `unknown kind "${kind}": choose one of ${kinds.join(', ')}`,
      );
  }
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

/** `npm run new -- <kind> …`: writes the planned files, or refuses and writes nothing. Returns the exit code. */
export async function runNew(
  args: string[],
  root: string,
  print: (text: string) => void,
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
    const files = await plan(kind, positional, parsed.values, root);
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
