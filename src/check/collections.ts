import { z } from 'astro/zod';
import { glossarySchema } from '../schemas/glossary';
import { metricsSchema } from '../schemas/metrics';
import { reportSchema } from '../schemas/report';
import { timelineSchema } from '../schemas/timeline';
import { unitSchema } from '../schemas/unit';
import type { ImageRules } from './images';

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
  /** Fields naming a unit by plain slug (not `reference()`), e.g. `parent`. */
  unitSlugFields?: ReadonlyArray<string>;
  /** The English entries are translations of the Chinese ones and record `sourceHash`. */
  translated?: boolean;
}

export const collectionRules: Record<string, CollectionRule> = {
  reports: { folder: 'src/content/reports', layout: 'localized', extension: '.mdx', schema: reportSchema, components: ['Highlight', 'Metric', 'UnitLink'], translated: true },
  units: { folder: 'src/content/units', layout: 'localized', extension: '.mdx', schema: unitSchema, components: ['Metric', 'ReportQuote', 'UnitLink'], unitSlugFields: ['parent'], translated: true },
  glossary: { folder: 'src/content/glossary', layout: 'shared', extension: '.yaml', schema: glossarySchema },
  metrics: { folder: 'src/content/metrics', layout: 'shared', extension: '.yaml', schema: metricsSchema },
  timelines: { folder: 'src/content/timelines', layout: 'shared', extension: '.yaml', schema: timelineSchema },
  // The gallery (issue 4) adds, with its real schemas (and `photoRules` from ./images):
  //   events: { folder: 'src/content/events', layout: 'localized', extension: '.mdx', schema: eventSchema, translated: true },
  //   photos: { folder: 'src/content/photos', layout: 'shared', extension: '.yaml', schema: photoSchema,
  //             images: { fields: ['image'], rules: photoRules } },
};
