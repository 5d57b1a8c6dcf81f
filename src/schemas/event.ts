import { z } from 'astro/zod';
import { yearSchema } from './common';

/** Parts of the day a caption gives instead of a clock time ("下午" / "晚"). */
export const partsOfDay = ['morning', 'afternoon', 'evening'] as const;

/** A clock time such as `14:00`, or a part of the day when the source gives no clock time. */
const timeMessage =
  `must be a 24-hour time such as "14:00", ` +
  `or one of ${partsOfDay.map((p) => `"${p}"`).join(', ')} when the source gives no clock time ` +
  `(quote times in YAML: '14:00')`;
export const eventTimeSchema = z.union(
  [
    z.enum(partsOfDay, { message: timeMessage }),
    z.string({ message: timeMessage }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: timeMessage }),
  ],
  { message: timeMessage },
);
export type EventTime = z.infer<typeof eventTimeSchema>;

/** One event of the photo gallery in one language (`src/content/events/<locale>/<slug>.yaml`). */
export const eventSchema = z.object({
  title: z.string().trim().min(1),
  /**
   * The report year the event belongs to (a Spring Festival event of January 2008 belongs to the
   * 2007 report): the gallery groups by it, and its photos carry it into search and the PDF.
   */
  year: yearSchema,
  /** The day of the event (YYYY-MM-DD). */
  date: z.coerce.date({ message: 'must be a date written YYYY-MM-DD, e.g. 2008-01-30' }),
  /** Left out when the source gives neither a time nor a part of the day. */
  time: eventTimeSchema.optional(),
  /** Left out when the source does not say where it took place. */
  place: z.string().trim().min(1).optional(),
  /** A sentence or two, no more than the source says. */
  description: z.string().trim().min(1),
});
export type EventData = z.infer<typeof eventSchema>;
