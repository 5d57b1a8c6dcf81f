import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../i18n/locales';
import { modelEntry } from '../model/entries';
import { formatProblems, type CheckProblem } from '../utils/problems';
import { indexCache, indexedOnce } from '../utils/indexed-once';
import { collectionNames, type CollectionName } from '../model/registry';
import { checkSite } from '../model/rules';
import { parseEntryId, splitEntryId } from '../model/entry-ids';

export type Report = CollectionEntry<'reports'>;
export type Unit = CollectionEntry<'units'>;
export type Term = CollectionEntry<'glossary'>;
export type Metrics = CollectionEntry<'metrics'>;
export type Timeline = CollectionEntry<'timelines'>;
export type GalleryEventEntry = CollectionEntry<'events'>;
export type Photo = CollectionEntry<'photos'>;

export interface SiteContent {
  reports: Report[];
  units: Unit[];
  glossary: Term[];
  metrics: Metrics[];
  timelines: Timeline[];
  events: GalleryEventEntry[];
  photos: Photo[];
}

let cached: Promise<SiteContent> | undefined;

/**
 * Drafts (`draft: true`) are previewed by `npm run dev` and left out of every production build, so
 * they never reach a page, the sitemap, the search index or the PDF edition (all made from the build).
 */
export function published(entry: { data: { draft?: boolean } }): boolean {
  return !(import.meta.env.PROD && entry.data.draft === true);
}

/**
 * All content, loaded once per build and checked across entries by the content model's rules
 * (src/model/rules.ts, the same function `npm run check` runs, with the same messages). Every
 * page goes through here, so a broken entry fails the whole build before anything is written.
 */
export function loadSite(): Promise<SiteContent> {
  cached ??= (async () => {
    const all = Object.fromEntries(
      await Promise.all(
        collectionNames.map(async (name) => [name, await getCollection(name)] as const),
      ),
    ) as { [Name in CollectionName]: Array<CollectionEntry<Name>> };
    const problems = contentProblems(Object.values(all).flat());
    if (problems.length > 0) {
      throw new Error(
        `${formatProblems(problems)}\n\n改正以上问题后再构建；什么都没有发布。Fix the above and build again; nothing was published.`,
      );
    }
    const reports = all.reports.filter(published);
    // A year whose report is still a draft publishes nothing: not its figures (open data, charts,
    // comparison) and not its timeline either.
    const publishedYears = new Set(reports.map((report) => report.data.year));
    const ofPublishedYear = (entry: { data: { year: number } }) =>
      publishedYears.has(entry.data.year);
    return {
      reports,
      units: all.units.filter(published),
      glossary: all.glossary,
      metrics: all.metrics.filter(ofPublishedYear),
      // A timeline with no steps yet is one still to be written: no page shows it.
      timelines: all.timelines.filter(ofPublishedYear).filter((t) => t.data.steps.length > 0),
      events: all.events,
      photos: all.photos,
    };
  })();
  return cached;
}

/** An entry as Astro's collections hold it, as far as the content model's rules need it. */
export interface LoadedEntry {
  id: string;
  collection: string;
  filePath?: string | undefined;
  data: object;
}

/**
 * What the build's loader finds wrong across entries: the content model's rules, run on the
 * entries Astro loaded (each read again from its file for lines and MDX text).
 */
export function contentProblems(entries: ReadonlyArray<LoadedEntry>, root = '.'): CheckProblem[] {
  return checkSite(
    entries.map((entry) => {
      const file = entry.filePath ?? entry.id;
      const text = readFileSync(join(root, file), 'utf8');
      return modelEntry({
        collection: entry.collection,
        id: entry.id,
        file,
        text,
        data: entry.data as Record<string, unknown>,
      });
    }),
  );
}

const localeIndexes = indexCache<Map<Locale, ReadonlyMap<string, { id: string }>>>();

/** A localized collection's entries by locale, then by their shared slug. */
function localeIndex<T extends { id: string }>(entries: ReadonlyArray<T>) {
  const byLocale = new Map<Locale, Map<string, T>>();
  for (const entry of entries) {
    const parts = splitEntryId(entry.id);
    if (!parts) continue;
    const ofLocale = byLocale.get(parts.locale) ?? new Map<string, T>();
    byLocale.set(parts.locale, ofLocale.set(parts.slug, entry));
  }
  return byLocale;
}

/**
 * Entries of a localized collection in one locale, keyed by their shared slug (shared: do not
 * change it). Grouped once per array (src/utils/indexed-once.ts): every page's chrome and route
 * data look up its year's report here.
 */
export function inLocale<T extends { id: string }>(
  entries: ReadonlyArray<T>,
  locale: Locale,
): ReadonlyMap<string, T> {
  const byLocale = indexedOnce(localeIndexes, entries, localeIndex);
  return (byLocale.get(locale) as ReadonlyMap<string, T> | undefined) ?? new Map<string, T>();
}

/** The slug shared by an entry's language versions (and a unit's years): `en/2007/hotel` → `hotel`. */
export function slugOf(entry: { id: string }): string {
  return parseEntryId(entry.id).slug;
}

/** Report years, newest first. */
export function reportYears(site: SiteContent): number[] {
  return [...new Set(site.reports.map((report) => report.data.year))].sort((a, b) => b - a);
}

/** The newest report year: what the home page and navigation show. */
export function latestYear(site: SiteContent): number {
  const [year] = reportYears(site);
  if (year === undefined)
    throw new Error('There is no report in src/content/reports/: add one before building.');
  return year;
}
