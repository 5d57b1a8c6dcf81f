import { ELEMENT_NODE, parse } from 'ultrahtml';
import { withBigramBlocks } from './bigram-blocks.ts';

/**
 * The HTML handed to Pagefind for one built page: the page without what Pagefind cannot read from
 * it, plus the Chinese bigram blocks (src/search/bigram-blocks.ts) for Chinese pages. The index made
 * from it is the one the whole page makes, byte for byte (tests/unit/search-pagefind-input.test.ts
 * checks that with Pagefind itself); it is only smaller, so Pagefind parses it faster. Four fifths
 * of a built page's bytes are its head, header, menus, scripts and footer, which Pagefind reads
 * and drops because every indexed page marks its content with `data-pagefind-body`.
 *
 * What is left out: every element outside the `data-pagefind-body` elements whose whole subtree has
 * nothing Pagefind takes from outside the body. Pagefind (src/fossick/parser.rs) takes from there
 * only the page's language (`<html lang>`, always kept: it is an ancestor), the first `<h1>` and
 * `<title>` (fallback titles), the first `<img>` after a title (fallback image), `data-pagefind-*`
 * attributes (filters, meta, sort, weights, ids to index) and old-bundle references (`_pagefind`
 * in a script's or link's address); the text outside the body is dropped once the body is read,
 * and an element's id there only moves an internal anchor counter. Elements with any of these are
 * kept whole, with their ancestors; the rest of the tree is searched for what can go.
 *
 * Only well-formed trees are trimmed: if any element of the page has no end tag where one is
 * needed (`<p>a<p>b`), the parser's tree and Pagefind's could differ, so the page goes whole.
 */
export function pagefindInput(html: string): PagefindInput {
  const { trimmed, body } = trim(html);
  const content = /<html[^>]*\blang="zh/i.test(trimmed) ? withBigramBlocks(trimmed) : trimmed;
  return { content, body };
}

/** What Pagefind is handed for a page, and whether the page has a `data-pagefind-body` element. */
export interface PagefindInput {
  content: string;
  body: boolean;
}

/** The page without the elements outside its indexed body that Pagefind cannot read (see above). */
export function withoutUnreadParts(html: string): string {
  return trim(html).trimmed;
}

function trim(html: string): { trimmed: string; body: boolean } {
  if (!html.includes('data-pagefind-body')) return { trimmed: html, body: false };
  const document = parse(html) as HtmlNode;
  // Without a body element Pagefind reads the whole page (or leaves it out): it goes whole.
  if (!hasBody(document)) return { trimmed: html, body: false };
  if (!wellFormed(document, html)) return { trimmed: html, body: true };
  const removed: Array<{ start: number; end: number }> = [];
  const visit = (node: HtmlNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== ELEMENT_NODE) continue;
      if (hasBody(child)) {
        if (!('data-pagefind-body' in (child.attributes ?? {}))) visit(child);
      } else if (!readsSomething(child)) {
        removed.push({ start: child.loc[0].start, end: (child.loc[1] ?? child.loc[0]).end });
      } else if (!keptWhole(child)) {
        visit(child);
      }
    }
  };
  visit(document);
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of removed) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return { trimmed: parts.join(''), body: true };
}

interface HtmlNode {
  type: number;
  name?: string;
  attributes?: Record<string, string>;
  children?: HtmlNode[];
  loc: [{ start: number; end: number }, { start: number; end: number }?];
}

/** Elements that never have an end tag. */
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements Pagefind reads outside the body as a whole (titles, the fallback image). */
const readWhole = new Set(['h1', 'title', 'img']);

/** Whether an element is one Pagefind reads (or may read) as a whole outside the body. */
function keptWhole(node: HtmlNode): boolean {
  const attributes = node.attributes ?? {};
  if (readWhole.has(node.name ?? '')) return true;
  if (
    Object.keys(attributes).some(
      (name) => /^data-pagefind-/i.test(name) && !/^data-pagefind-ignore$/i.test(name),
    )
  )
    return true;
  const address =
    node.name === 'script'
      ? attributes['src']
      : node.name === 'link'
        ? attributes['href']
        : undefined;
  return address !== undefined && address.includes('_pagefind');
}

/** Whether an element or anything in it is read by Pagefind (see `keptWhole`). */
function readsSomething(node: HtmlNode): boolean {
  if (node.type !== ELEMENT_NODE) return (node.children ?? []).some(readsSomething);
  return keptWhole(node) || (node.children ?? []).some(readsSomething);
}

function hasBody(node: HtmlNode): boolean {
  if (node.type === ELEMENT_NODE && 'data-pagefind-body' in (node.attributes ?? {})) return true;
  return (node.children ?? []).some(hasBody);
}

/**
 * Whether every element has its own end tag (`</name>`), is a void element, or closes itself
 * (`<path/>`): then the parser's subtrees are the page's.
 */
function wellFormed(node: HtmlNode, html: string): boolean {
  if (node.type === ELEMENT_NODE) {
    const [open, close] = node.loc;
    const name = node.name ?? '';
    const closed =
      close === undefined
        ? false
        : close.start === open.start
          ? voidElements.has(name.toLowerCase()) || html.slice(open.start, open.end).endsWith('/>')
          : html.slice(close.start, close.end).toLowerCase() === `</${name.toLowerCase()}>`;
    if (!closed) return false;
  }
  return (node.children ?? []).every((child) => wellFormed(child, html));
}
