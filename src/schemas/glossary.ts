import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { bilingualTextSchema } from './common';

/** One campaign term (`src/content/glossary/<slug>.yaml`), both languages in one file. */
export const glossarySchema = z.object({
  zh: z.string().trim().min(1),
  /** The English rendering used everywhere on the site. */
  en: z.string().trim().min(1),
  explanation: bilingualTextSchema,
  /** The parts of a compound term, e.g. 六常法 → 常组织 … 常教育. */
  items: z.array(bilingualTextSchema).default([]),
  related: z.array(reference('glossary')).default([]),
});
export type GlossaryData = z.infer<typeof glossarySchema>;
