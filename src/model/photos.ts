import type { EventTime } from '../schemas/event';
import { partsOfDay } from '../schemas/event';
import type { ContentProblem } from '../utils/problems';

/** The fields of a photo entry the gallery's grouping and checks need. */
export interface GalleryPhoto {
  id: string;
  filePath?: string | undefined;
  data: {
    order: number;
    event?: string | undefined;
    date?: Date | undefined;
    featured: boolean;
    year?: number | undefined;
  };
}

/** The fields of an event (in one locale) the gallery's ordering and checks need. */
export interface GalleryEvent {
  slug: string;
  date: Date;
  time?: EventTime | undefined;
}

/** Photos in the order of the source's photo spread. */
export function sortPhotos<P extends GalleryPhoto>(photos: P[]): P[] {
  return [...photos].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The photos of one event, in order. */
export function photosOfEvent<P extends GalleryPhoto>(photos: P[], eventSlug: string): P[] {
  return sortPhotos(photos.filter((photo) => photo.data.event === eventSlug));
}

/** Photos whose caption names no event: the source does not say when or where they were taken. */
export function photosWithoutEvent<P extends GalleryPhoto>(photos: P[]): P[] {
  return sortPhotos(photos.filter((photo) => photo.data.event === undefined));
}

/** The photo shown for an event on the gallery page: the first featured one, else the first. */
export function coverPhoto<P extends GalleryPhoto>(photos: P[]): P | undefined {
  const sorted = sortPhotos(photos);
  return sorted.find((photo) => photo.data.featured) ?? sorted[0];
}

/** Minutes after midnight a time stands for, for ordering events on the same day. */
function minutesOf(time: EventTime | undefined): number {
  if (time === undefined) return 0;
  const clock = /^(\d\d):(\d\d)$/.exec(time);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  // A part of the day sorts at its start: morning 06:00, afternoon 12:00, evening 18:00.
  return (6 + 6 * partsOfDay.indexOf(time as (typeof partsOfDay)[number])) * 60;
}

/** Events in the order they took place. */
export function sortEvents<E extends GalleryEvent>(events: E[]): E[] {
  return [...events].sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() ||
      minutesOf(a.time) - minutesOf(b.time) ||
      a.slug.localeCompare(b.slug),
  );
}

/**
 * The report year of a photo: its own `year`, else its event's (`eventYears`: event slug → year).
 * The content model's `photo-years` rule makes sure every photo has one.
 */
export function photoYear(
  photo: Pick<GalleryPhoto, 'data'>,
  eventYears: ReadonlyMap<string, number>,
): number | undefined {
  return photo.data.year ?? (photo.data.event ? eventYears.get(photo.data.event) : undefined);
}

/** Whether a time is a part of the day ("afternoon") rather than a clock time ("14:00"). */
export function isPartOfDay(time: EventTime): time is (typeof partsOfDay)[number] {
  return (partsOfDay as readonly string[]).includes(time);
}

const sameDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

/**
 * A photo's date, when given, must be the date of its event in every language: the caption and the
 * event page would otherwise disagree. (One of the content model's rules: src/model/rules.ts.)
 */
export function findPhotoDateProblems(
  photos: Array<GalleryPhoto & { line?: number | undefined }>,
  events: Array<GalleryEvent & { file: string }>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  for (const photo of photos) {
    const { date, event } = photo.data;
    if (!date || !event) continue;
    for (const target of events.filter((candidate) => candidate.slug === event)) {
      if (sameDay(date, target.date)) continue;
      problems.push({
        file: photo.filePath ?? photo.id,
        ...(photo.line === undefined ? {} : { line: photo.line }),
        field: 'date',
        message: `is ${iso(date)}, but its event "${event}" (${target.file}) took place on ${iso(target.date)}`,
        fix: "correct whichever date does not match the source, or leave the photo's date out",
        zh: {
          message: `是 ${iso(date)}，但它的活动“${event}”（${target.file}）是在 ${iso(target.date)} 举行的`,
          fix: '对照原文改正写错的那个日期，或者删掉图片的日期',
        },
      });
      break;
    }
  }
  return problems;
}

/** What a set of photos says of itself, from each photo's own fields: never more than they say. */
export interface PhotoSetNotes {
  /** How many are stand-ins (`sample: true`), of how many. */
  samples: number;
  total: number;
  /** The publication every caption is quoted from, when all of them name the same one. */
  captionSource: { zh: string; en: string } | undefined;
}

export function photoSetNotes(
  photos: ReadonlyArray<{
    data: { sample?: boolean; captionSource?: { zh: string; en: string } | undefined };
  }>,
): PhotoSetNotes {
  const sources = new Set(photos.map((photo) => JSON.stringify(photo.data.captionSource ?? null)));
  const [first] = photos;
  return {
    samples: photos.filter((photo) => photo.data.sample === true).length,
    total: photos.length,
    captionSource:
      sources.size === 1 && first?.data.captionSource ? first.data.captionSource : undefined,
  };
}
