import type { SchemaContext } from 'astro:content';
import type { z } from 'astro/zod';
import { eventSchema } from '../schemas/event';
import { glossarySchema } from '../schemas/glossary';
import { metricsSchema } from '../figures/schema';
import { photoSchema } from '../schemas/photo';
import { reportSchema } from '../schemas/report';
import { timelineSchema } from '../schemas/timeline';
import { unitSchema } from '../schemas/unit';
import { strictSchema } from './fields';
import { unitKindTable } from '../schemas/unit-kinds';

/**
 * THE content model, declared once. Everything that needs to know about content reads it:
 * src/content.config.ts (Astro's collections), `npm run check` (src/check/), the build's loader
 * (`loadSite()` in src/data/site.ts), the cross-entry rules (./rules.ts), the scaffolder
 * (`npm run new`, src/editing/) and the field tables of the editors' guide (docs/editing.*.md).
 * A collection added here is loaded, checked and documented everywhere.
 */

/** A schema, or Astro's schema function for collections that hold images (`image()`). */
export type SchemaSource = z.ZodType | ((context: Pick<SchemaContext, 'image'>) => z.ZodType);

/** The kinds of image rules `npm run check` applies (src/check/images.ts holds the rules). */
export type ImageKind = 'photo';

export interface CollectionModel<S extends SchemaSource = SchemaSource> {
  /** Folder of its files, from the project root. */
  folder: string;
  /** `localized`: `<folder>/<locale>/<slug>.<ext>`, one file per language; `shared`: `<folder>/<slug>.<ext>`. */
  layout: 'localized' | 'shared';
  extension: '.mdx' | '.yaml';
  /** The schema, strict (./fields.ts): a field it does not declare is an error with a suggestion. */
  schema: S;
  /** MDX components its pages provide (`<Content components={…}>`); MDX collections only. */
  components: ReadonlyArray<string>;
  /**
   * Fields naming other entries: field → collection. `[]` marks each item of a list. A value is
   * a file name (slug, resolved in the entry's language, or in every language from a shared
   * entry) or what `reference()` makes (`{ id, collection }`).
   */
  references: Readonly<Record<string, string>>;
  /** Fields whose values are named in a table (value → its zh and en names), for the guide. */
  choiceNames?: Readonly<Record<string, ReadonlyArray<{ id: string; zh: string; en: string }>>>;
  /** Fields holding an image path (relative to the entry), checked as `images.kind`. */
  images?: { fields: ReadonlyArray<string>; kind: ImageKind };
  /** The English entries are translations of the Chinese ones and record `sourceHash`. */
  translated: boolean;
  /** The file is named by the entry's `year` field (`2007.yaml`). */
  namedByYear: boolean;
  /**
   * Localized collections only: one folder per report year inside each language folder
   * (`<folder>/<locale>/<year>/<slug>.<ext>`). The folder is the entry's year; the file name is
   * its identity across years; references to it resolve in the naming entry's year.
   */
  yearFolders: boolean;
  /** Fields that name what the entry is about: two entries with the same value describe one thing twice. */
  namingFields: ReadonlyArray<string>;
  /** What one entry is, for the editors' guide. */
  title: { en: string; zh: string };
}

/** Applies what every collection gets: the strict version of its schema. */
function collection<S extends SchemaSource>(model: CollectionModel<S>): CollectionModel<S> {
  const { schema } = model;
  const strict = (
    typeof schema === 'function'
      ? (context: Pick<SchemaContext, 'image'>) => strictSchema(schema(context))
      : strictSchema(schema)
  ) as S;
  return { ...model, schema: strict };
}

const none: ReadonlyArray<string> = [];

