// `npm run import -- photos <folder> [--event <slug>] [--year <year>] [--skip-bad]`: a folder of
// camera or phone photos becomes gallery entries, all at once or not at all.
import { existsSync } from 'node:fs';
import {
  copyFile,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { entryFolder } from '../../model/registry';
import { formatOfName } from './file-format';
import { photoEntryYaml } from './entry-yaml';
import { hashOfFile, inspectFolder } from './inspect-fs';
import { namePrefix } from './naming';
import { planImport, type ImportPlan } from './plan';
import { formatReport } from './report';

const usage = `用法 Usage:
  npm run import -- photos <文件夹 folder> --event <活动 event slug> [--skip-bad]
  npm run import -- photos <文件夹 folder> --year <年份 year> [--skip-bad]   (照片不属于某项活动 photos of no event)`;

/** A run refused before anything was read or written: what is wrong and what to do. */
class Refusal extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

interface EventInfo {
  slug: string;
  date: string;
  year?: number | undefined;
}

/** The event's date (and report year, where the event gives one) from its Chinese file. */
async function readEvent(root: string, slug: string): Promise<EventInfo> {
  const folder = entryFolder('events', 'zh-cn');
  const existing = (await readdir(join(root, folder)).catch(() => []))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.replace(/\.yaml$/, ''))
    .sort();
  if (!existing.includes(slug)) {
    throw new Refusal(
      `没有活动“${slug}”（${folder}/ 中没有 ${slug}.yaml）；已有的活动：${existing.join('、')}。检查拼写，或先用 npm run new -- event 添加活动`,
      `no event "${slug}" (there is no ${folder}/${slug}.yaml); existing events: ${existing.join(', ')}. ` +
        'Check the spelling, or add the event first with npm run new -- event',
    );
  }
  const data: unknown = parse(await readFile(join(root, folder, `${slug}.yaml`), 'utf8'));
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const date =
    record.date instanceof Date
      ? record.date.toISOString().slice(0, 10)
      : String(record.date ?? '');
  return { slug, date, year: typeof record.year === 'number' ? record.year : undefined };
}

function readYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1950 || Number(value) > 2100) {
    throw new Refusal(
      `--year 要写成四位数字的年份，如 2008（现在是“${value}”）`,
      `--year must be a four-digit year, e.g. 2008 (got "${value}")`,
    );
  }
  return Number(value);
}

/** What the photos folder already holds: used names, the last order, the images' hashes. */
async function readGallery(root: string) {
  const folder = entryFolder('photos');
  const files = await readdir(join(root, folder)).catch(() => [] as string[]);
  const taken = new Set(files.map((file) => file.replace(/\.[^.]*$/, '')));
  let lastOrder = 0;
  const existing = new Map<string, string>();
  for (const file of files) {
    const path = join(root, folder, file);
    if (file.endsWith('.yaml')) {
      const order = /^order:\s*(\d+)/m.exec(await readFile(path, 'utf8'));
      lastOrder = Math.max(lastOrder, Number(order?.[1] ?? 0));
    } else if (formatOfName(file)) {
      existing.set(await hashOfFile(path), `${folder}/${file}`);
    }
  }
  return { folder, taken, lastOrder, existing };
}

/**
 * Writes every planned photo and entry, all or none: everything is first written into a staging
 * folder beside src/, then moved into place; a failure moves back what was moved.
 */
