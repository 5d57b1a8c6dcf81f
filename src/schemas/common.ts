import { z } from 'astro/zod';

/** The file name of an entry without extension, the same in every language: ASCII, e.g. `hotel`. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message:
    'must be an entry\'s file name without extension: lower-case ASCII letters, digits and hyphens, e.g. "hotel"',
});

/** A heading id in a report, e.g. `basics`: lower-case ASCII words joined by hyphens. */
export const sectionIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: 'must be a report heading id such as "basics" (lower-case letters, digits and hyphens)',
});

/** A report year such as 2007. */
export const yearSchema = z.number().int().min(1950).max(2100);

/** A piece of text the editors write in both languages, side by side. */
export const bilingualTextSchema = z.object({
  zh: z.string().trim().min(1, { message: 'the Chinese text is empty' }),
  en: z.string().trim().min(1, { message: 'the English text is empty' }),
});

/** `draft: true` shows an entry in `npm run dev` only: never in a production build, the sitemap, search or the PDF. */
export const draftSchema = z.boolean().default(false);

/**
 * In a translation (English entry), the fingerprint of the Chinese source it was translated from
 * (src/model/translation.ts). `npm run check` reports the translation as out of date when the
 * Chinese text changes; `npm run check -- --mark-translated <file>` records the new fingerprint.
 */
export const sourceHashSchema = z
  .string()
  .regex(/^[0-9a-f]{12}$/, {
    message: 'must be the 12-character fingerprint written by `npm run check -- --mark-translated`',
  })
  .optional();
