import { z } from 'astro/zod';
import { draftSchema, sourceHashSchema, yearSchema } from './common';

/** Frontmatter of one year's report in one language (`src/content/reports/<locale>/<year>.mdx`). */
export const reportSchema = z.object({
  year: yearSchema,
  title: z.string().trim().min(1),
  slogan: z.string().trim().min(1),
  author: z.string().trim().min(1),
  authorRole: z.string().trim().min(1),
  publisher: z.string().trim().min(1),
  /** Publication date; left out when the source does not state one. */
  date: z.coerce.date().optional(),
  summary: z.string().trim().min(1),
  /**
   * Where the text comes from (`source`: the Chinese report must say it) and how its English was
   * made (`translation`: the English report must say it), shown under the report. A published
   * report without them, or with the tools' placeholders in them, is refused.
   */
  provenance: z
    .object({
      source: z.string().trim().min(1).optional(),
      translation: z.string().trim().min(1).optional(),
    })
    .optional(),
  /** The year's part of the gallery: its intro (else the gallery says "Photos of <year>"). */
  gallery: z.object({ intro: z.string().trim().min(1) }).optional(),
  draft: draftSchema,
  sourceHash: sourceHashSchema,
});
export type ReportData = z.infer<typeof reportSchema>;
