import type { Bilingual, DateNote, Refusal } from './messages';
import { dateFromFileName } from './name-date';
import { extensionFor } from './file-format';
import { newPhotoNames } from './naming';

/** What the importer learned about one image file of the folder. */
export interface InspectedFile {
  /** The file's name in the folder. */
  name: string;
  size: number;
  /** SHA-256 of the file's bytes: equal hashes are the same photo, whatever the names. */
  hash: string;
  verdict:
    | {
        ok: true;
        format: 'jpeg' | 'png' | 'webp';
        width: number;
        height: number;
        /** EXIF DateTimeOriginal as written by the camera (its local time), ISO without zone. */
        takenAt?: string | undefined;
      }
    | { ok: false; refusal: Refusal };
}

/** One photo the run will add. */
export interface PlannedPhoto {
  source: string;
  /** The new entry's slug; the image is `<slug><extension>` beside `<slug>.yaml`. */
  slug: string;
  extension: string;
  order: number;
  /** Written as `date:` only when EXIF gives it and it is the event's date (or there is no event). */
  date?: string | undefined;
  dateNote: DateNote;
  width: number;
  height: number;
  size: number;
  warning?: Bilingual | undefined;
}

export interface ImportPlan {
  photos: PlannedPhoto[];
  /** Files whose bytes are already in the site, or earlier in the folder. */
  duplicates: { name: string; sameAs: string }[];
  refused: { name: string; refusal: Refusal }[];
}

export interface PlanContext {
  /** Hashes of the images already in the site, to the path that has them. */
  existing: ReadonlyMap<string, string>;
  event?: { slug: string; date: string } | undefined;
  prefix: string;
  /** Names (without extension) already used in the photos folder. */
  taken: ReadonlySet<string>;
  /** The largest `order` of the photos already in the site (0 when there are none). */
  lastOrder: number;
  /** The day of the import (YYYY-MM-DD, the machine's clock): a photo cannot be taken after it. */
  today?: string | undefined;
}

/**
 * The earliest EXIF date believed: the company's photos are digital from the 1990s on, and a
 * camera whose clock was never set says 1970, 1980 or 2000-01-01 (the last cannot be told from a
 * real date). A date after the day after the import (time zones) is a wrong clock too.
 */
export const earliestPhotoDate = '1990-01-01';

/** The day after `day` (YYYY-MM-DD). */
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const pngWarning: Bilingual = {
  zh: 'PNG 文件通常是截图或修图软件导出的图片，不是相机原片：确认这是要发布的活动照片；如有相机拍的 JPEG 原图，请改用原图。不是照片就删掉导入的这两个文件',
  en:
    'a PNG is usually a screenshot or an edited export, not a camera original: make sure it is an event ' +
    'photo to publish, and use the camera JPEG instead if there is one. If it is not a photo, delete the ' +
    'two imported files',
};

function dateOf(
  name: string,
  takenAt: string | undefined,
  event: PlanContext['event'],
  today: string,
): Pick<PlannedPhoto, 'date' | 'dateNote'> {
  if (takenAt) {
    const day = takenAt.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < earliestPhotoDate || day > nextDay(today))
      return { dateNote: { kind: 'exif-implausible', date: day, latest: nextDay(today) } };
    if (!event || event.date === day) return { date: day, dateNote: { kind: 'exif', date: day } };
    return {
      dateNote: { kind: 'exif-mismatch', date: day, event: event.slug, eventDate: event.date },
    };
  }
  const hint = dateFromFileName(name);
  return { dateNote: hint ? { kind: 'name-hint', ...hint } : { kind: 'none' } };
}

/** Earlier first; a photo with no time after every dated one. */
function byTime(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');
/** Folder order: `IMG_2041.JPG` before `IMG_2041 副本.JPG`, so a copy, not the original, is the duplicate. */
const byName = (a: string, b: string) =>
  stem(a).localeCompare(stem(b), 'en', { numeric: true }) ||
  a.localeCompare(b, 'en', { numeric: true });

/**
 * Decides what a run does with the folder's files: duplicates (same bytes as a photo of the site
 * or an earlier file) are skipped, refused files listed with their reason, and the rest become
 * photos named `<prefix>-NN`, ordered by the time they were taken (then by file name) after the
 * photos already in the gallery.
 */
export function planImport(files: readonly InspectedFile[], context: PlanContext): ImportPlan {
  const seen = new Map(context.existing);
  const duplicates: ImportPlan['duplicates'] = [];
  const refused: ImportPlan['refused'] = [];
  const accepted: (InspectedFile & { verdict: { ok: true } })[] = [];
  for (const file of [...files].sort((a, b) => byName(a.name, b.name))) {
    const sameAs = seen.get(file.hash);
    if (sameAs !== undefined) {
      duplicates.push({ name: file.name, sameAs });
      continue;
    }
    seen.set(file.hash, file.name);
    if (file.verdict.ok) accepted.push({ ...file, verdict: file.verdict });
    else refused.push({ name: file.name, refusal: file.verdict.refusal });
  }
  // Undated photos go last; the folder's own order (file names) breaks ties.
  accepted.sort((a, b) => byTime(a.verdict.takenAt, b.verdict.takenAt) || byName(a.name, b.name));
  const slugs = newPhotoNames(context.prefix, accepted.length, context.taken);
  const photos = accepted.map((file, index): PlannedPhoto => ({
    source: file.name,
    slug: slugs[index] ?? '',
    extension: extensionFor(file.verdict.format),
    order: context.lastOrder + index + 1,
    ...dateOf(
      file.name,
      file.verdict.takenAt,
      context.event,
      context.today ?? new Date().toISOString().slice(0, 10),
    ),
    width: file.verdict.width,
    height: file.verdict.height,
    size: file.size,
    warning: file.verdict.format === 'png' ? pngWarning : undefined,
  }));
  return { photos, duplicates, refused };
}
