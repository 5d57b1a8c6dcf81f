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
  /** The year's part of the gallery: its intro (else the gallery says "Photos of <year>"). */
  gallery: z.object({ intro: z.string().trim().min(1) }).optional(),
  draft: draftSchema,
  sourceHash: sourceHashSchema,
});
export type ReportData = z.infer<typeof reportSchema>;
