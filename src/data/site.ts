import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales';
import { splitEntryId } from '../utils/entries';
import { perLocale } from '../utils/routes';
import { readFileSync } from 'node:fs';
import { findPhotoDateProblems } from '../utils/gallery';
import { findContentProblems, formatContentProblems, type CheckedEntry, type ContentProblem } from '../utils/integrity';
import { figureFilesProblems, metricTable, yearFigures } from '../utils/metrics';
import { checkProse, contentTexts, type ProseEntry } from '../utils/prose-check';
import { parseYamlSource } from '../check/yaml-source';

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
 * All content, loaded once per build and checked across entries (counterparts, references).
 * Every page goes through here, so a broken entry fails the whole build before anything is written.
 */
export function loadSite(): Promise<SiteContent> {
  cached ??= (async () => {
    const [reports, units, glossary, metrics, timelines, events, photos] = await Promise.all([
      getCollection('reports', published),
      getCollection('units', published),
      getCollection('glossary'),
      getCollection('metrics'),
      getCollection('timelines'),
      getCollection('events'),
      getCollection('photos'),
    ]);
    const problems = findContentProblems({
      localized: {
        reports: reports.map((entry) => checked(entry, [])),
        units: units.map((entry) =>
          checked(entry, [
            ...entry.data.practices.map((ref, i) => ({ field: `practices.${i}`, ...ref })),
            ...(entry.data.parent ? [{ field: 'parent', collection: 'units', id: entry.data.parent }] : []),
          ]),
        ),
        events: events.map((entry) => checked(entry, [])),
      },
      shared: {
        glossary: glossary.map((entry) =>
          checked(entry, entry.data.related.map((ref, i) => ({ field: `related.${i}`, ...ref }))),
        ),
        metrics: metrics.map((entry) => checked(entry, [])),
        // Photos hold both languages in one file; their event and unit must exist in every language.
        photos: photos.map((entry) =>
          checked(entry, [
            ...(entry.data.event ? [{ field: 'event', collection: 'events', id: entry.data.event }] : []),
            ...(entry.data.unit ? [{ field: 'unit', collection: 'units', id: entry.data.unit }] : []),
          ]),
        ),
      },
    });
    problems.push(
      ...findPhotoDateProblems(
        photos,
        events.map((entry) => ({ slug: slugOf(entry), date: entry.data.date, file: entry.filePath ?? entry.id })),
      ),
    );
    problems.push(
      ...figureFilesProblems(metrics.map((entry) => ({ file: entry.filePath ?? entry.id, slug: entry.id, data: entry.data }))),
    );
    problems.push(...typedFigures({ reports, units, glossary, metrics, timelines, events, photos }));
    if (problems.length > 0) throw new Error(formatContentProblems(problems));
    return { reports, units, glossary, metrics, timelines, events, photos };
  })();
  return cached;
}

/** Hand-typed figures in every text that reaches a page, against its year's figures (src/utils/prose-check.ts). */
function typedFigures(site: SiteContent): ContentProblem[] {
  const tables = new Map(site.metrics.map((entry) => [entry.data.year, metricTable(yearFigures(entry.data))]));
  const entries: ProseEntry[] = Object.entries(site).flatMap(([collection, list]: [string, Array<{ filePath?: string | undefined; data: object }>]) =>
    list.flatMap((entry) => {
      if (!entry.filePath) return [];
      const source = readFileSync(entry.filePath, 'utf8');
      const lineOf = entry.filePath.endsWith('.yaml') ? parseYamlSource(source).lineOf : undefined;
      return [{ collection, file: entry.filePath, source, data: entry.data as Record<string, unknown>, lineOf }];
    }),
  );
  return checkProse(contentTexts(entries, [...tables.keys()]), tables);
}

function checked(entry: { id: string; filePath?: string | undefined }, references: CheckedEntry['references']): CheckedEntry {
  return entry.filePath === undefined ? { id: entry.id, references } : { id: entry.id, filePath: entry.filePath, references };
}

/** Entries of a localized collection in one locale, keyed by their shared slug. */
export function inLocale<T extends { id: string }>(entries: T[], locale: Locale): Map<string, T> {
  const result = new Map<string, T>();
  for (const entry of entries) {
    const parts = splitEntryId(entry.id);
    if (parts?.locale === locale) result.set(parts.slug, entry);
  }
  return result;
}

/** The slug shared by an entry's language versions (`en/hotel` → `hotel`). */
export function slugOf(entry: { id: string }): string {
  return splitEntryId(entry.id)?.slug ?? entry.id;
}

/** Report years, newest first. */
export function reportYears(site: SiteContent): number[] {
  return [...new Set(site.reports.map((report) => report.data.year))].sort((a, b) => b - a);
}

/** The newest report year: what the home page and navigation show. */
export function latestYear(site: SiteContent): number {
  const [year] = reportYears(site);
  if (year === undefined) throw new Error('There is no report in src/content/reports/: add one before building.');
  return year;
}

/** `getStaticPaths()` entries for a page that exists once per report year and locale: `/2007/…`, `/en/2007/…`. */
export async function reportPaths() {
  const site = await loadSite();
  return perLocale((locale) =>
    [...inLocale(site.reports, locale).values()].map((report) => ({ params: { year: slugOf(report) }, props: { report } })),
  );
}
