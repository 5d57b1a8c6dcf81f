// The gallery: its index by report year, each event's album and each photo's page. Photos stay
// entries of the photos collection (data files, no body): their pictures are made from the image.
import {
  eventWhen,
  loadGallery,
  openGraphImage,
  photoYears,
  type EventAlbum,
  type GalleryYear,
} from '../data/gallery';
import { inLocale, loadSite, slugOf, type Photo } from '../data/site';
import { unitsOfYear } from '../data/units';
import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { pick } from '../utils/bilingual';
import { href, localizePath, sitePaths } from '../utils/paths';
import { pageChrome, type PageChrome } from './chrome';
import { perLocaleRoutes } from './per-locale';

/** An event as the gallery shows it: its words, its date worded, its photos. */
export interface AlbumView {
  slug: string;
  title: string;
  description: string;
  place: string | undefined;
  when: string;
  photos: Photo[];
  cover: Photo | undefined;
}

function albumView(album: EventAlbum, locale: Locale): AlbumView {
  const { event, slug, photos, cover } = album;
  return {
    slug,
    title: event.data.title,
    description: event.data.description,
    place: event.data.place,
    when: eventWhen(event, locale, useTranslations(locale)),
    photos,
    cover,
  };
}

export interface GalleryView {
  chrome: PageChrome;
  /** Newest year first. */
  years: Array<Omit<GalleryYear, 'albums'> & { albums: AlbumView[] }>;
}

/** `getStaticPaths()` of the gallery's index, once per locale. */
export function galleryRoutes() {
  return perLocaleRoutes(async (locale) => {
    const { years } = await loadGallery(locale);
    const view: GalleryView = {
      chrome: await pageChrome(locale, localizePath(sitePaths.gallery(), locale)),
      years: years.map((year) => ({
        ...year,
        albums: year.albums.map((album) => albumView(album, locale)),
      })),
    };
    return [{ params: {}, props: view }];
  });
}

export interface EventView {
  chrome: PageChrome;
  year: number;
  album: AlbumView;
}

/** `getStaticPaths()` of the events' albums. */
export function eventRoutes() {
  return perLocaleRoutes(async (locale) =>
    Promise.all(
      (await loadGallery(locale)).albums.map(async (album) => {
        const { year } = album.event.data;
        const view: EventView = {
          chrome: await pageChrome(
            locale,
            localizePath(sitePaths.galleryEvent(album.slug), locale),
            {
              year,
            },
          ),
          year,
          album: albumView(album, locale),
        };
        return { params: { event: album.slug }, props: view };
      }),
    ),
  );
}

export interface PhotoView {
  chrome: PageChrome;
  photo: Photo;
  /** Its report year (its own, or its event's: the `photo-years` rule makes sure there is one). */
  year: number | undefined;
  caption: string;
  alt: string;
  event: { title: string; href: string; when: string; place: string | undefined } | undefined;
  unit: { name: string; href: string } | undefined;
  captionSource: string | undefined;
  credit: string;
  /** The picture for link previews. */
  ogImage: { src: string; width: number; height: number };
}

async function photoView(photo: Photo, locale: Locale): Promise<PhotoView> {
  const site = await loadSite();
  const slug = slugOf(photo);
  // The content check guarantees the event and unit exist in every language.
  const event = photo.data.event ? inLocale(site.events, locale).get(photo.data.event) : undefined;
  const year = photoYears(site)(photo);
  const unit =
    photo.data.unit && year !== undefined
      ? unitsOfYear(site, locale, year).get(photo.data.unit)
      : undefined;
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.photo(slug), locale), {
      year,
      ownImage: true,
    }),
    photo,
    year,
    caption: pick(photo.data.caption, locale).shown,
    alt: pick(photo.data.alt, locale).shown,
    event: event && {
      title: event.data.title,
      href: href(sitePaths.galleryEvent(photo.data.event ?? ''), locale),
      when: eventWhen(event, locale, useTranslations(locale)),
      place: event.data.place,
    },
    unit:
      unit && year !== undefined && photo.data.unit
        ? { name: unit.data.name, href: href(sitePaths.unit(year, photo.data.unit), locale) }
        : undefined,
    captionSource: photo.data.captionSource && pick(photo.data.captionSource, locale).shown,
    credit: pick(photo.data.credit, locale).shown,
    ogImage: await openGraphImage(photo),
  };
}

/** `getStaticPaths()` of the photos' pages. */
export async function photoRoutes() {
  const site = await loadSite();
  return perLocaleRoutes(async (locale) =>
    Promise.all(
      site.photos.map(async (photo) => ({
        params: { photo: slugOf(photo) },
        props: await photoView(photo, locale),
      })),
    ),
  );
}
