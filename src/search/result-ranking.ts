/**
 * What the search page does with Pagefind's results: keeps the ones that contain the query's
 * phrases literally and re-ranks them, picks the section a result should land on and cuts the
 * highlighted excerpt readers see. Runs in the browser (src/search/browser-search.ts).
 */
import { joinHan, stripTokens } from './bigram-tokens';

/**
 * A pattern matching any of the phrases, case-insensitively as Pagefind matches words (Han has no
 * case), longest first so a longer phrase is marked whole.
 */
function phrasePattern(phrases: string[]): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(alternatives.join('|'), 'giu');
}

/** How often each phrase occurs in a text (case aside); 0 for a phrase that does not occur. */
export function phraseCounts(text: string, phrases: string[]): number[] {
  const joined = joinHan(text);
  return phrases.map((phrase) =>
    phrase ? [...joined.matchAll(phrasePattern([phrase]))].length : 0,
  );
}

export interface Candidate {
  /** Pagefind's score (higher is better) and the result's text with tokens stripped. */
  score: number;
  text: string;
  /** The page's title, which counts more than its body. */
  title: string;
}

/**
 * Orders candidates for a query's phrases: only candidates that contain every phrase literally are
 * kept (an out-of-order query such as 员组 has all its characters on a page, but is not a hit); a
 * title that is the query itself counts most (the glossary entry 班组 for 班组), then a phrase in
 * the title, then how often the phrases occur, then Pagefind's own score.
 * Without phrases (English, single characters) Pagefind's order is kept.
 */
export function rankByPhrases<T extends Candidate>(candidates: T[], phrases: string[]): T[] {
  if (phrases.length === 0) return [...candidates];
  const scored = candidates
    .map((candidate, order) => {
      const counts = phraseCounts(candidate.text, phrases);
      const inTitle = phraseCounts(candidate.title, phrases).filter((count) => count > 0).length;
      // Titles of glossary entries read “term · counterpart”: the name is the part before the dot.
      const exact = candidate.title.split(' · ')[0]?.trim() === phrases.join('') ? 1 : 0;
      return { candidate, order, counts, inTitle, exact };
    })
    .filter(({ counts }) => counts.every((count) => count > 0));
  // Diminishing returns on repetition, so a long page does not bury a short, focused one.
  const weight = ({ counts, inTitle, exact, candidate }: (typeof scored)[number]) =>
    exact * 100 +
    inTitle * 10 +
    counts.reduce((sum, count) => sum + Math.log2(1 + count), 0) +
    candidate.score;
  return scored
    .sort((a, b) => weight(b) - weight(a) || a.order - b.order)
    .map(({ candidate }) => candidate);
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * A highlighted excerpt of plain text around the first occurrence of any phrase at or after `from`
 * (a section's start): `radius` characters before, twice that after, cut with an ellipsis, every
 * phrase occurrence marked. `from` is an offset in the text with spaces between Han characters removed.
 */
export function excerptAround(
  text: string,
  phrases: string[],
  radius = 40,
  from = 0,
): ExcerptPart[] {
  const joined = joinHan(text).replace(/\s+/g, ' ').trim();
  const wanted = phrases.filter(Boolean);
  const firstFrom = (offset: number) => {
    if (wanted.length === 0) return Infinity;
    const pattern = phrasePattern(wanted);
    pattern.lastIndex = offset;
    return pattern.exec(joined)?.index ?? Infinity;
  };
  // The first occurrence in the section, else the first anywhere.
  const inSection = firstFrom(Math.min(from, joined.length));
  const first = Number.isFinite(inSection) ? inSection : firstFrom(0);
  const centre = Number.isFinite(first) ? first : 0;
  const start = Math.max(0, centre - radius);
  const end = Math.min(joined.length, centre + radius * 2);
  const window = `${start > 0 ? '…' : ''}${joined.slice(start, end)}${end < joined.length ? '…' : ''}`;
  if (wanted.length === 0) return [{ text: window, marked: false }];
  const parts: ExcerptPart[] = [];
  let last = 0;
  for (const match of window.matchAll(phrasePattern(wanted))) {
    const at = match.index;
    if (at > last) parts.push({ text: window.slice(last, at), marked: false });
    parts.push({ text: match[0], marked: true });
    last = at + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), marked: false });
  return parts;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
  apos: "'",
};

/** Pagefind's excerpt (escaped text with `<mark>` around matches) as parts, tokens stripped. */
export function parseExcerpt(html: string): ExcerptPart[] {
  const decode = (text: string) =>
    text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, name: string) => entities[name] ?? '');
  return html
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((piece) => {
      const marked = piece.startsWith('<mark>');
      return { text: decode(stripTokens(marked ? piece.slice(6, -7) : piece)), marked };
    })
    .filter((part) => part.text.length > 0);
}

export interface Anchor {
  id: string;
  /** Position (Pagefind word index) of the anchored element in the page. */
  location: number;
  /** The element's text for headings; empty for other elements. */
  text: string;
}

export interface WeightedLocation {
  location: number;
  /** Pagefind's weight of the word: 7 in the page title (h1), 1 in body text. */
  weight: number;
}

/**
 * The anchor a result should link to: the section whose matched words weigh most, where a section
 * runs from an element with an id (a heading, or a unit's paragraph such as `unit-hotel`) to the
 * next one, so the most specific enclosing anchor wins. The top of the page (its title) is a
 * section too: when it wins, the result links to the page itself (no anchor). Ties go to the
 * earlier section.
 */
export function landingAnchor(
  anchors: Anchor[],
  locations: WeightedLocation[],
): Anchor | undefined {
  const ordered = [...anchors].sort((a, b) => a.location - b.location);
  const weights = new Map<Anchor | undefined, number>();
  for (const { location, weight } of locations) {
    const enclosing = ordered.filter((anchor) => anchor.location <= location).at(-1);
    weights.set(enclosing, (weights.get(enclosing) ?? 0) + weight);
  }
  let best: Anchor | undefined;
  let bestWeight = weights.get(undefined) ?? 0;
  for (const anchor of ordered) {
    const weight = weights.get(anchor) ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [anchor, weight];
  }
  return best;
}

/**
 * Where an anchor's section starts in a page's plain text: found by walking the headings' texts in
 * order up to the anchor (other anchors have no text, so their section starts at the heading before).
 */
export function sectionStart(text: string, anchors: Anchor[], target: Anchor | undefined): number {
  if (!target) return 0;
  let offset = 0;
  for (const anchor of [...anchors].sort((a, b) => a.location - b.location)) {
    if (anchor.location > target.location) break;
    const at = anchor.text ? text.indexOf(anchor.text, offset) : -1;
    if (at >= 0) offset = at;
  }
  return offset;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A result's content as readers see it: tokens stripped, spaces between Han characters and runs of spaces removed. */
export function plainText(content: string): string {
  return joinHan(stripTokens(content)).replace(/\s+/g, ' ').trim();
}
