import { getEntry, render } from 'astro:content';
import type { MdxBody } from './mdx-context';

/** Renders an MDX entry's body by reference (its route data carries the reference, not the entry). */
export async function renderBody(body: MdxBody) {
  const entry = await getEntry(body.collection, body.id);
  if (!entry) throw new Error(`No ${body.collection} entry "${body.id}" to render.`);
  return render(entry);
}
