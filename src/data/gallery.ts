import { getImage } from 'astro:assets';
import sharp from 'sharp';
import type { Locale } from '../i18n/locales';
import type { Translate } from '../i18n/ui';
import { formatDate } from '../utils/format';
import { defaultLocale } from '../i18n/locales';
import {
  coverPhoto,
  isPartOfDay,
  photoYear,
  photosOfEvent,
  photosWithoutEvent,
  sortEvents,
} from '../model/photos';
import {
  inLocale,
  loadSite,
  slugOf,
  type GalleryEventEntry,
  type Photo,
  type SiteContent,
} from './site';

import { renditions } from '../model/renditions';

export {
  fallbackFormat,
  pictureFormats,
  renditions,
  type RenditionKind,
} from '../model/renditions';

export interface EventAlbum {
  event: GalleryEventEntry;
  slug: string;
  photos: Photo[];
  cover: Photo | undefined;
}

/** One report year of the gallery: its intro, its events and the photos of it that name no event. */
export interface GalleryYear {
  year: number;
  /** The year's report's `gallery.intro`, or undefined (the page then words a neutral one). */
  intro: string | undefined;
  albums: EventAlbum[];
  /** Photos whose caption names no event (the source does not date them). */
  withoutEvent: Photo[];
}

export interface Gallery {
  /** Newest year first. */
  years: GalleryYear[];
  albums: EventAlbum[];
  withoutEvent: Photo[];
}

/** The report year of each photo (its own, or its event's): a function over the site's photos. */
export function photoYears(site: SiteContent): (photo: Photo) => number | undefined {
  const eventYears = new Map(
    [...inLocale(site.events, defaultLocale).entries()].map(([slug, event]) => [
      slug,
      event.data.year,
    ]),
  );
  return (photo) => photoYear(photo, eventYears);
}

/**
 * The gallery of one locale, by report year (newest first): each year's events in date order
 * with their photos, and the year's photos with no stated event.
 */
export async function loadGallery(locale: Locale): Promise<Gallery> {
  const site = await loadSite();
  const events = sortEvents(
    [...inLocale(site.events, locale).values()].map((event) => ({
      event,
      slug: slugOf(event),
      ...event.data,
    })),
  );
  const albums = events.map(({ event, slug }) => {
    const photos = photosOfEvent(site.photos, slug);
    return { event, slug, photos, cover: coverPhoto(photos) };
  });
  const withoutEvent = photosWithoutEvent(site.photos);
  const yearOf = photoYears(site);
  const reports = inLocale(site.reports, locale);
  const years = [
    ...new Set([
      ...albums.map((album) => album.event.data.year),
      ...withoutEvent.flatMap((photo) => yearOf(photo) ?? []),
    ]),
  ]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      intro: reports.get(String(year))?.data.gallery?.intro,
      albums: albums.filter((album) => album.event.data.year === year),
      withoutEvent: withoutEvent.filter((photo) => yearOf(photo) === year),
    }));
  return { years, albums, withoutEvent };
}

/** "2008年1月30日晚上" / "30 January 2008, evening" / "2008年1月31日 14:00". */
export function eventWhen(event: GalleryEventEntry, locale: Locale, t: Translate): string {
  const date = formatDate(event.data.date, locale);
  const { time } = event.data;
  if (time === undefined) return date;
  return isPartOfDay(time)
    ? t('gallery.dateAndPart', { date, time: t(`gallery.time.${time}`) })
    : t('gallery.dateAndClock', { date, time });
}

/** The largest rendition's size, for the lightbox (which needs the image's dimensions up front). */
export async function largestSize(photo: Photo): Promise<{ width: number; height: number }> {
  return renditionSize(photo, Math.max(...renditions.full.widths));
}

/** The size of a photo's rendition at most `maxWidth` wide (never enlarged), upright. */
export async function renditionSize(
  photo: Photo,
  maxWidth: number,
): Promise<{ width: number; height: number }> {
  const { width, height } = await sourceOf(photo);
  const scaled = Math.min(width, maxWidth);
  return { width: scaled, height: Math.round((height * scaled) / width) };
}

/** WebP renditions for the lightbox: the same files as the photo page's WebP `<source>`. */
export async function lightboxImage(photo: Photo) {
  const { width, height } = await largestSize(photo);
  const image = await getImage({
    src: photo.data.image,
    width,
    height,
    widths: [...renditions.full.widths],
    format: 'webp',
  });
  return { src: image.src, srcset: image.srcSet.attribute, width, height };
}

/** A 1280 px JPEG for Open Graph previews (WeChat and chat apps do not all read WebP). */
export async function openGraphImage(
  photo: Photo,
): Promise<{ src: string; width: number; height: number }> {
  const image = await getImage({ src: photo.data.image, width: 1280, format: 'jpg' });
  return {
    src: image.src,
    width: Number(image.attributes['width']),
    height: Number(image.attributes['height']),
  };
}

interface SourceInfo {
  /** Upright size of the camera original (EXIF orientation applied). */
  width: number;
  height: number;
  /** A 24 px wide, blurred WebP of the photo as a data: URI (a few hundred bytes). */
  placeholder: string;
}

const sources = new Map<string, Promise<SourceInfo>>();

/**
 * Facts about a photo's source file, read with sharp. Pages must not read `image.width` and the
 * like: Astro then counts the camera original as used and copies it, GPS and serial numbers
 * included, into dist/. Only the file's path is safe to read (Astro keeps it on imported images
 * without making it part of its public type).
 */
function sourceOf(photo: Photo): Promise<SourceInfo> {
  const sourcePath = (photo.data.image as typeof photo.data.image & { fsPath?: string }).fsPath;
  if (!sourcePath) {
    throw new Error(
      `${photo.filePath ?? photo.id}: field "image" has no source file; ` +
        `point it at a JPEG next to the entry, e.g. ./${slugOf(photo)}.jpg.`,
    );
  }
  let info = sources.get(sourcePath);
  if (!info) {
    info = (async () => {
      const { autoOrient } = await sharp(sourcePath).metadata();
      const tiny = await sharp(sourcePath)
        .rotate()
        .resize(24)
        .blur(1.2)
        .webp({ quality: 40 })
        .toBuffer();
      return { ...autoOrient, placeholder: `data:image/webp;base64,${tiny.toString('base64')}` };
    })();
    sources.set(sourcePath, info);
  }
  return info;
}

/**
 * The blurred placeholder shown until the real image arrives: the CSP allows `data:` images, and it
 * needs no inline style.
 */
export async function placeholderFor(photo: Photo): Promise<string> {
  return (await sourceOf(photo)).placeholder;
}
