import { z } from 'astro/zod';
import { eventSchema } from '../schemas/event';
import { glossarySchema } from '../schemas/glossary';
import { metricsSchema } from '../schemas/metrics';
import { photoSchema } from '../schemas/photo';
import { reportSchema } from '../schemas/report';
import { timelineSchema } from '../schemas/timeline';
import { unitSchema } from '../schemas/unit';
import { photoRules, type ImageRules } from './images';

/** The part of Astro's schema context the check provides: `image()` keeps the path, checked by ./images.ts. */
export interface CheckSchemaContext {
  image: () => z.ZodType<string>;
}

/**
 * How `npm run check` finds and validates one collection. Mirrors src/content.config.ts (same
 * folders, the same schema objects); a collection added there gets one line here.
 */
export interface CollectionRule {
  folder: string;
  /** `localized`: `<folder>/<locale>/<slug>.<ext>`, one file per language; `shared`: `<folder>/<slug>.<ext>`. */
  layout: 'localized' | 'shared';
  extension: '.mdx' | '.md' | '.yaml';
  schema: z.ZodType | ((context: CheckSchemaContext) => z.ZodType);
  /** MDX components the collection's pages provide (`<Content components={…}>`). */
  components?: ReadonlyArray<string>;
  /** Fields holding image paths (after `image()`), checked against these rules. */
  images?: { fields: ReadonlyArray<string>; rules: ImageRules };
  /** Fields naming an entry of a localized collection by plain slug (not `reference()`): field → collection. */
  slugFields?: Readonly<Record<string, string>>;
  /** The English entries are translations of the Chinese ones and record `sourceHash`. */
  translated?: boolean;
}

export const collectionRules: Record<string, CollectionRule> = {
  reports: { folder: 'src/content/reports', layout: 'localized', extension: '.mdx', schema: reportSchema, components: ['Highlight', 'Metric', 'UnitLink'], translated: true },
  units: { folder: 'src/content/units', layout: 'localized', extension: '.mdx', schema: unitSchema, components: ['Metric', 'ReportQuote', 'UnitLink'], slugFields: { parent: 'units' }, translated: true },
  glossary: { folder: 'src/content/glossary', layout: 'shared', extension: '.yaml', schema: glossarySchema },
  metrics: { folder: 'src/content/metrics', layout: 'shared', extension: '.yaml', schema: metricsSchema },
  timelines: { folder: 'src/content/timelines', layout: 'shared', extension: '.yaml', schema: timelineSchema },
  events: { folder: 'src/content/events', layout: 'localized', extension: '.yaml', schema: eventSchema },
  photos: {
    folder: 'src/content/photos',
    layout: 'shared',
    extension: '.yaml',
    // The check's image() keeps the file path (./images.ts inspects the file itself) where the
    // build's would return image metadata: the rest of the schema is the same object.
    schema: (context: CheckSchemaContext) => photoSchema(context as unknown as Parameters<typeof photoSchema>[0]),
    images: { fields: ['image'], rules: photoRules },
    slugFields: { event: 'events', unit: 'units' },
  },
};
