import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { eventSchema } from './schemas/event';
import { glossarySchema } from './schemas/glossary';
import { metricsSchema } from './schemas/metrics';
import { photoSchema } from './schemas/photo';
import { reportSchema } from './schemas/report';
import { timelineSchema } from './schemas/timeline';
import { unitSchema } from './schemas/unit';

// Entry ids keep the locale folder (`zh-cn/2007`, `en/hotel`): src/utils/entries.ts splits them.
const reports = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './src/content/reports' }),
  schema: reportSchema,
});

const units = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './src/content/units' }),
  schema: unitSchema,
});

const glossary = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/glossary' }),
  schema: glossarySchema,
});

const metrics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/metrics' }),
  schema: metricsSchema,
});

// Gallery events: one YAML file per language, like units (`zh-cn/bonfire-party`).
const events = defineCollection({
  loader: glob({ pattern: '*/*.yaml', base: './src/content/events' }),
  schema: eventSchema,
});

// Gallery photos: one YAML file per photo with both languages, the image next to it.
const photos = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/photos' }),
  schema: photoSchema,
});

const timelines = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/timelines' }),
  schema: timelineSchema,
});

export const collections = { reports, units, glossary, metrics, timelines, events, photos };