export const contentModel = {
  reports: collection({
    title: { en: "A year's report (one file per language)", zh: '年度总结（每种语言一个文件）' },
    folder: 'src/content/reports',
    layout: 'localized',
    extension: '.mdx',
    schema: reportSchema,
    components: ['Highlight', 'Metric', 'UnitLink'],
    references: {},
    translated: true,
    namedByYear: true,
    yearFolders: false,
    namingFields: none,
  }),
  units: collection({
    title: {
      en: "A unit's highlights in one year (one file per year and language)",
      zh: '单位某一年度的亮点（每年、每种语言一个文件）',
    },
    folder: 'src/content/units',
    layout: 'localized',
    extension: '.mdx',
    schema: unitSchema,
    components: ['Metric', 'ReportQuote', 'UnitLink'],
    references: { parent: 'units', 'practices[]': 'glossary' },
    choiceNames: { kind: unitKindTable },
    translated: true,
    namedByYear: false,
    yearFolders: true,
    namingFields: ['name'],
  }),
  glossary: collection({
    title: {
      en: 'A glossary term (both languages in one file)',
      zh: '术语（两种语言在同一个文件）',
    },
    folder: 'src/content/glossary',
    layout: 'shared',
    extension: '.yaml',
    schema: glossarySchema,
    components: none,
    references: { 'related[]': 'glossary' },
    translated: false,
    namedByYear: false,
    yearFolders: false,
    namingFields: ['zh', 'en'],
  }),
  metrics: collection({
    title: { en: "A year's figures", zh: '年度数字' },
    folder: 'src/content/metrics',
    layout: 'shared',
    extension: '.yaml',
    schema: metricsSchema,
    components: none,
    references: {},
    translated: false,
    namedByYear: true,
    yearFolders: false,
    namingFields: none,
  }),
  timelines: collection({
    title: { en: "A year's timeline", zh: '年度时间线' },
    folder: 'src/content/timelines',
    layout: 'shared',
    extension: '.yaml',
    schema: timelineSchema,
    components: none,
    references: {},
    translated: false,
    namedByYear: true,
    yearFolders: false,
    namingFields: none,
  }),
  events: collection({
    title: { en: 'A gallery event (one file per language)', zh: '图片库活动（每种语言一个文件）' },
    folder: 'src/content/events',
    layout: 'localized',
    extension: '.yaml',
    schema: eventSchema,
    components: none,
    references: {},
    translated: false,
    namedByYear: false,
    yearFolders: false,
    namingFields: none,
  }),
  photos: collection({
    title: {
      en: 'A photo (both languages in one file, the image next to it)',
      zh: '图片（两种语言在同一个文件，图片放在旁边）',
    },
    folder: 'src/content/photos',
    layout: 'shared',
    extension: '.yaml',
    schema: photoSchema,
    components: none,
    references: { event: 'events', unit: 'units' },
    images: { fields: ['image'], kind: 'photo' },
    translated: false,
    namedByYear: false,
    yearFolders: false,
    namingFields: none,
  }),
} as const;

export type ContentModel = typeof contentModel;
export type CollectionName = keyof ContentModel;

export const collectionNames = Object.keys(contentModel) as CollectionName[];

/** The model of one collection by name (undefined for a name the model does not have). */
export function modelOf(name: string): CollectionModel | undefined {
  return (contentModel as Record<string, CollectionModel>)[name];
}

/**
 * The glob (relative to the folder) that finds a collection's files. Year-folder collections
 * also match files at any other depth, so that a file left outside a year folder is loaded and
 * refused with a message (the `year-folders` rule) rather than ignored in silence.
 */
export function filePattern(
  model: Pick<CollectionModel, 'layout' | 'extension' | 'yearFolders'>,
): string {
  if (model.layout === 'shared') return `*${model.extension}`;
  return model.yearFolders ? `*/**/*${model.extension}` : `*/*${model.extension}`;
}

/** A collection's file layout as the editors' guide writes it: `src/content/units/<locale>/<year>/<slug>.mdx`. */
export function fileLayout(
  model: Pick<CollectionModel, 'folder' | 'layout' | 'extension' | 'yearFolders' | 'namedByYear'>,
  words: { locale: string; year: string; slug: string },
): string {
  const name = `${model.namedByYear ? words.year : words.slug}${model.extension}`;
  if (model.layout === 'shared') return `${model.folder}/${name}`;
  return model.yearFolders
    ? `${model.folder}/${words.locale}/${words.year}/${name}`
    : `${model.folder}/${words.locale}/${name}`;
}

/**
 * Where an entry's file lives: `src/content/units/zh-cn/2007/hotel.mdx` (year-folder
 * collections need the year), `src/content/glossary/six-constants.yaml`.
 */
export function entryFile(
  name: CollectionName,
  slug: string,
  locale?: string,
  year?: number,
): string {
  const model: CollectionModel = contentModel[name];
  if (model.layout === 'localized' && locale === undefined)
    throw new Error(`${name} entries live in a language folder: give the locale.`);
  if (model.yearFolders && year === undefined)
    throw new Error(`${name} entries live in a year folder: give the year.`);
  return `${entryFolder(name, locale, year)}/${slug}${model.extension}`;
}

/**
 * The folder of a collection's entries in one language (or its only folder, for shared
 * collections), and in one year for year-folder collections when the year is given.
 */
export function entryFolder(name: CollectionName, locale?: string, year?: number): string {
  const model: CollectionModel = contentModel[name];
  if (model.layout !== 'localized' || locale === undefined) return model.folder;
  return model.yearFolders && year !== undefined
    ? `${model.folder}/${locale}/${year}`
    : `${model.folder}/${locale}`;
}