async function writePhotos(
  root: string,
  source: string,
  target: string,
  plan: ImportPlan,
  entry: { event?: string | undefined; year?: number | undefined },
): Promise<void> {
  const staging = await mkdtemp(join(root, '.import-photos-'));
  const moved: string[] = [];
  try {
    const files: string[] = [];
    for (const photo of plan.photos) {
      const image = `${photo.slug}${photo.extension}`;
      await copyFile(join(source, photo.source), join(staging, image));
      await writeFile(join(staging, `${photo.slug}.yaml`), photoEntryYaml(photo, entry));
      files.push(image, `${photo.slug}.yaml`);
    }
    for (const file of files) {
      if (existsSync(join(root, target, file)))
        throw new Error(`${target}/${file} appeared during the import`);
    }
    for (const file of files) {
      await rename(join(staging, file), join(root, target, file));
      moved.push(join(root, target, file));
    }
  } catch (error) {
    await Promise.all(moved.map((file) => unlink(file).catch(() => {})));
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * `npm run import -- photos …`: returns the exit code (0 imported or nothing new, 1 refused).
 * The folder argument is read from `cwd`, where the command runs (tests pass the copy's root).
 */
export async function runImport(
  args: string[],
  root: string,
  log: (text: string) => void,
  cwd: string = process.cwd(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        event: { type: 'string' },
        year: { type: 'string' },
        'skip-bad': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    log(`✗ ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 1;
  }
  const [folderArgument, ...extra] = parsed.positionals;
  if (!folderArgument || extra.length > 0) {
    log(usage);
    return 1;
  }
  try {
    const folder = resolve(cwd, folderArgument);
    if (!(await stat(folder).catch(() => undefined))?.isDirectory()) {
      throw new Refusal(
        `找不到文件夹 ${folderArgument}：给出装照片的文件夹的路径`,
        `there is no folder ${folderArgument}: give the path of the folder that holds the photos`,
      );
    }
    const year = readYear(parsed.values.year);
    const eventSlug = parsed.values.event;
    if (eventSlug === undefined && year === undefined) {
      throw new Refusal(
        '给出 --event <活动>（照片是哪项活动的），或者照片不属于某项活动时给出 --year <年份>（属于哪一年的年鉴）',
        'give --event <slug> (the event the photos were taken at), or --year <year> ' +
          '(the report year) for photos of no event',
      );
    }
    const event = eventSlug === undefined ? undefined : await readEvent(root, eventSlug);
    if (event?.year !== undefined && year !== undefined && event.year !== year) {
      throw new Refusal(
        `活动 ${event.slug} 属于 ${String(event.year)} 年，不是 --year ${String(year)}：去掉 --year，或换一个活动`,
        `event ${event.slug} belongs to ${String(event.year)}, not --year ${String(year)}: ` +
          'leave --year out, or choose another event',
      );
    }
    const { files, ignored } = await inspectFolder(folder);
    if (files.length === 0) {
      const onlyZh = ignored.length > 0 ? `，只有：${ignored.join('、')}` : '';
      const onlyEn = ignored.length > 0 ? `, only: ${ignored.join(', ')}` : '';
      throw new Refusal(
        `文件夹 ${folderArgument} 里没有照片（JPEG、PNG、HEIC…）${onlyZh}：检查路径是不是装照片的那个文件夹`,
        `the folder ${folderArgument} holds no images (JPEG, PNG, HEIC…)${onlyEn}: ` +
          'check that the path is the folder with the photos',
      );
    }
    const gallery = await readGallery(root);
    const plan = planImport(files, {
      existing: gallery.existing,
      event: event && { slug: event.slug, date: event.date },
      prefix: namePrefix({ event: event?.slug, year }),
      taken: gallery.taken,
      lastOrder: gallery.lastOrder,
    });
    const write = plan.refused.length === 0 || parsed.values['skip-bad'];
    if (write && plan.photos.length > 0) {
      await writePhotos(root, folder, gallery.folder, plan, {
        event: event?.slug,
        year: event ? undefined : year,
      });
    }
    log(
      formatReport(plan, {
        folder: folderArgument,
        target: gallery.folder,
        written: write,
        ignored,
      }),
    );
    return write ? 0 : 1;
  } catch (error) {
    if (error instanceof Refusal) {
      log(`✗ ${error.zh}\n  ${error.en}\n  什么都没有导入。Nothing was imported.`);
      return 1;
    }
    throw error;
  }
}
