import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';
import { bigramTokens } from './bigram-tokens.ts';

/**
 * Adds the Chinese bigram tokens (see src/search/bigram-tokens.ts) to a built page's HTML, only in the
 * copy handed to Pagefind: the published page is unchanged. The tokens of each stretch of text go in
 * a block placed right after it, before the next element with an id, so Pagefind's word positions
 * still tell which section (heading or `unit-…` paragraph) a match is in.
 *
 * Headings' tokens go in blocks of their own with the heading's weight (`data-pagefind-weight`, the
 * same as Pagefind gives the heading), so a title match counts as much as it would in English.
 *
 * Only text inside `data-pagefind-body` and outside `data-pagefind-ignore` counts, as for Pagefind.
 */
export function withBigramBlocks(html: string): string {
  const document = parse(html) as HtmlNode;
  const insertions: Array<{ at: number; text: string }> = [];
  let pending = '';
  let headings: Array<{ weight: number; text: string }> = [];
  let heading: { weight: number; text: string } | undefined;
  const flush = (at: number) => {
    const blocks = [...headings, { weight: 0, text: pending }]
      .map(({ weight, text }) => ({ weight, tokens: bigramTokens(text) }))
      .filter(({ tokens }) => tokens.length > 0)
      .map(
        ({ weight, tokens }) =>
          `<p data-search-bigrams${weight ? ` data-pagefind-weight="${weight}"` : ''}>${tokens.join(' ')}</p>`,
      );
    pending = '';
    headings = [];
    if (blocks.length > 0) insertions.push({ at, text: blocks.join('') });
  };
  const visit = (node: HtmlNode, inBody: boolean) => {
    if (node.type === TEXT_NODE) {
      if (inBody && heading) heading.text += node.value ?? '';
      else if (inBody) pending += node.value ?? '';
      return;
    }
    if (node.type !== ELEMENT_NODE) {
      for (const child of node.children ?? []) visit(child, inBody);
      return;
    }
    const attributes = node.attributes ?? {};
    if ('data-pagefind-ignore' in attributes || skipped.has(node.name ?? '')) return;
    const isBody = 'data-pagefind-body' in attributes;
    if (inBody && attributes['id']) flush(node.loc[0].start);
    const block = !inline.has(node.name ?? '');
    if (block) pending += '\n';
    const level = /^h([1-6])$/.exec(node.name ?? '')?.[1];
    const opened =
      level && inBody && !heading
        ? (heading = { weight: headingWeights[Number(level)] ?? 1, text: '' })
        : undefined;
    for (const child of node.children ?? []) visit(child, inBody || isBody);
    if (opened) {
      headings.push(opened);
      heading = undefined;
    }
    if (block) pending += '\n';
    if (isBody) flush(node.loc[1].start);
  };
  visit(document, false);
  // Insert from the end so earlier offsets stay valid.
  let result = html;
  for (const { at, text } of insertions.sort((a, b) => b.at - a.at))
    result = result.slice(0, at) + text + result.slice(at);
  return result;
}

interface HtmlNode {
  type: number;
  name?: string;
  value?: string;
  attributes?: Record<string, string>;
  children?: HtmlNode[];
  loc: [{ start: number; end: number }, { start: number; end: number }];
}

/** Pagefind's own weights for headings h1–h6. */
const headingWeights = [1, 7, 6, 5, 4, 3, 2];
const skipped = new Set(['script', 'style', 'template', 'noscript', 'svg']);
/** Elements that do not break a run of text: a name split by a link (平果铝<a>宾馆</a>) stays one run. */
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);
