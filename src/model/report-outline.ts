import type { MarkdownHeading } from 'astro';

/** Unit slugs in the order their `<Highlight unit="…">` paragraphs appear in a report's MDX source. */
export function highlightOrder(mdxSource: string): string[] {
  return [...mdxSource.matchAll(/<Highlight\s+unit="([^"]+)"/g)].map((match) => match[1] ?? '');
}

export interface TocItem extends MarkdownHeading {
  children: TocItem[];
}

/** Nests a report's h2/h3 headings into a table of contents (deeper headings are left out). */
export function tableOfContents(headings: MarkdownHeading[]): TocItem[] {
  const toc: TocItem[] = [];
  for (const heading of headings) {
    const parent = toc.at(-1);
    if (heading.depth === 2) toc.push({ ...heading, children: [] });
    else if (heading.depth === 3 && parent) parent.children.push({ ...heading, children: [] });
  }
  return toc;
}
