// What a figures file declares: figures, charts and key-figure cards, as zod shapes and their types.
// The rules across them (./rules.ts) and the file's schema (./schema.ts) are built on these.
import { z } from 'astro/zod';
import { bilingualTextSchema, sectionIdSchema, yearSchema } from '../schemas/common';

/** Written in the data file where the report gives no figure; never 0. */
export const NOT_REPORTED = 'not reported';

/**
 * `teams.total`, `inspections.octoberProblems`: words joined by dots; the same id in every year
 * means the same measure.
 */
export const figureIdSchema = z.string().regex(/^[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*$/, {
  message:
    'must be a figure id such as "teams.total": letters and digits, words joined by dots, starting lower-case',
});

/** The word a count is counted in: 个 / 人 / 家 in Chinese, the plural noun in English ("teams"). */
const counterSchema = z.object({
  zh: z.string().trim().min(1).max(2),
  en: z.string().trim().min(1),
});

/** How a computed figure is rounded for display; the report's rule (half up, whole percent) by default. */
const roundingSchema = z.object({
  digits: z.number().int().min(0).max(3).default(0),
  mode: z.enum(['half-up', 'half-even', 'down']).default('half-up'),
});

/**
 * One figure of a year. Exactly one of `value` (as the report gives it, or `not reported`),
 * `share` (part as a percentage of a whole) or `difference` (one figure minus another).
 */
export const figureSchema = z.object({
  id: figureIdSchema,
  /** Full label, used in tables, open data and `npm run figures`. */
  label: bilingualTextSchema,
  /** Shorter label for chart bars and key-figure cards; the full label when left out. */
  short: bilingualTextSchema.optional(),
  kind: z.enum(['count', 'percent']),
  /** Required for a count: 个 / teams. */
  counter: counterSchema.optional(),
  value: z
    .union([z.number(), z.literal(NOT_REPORTED)], {
      message:
        `must be a whole number of 0 or more (a percentage: 0 to 100), ` +
        `or "${NOT_REPORTED}" where the report gives none`,
    })
    .optional(),
  share: z.object({ part: figureIdSchema, of: figureIdSchema }).optional(),
  difference: z.object({ from: figureIdSchema, minus: figureIdSchema }).optional(),
  rounding: roundingSchema.optional(),
  /** This figure is part of another (excellent teams of all teams): it can never exceed it. */
  partOf: figureIdSchema.optional(),
  /** This figure is a target for another figure of the same kind. */
  target: z.object({ for: figureIdSchema, direction: z.enum(['at-least', 'at-most']) }).optional(),
  /** The report heading id the figure comes from, e.g. `basics`. */
  section: sectionIdSchema,
  notes: bilingualTextSchema.optional(),
});
export type FigureDeclaration = z.infer<typeof figureSchema>;
export type ReportedValue = number | typeof NOT_REPORTED;

/** One bar (or row) of a chart: a figure, with an optional shorter label and tone. */
const chartItemSchema = z.object({
  figure: figureIdSchema,
  label: bilingualTextSchema.optional(),
  tone: z.enum(['strong', 'soft', 'muted']).optional(),
});

/**
 * A chart of the year. `counts`: counts as bars (with `whole`, the scale ends there and the
 * table gives each bar's share of it); `parts`: parts of `whole` as bars; `targets`: each listed
 * target figure against the figure it targets. Captions and summaries may quote figures as
 * `{metric:id}` (`{metric:id:bare}` without the % sign, `{metric:id:share}` as a share of `whole`).
 */
export const chartSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be a chart id such as "team-grades": lower-case letters, digits and hyphens',
  }),
  kind: z.enum(['counts', 'parts', 'targets']),
  /** Plain title (no figures): the caption when `caption` is left out or quotes a figure the report does not give. */
  title: bilingualTextSchema,
  caption: bilingualTextSchema.optional(),
  /** Written from the figures' labels and values when left out. */
  summary: bilingualTextSchema.optional(),
  whole: figureIdSchema.optional(),
  bars: z.array(chartItemSchema).min(1),
});
export type ChartDeclaration = z.infer<typeof chartSchema>;

/** A key-figure card: the figure's value and short label, with an optional note for this year. */
export const cardSchema = z.object({
  figure: figureIdSchema,
  label: bilingualTextSchema.optional(),
  /** This year's sub-line; may quote figures as `{metric:id}`. */
  note: bilingualTextSchema.optional(),
});
export type CardDeclaration = z.infer<typeof cardSchema>;

/** A figures file's shape before its rules run (the rules check exactly this). */
export const metricsFileShape = z.object({
  year: yearSchema,
  figures: z.array(figureSchema).min(1),
  charts: z.array(chartSchema).default([]),
  cards: z.array(cardSchema).default([]),
});
export type MetricsData = z.infer<typeof metricsFileShape>;
