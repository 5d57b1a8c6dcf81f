import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { unitKinds } from './unit-kinds';
import { draftSchema, sectionIdSchema, slugSchema, sourceHashSchema } from './common';

export { unitKinds };

/**
 * Frontmatter of what one year's report says of a unit, in one language
 * (`src/content/units/<locale>/<year>/<slug>.mdx`): the folder is the report year, the file name
 * the unit's identity across years. Everything here is of that year.
 */
export const unitSchema = z.object({
  name: z.string().trim().min(1),
  /** One of the kinds of src/schemas/unit-kinds.ts (二级单位, 车间, 班组, …). */
  kind: z.enum(unitKinds),
  /** Praised in the report's highlights section (三、主要特色与明显亮点). */
  highlighted: z.boolean().default(false),
  /**
   * The unit this one belongs to, e.g. 纯净水厂 → 生活服务公司: its file name, which is the same in
   * every language (a plain slug, since `reference()` would need the locale folder in the id).
   */
  parent: slugSchema.optional(),
  /** Named practices, as glossary terms. */
  practices: z.array(reference('glossary')).default([]),
  awards: z.array(z.string().trim().min(1)).default([]),
  /** Report headings (ids) where the unit is mentioned. */
  sections: z.array(sectionIdSchema).default([]),
  draft: draftSchema,
  sourceHash: sourceHashSchema,
});
export type UnitData = z.infer<typeof unitSchema>;
