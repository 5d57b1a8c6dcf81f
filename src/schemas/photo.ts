import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { bilingualTextSchema, slugSchema, yearSchema } from './common';

/** Alt text that is really a file name ("IMG_0412.jpg", "dsc-0031") says nothing to a screen-reader user. */
export function looksLikeFileName(text: string): boolean {
  return (
    /\.(jpe?g|png|webp|avif|gif|heic|tiff?)$/i.test(text.trim()) ||
    /^(img|dsc|dscn|dcim|pxl|p)[-_]?\d+$/i.test(text.trim())
  );
}

const altMessage = (language: string) =>
  `the ${language} alt text is missing: ` +
  `describe what the photo shows for readers who cannot see it (not the file name)`;
const altText = (language: string) =>
  z
    .string({ message: altMessage(language) })
    .trim()
    .min(1, { message: altMessage(language) })
    .refine((text) => !looksLikeFileName(text), {
      message: `the ${language} alt text is a file name: describe what the photo shows instead`,
    });

/** A required text in one language; the message names the field ("the Chinese credit is empty"). */
const requiredText = (language: string, field: string) =>
  z
    .string({ message: `the ${language} ${field} is missing` })
    .trim()
    .min(1, { message: `the ${language} ${field} is empty` });
const captionText = (language: string) => requiredText(language, 'caption');

/**
 * One photo of the gallery (`src/content/photos/<slug>.yaml`, the image next to it), both languages
 * in one file. `event` and `unit` are file names of entries in the localized `events` and `units`
 * collections (plain slugs, since `reference()` would need the locale folder in the id); the
 * content check in src/data/site.ts makes sure they exist in every language.
 */
export const photoSchema = ({ image }: Pick<SchemaContext, 'image'>) =>
  z.object({
    image: image(),
    /** Position in the source's photo spread: the gallery's order. */
    order: z.number().int().positive(),
    /** The report year the photo belongs to; required when it has no event (else its event's year). */
    year: yearSchema.optional(),
    /** The event the photo was taken at; left out when the source does not say. */
    event: slugSchema.optional(),
    /** The unit performing or pictured, when the source names it. */
    unit: slugSchema.optional(),
    /** The day the photo was taken, when the source gives it; must match the event's date. */
    date: z.coerce
      .date({ message: 'must be a date written YYYY-MM-DD, e.g. 2008-01-30' })
      .optional(),
    /** Chosen for the PDF edition and preferred as the cover of its event. */
    featured: z.boolean().default(false),
    /** A labelled stand-in, not the original photograph: the pages say so, for this photo only. */
    sample: z.boolean().default(false),
    /**
     * The publication the caption is quoted from, when it is quoted (the 2007 captions are the
     * company magazine's); left out for a caption the editors wrote. The pages attribute it.
     */
    captionSource: bilingualTextSchema.optional(),
    caption: z.object(
      { zh: captionText('Chinese'), en: captionText('English') },
      { message: 'caption is missing: give caption.zh and caption.en' },
    ),
    alt: z.object(
      { zh: altText('Chinese'), en: altText('English') },
      { message: 'alt is missing: give alt.zh and alt.en, describing what the photo shows' },
    ),
    /** Who took the photo or where it comes from. */
    credit: z.object(
      { zh: requiredText('Chinese', 'credit'), en: requiredText('English', 'credit') },
      { message: 'credit is missing: give credit.zh and credit.en' },
    ),
  });
export type PhotoData = z.infer<ReturnType<typeof photoSchema>>;
