import { z } from 'astro/zod';
import { bilingualTextSchema, sectionIdSchema, yearSchema } from './common';

/** One step of a year's campaign: when (quarter, and month where the report names one) and what. */
const stepSchema = z
  .object({
    quarter: z.number().int().min(1).max(4),
    month: z.number().int().min(1).max(12).optional(),
    section: sectionIdSchema,
    /** May quote figures as `{metric:id}`, e.g. `{metric:inspections.septemberProblems}`. */
    text: bilingualTextSchema,
  })
  .refine((step) => step.month === undefined || Math.ceil(step.month / 3) === step.quarter, {
    message: 'month is not in the given quarter (months 1–3 are quarter 1, 4–6 quarter 2, …)',
    path: ['month'],
  });

/**
 * A year's timeline (`src/content/timelines/<year>.yaml`), steps in the order they happened. No
 * steps is a timeline still to be written (the import drafts one when the document dates nothing):
 * the year's pages then show none.
 */
export const timelineSchema = z.object({
  year: yearSchema,
  steps: z.array(stepSchema),
});
export type TimelineData = z.infer<typeof timelineSchema>;
