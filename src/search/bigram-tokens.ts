/**
 * Substring search for Chinese on top of Pagefind.
 *
 * Pagefind segments Chinese into words when indexing and matches a query word only as a word or a
 * word's prefix, so a run of characters that straddles a segmenter's word boundary (组员轮值,
 * 常整顿) can miss its page (Pagefind issue #987). Readers expect any run of two or more Han
 * characters to be found. So every pair of adjacent Han characters in the indexed text is also
 * indexed as one ASCII token (a "bigram token"), and a query's Han runs are rewritten into the
 * tokens of their pairs: a page has every pair of a query exactly when the query could occur in it.
 * The results are then checked for the literal run (pairs can occur apart) and re-ranked
 * (src/search/result-ranking.ts).
 *
 * The tokens share the index with the page's real words, so a reader's ASCII word that could be the
 * start of a token (`z`, `zz`, `ZZ0`) would find pages only through their hidden tokens, and
 * show them as blank results. Such words are kept as literal phrases too: a result must show them.
 *
 * These functions run both at build time (indexing) and in the browser (querying).
 */

/** One Han character (CJK ideographs of every block, including the compatibility ones). */
const hanCharacter = /\p{Script=Han}/u;
/** Runs of Han characters, ignoring the spaces a segmenter may have put between them. */
const hanRun = /\p{Script=Han}(?:\s*\p{Script=Han})*/gu;

/**
 * Tokens are `zz` + two 5-digit hex code points: lowercase ASCII letters and digits, which every
 * tokenizer keeps whole.
 */
const tokenPattern = /\bzz[0-9a-f]{10}\b/;
/** A block of tokens as Pagefind gives it back: spaces before, and the full stop it puts after a block. */
const tokenBlock = new RegExp(`(?:\\s*${tokenPattern.source})+\\.?`, 'g');
/**
 * A query word Pagefind would match against tokens: it matches a query word as a prefix of an
 * indexed word, case-insensitively, and splits a word at anything but letters and digits.
 */
const tokenPrefix = /^z(?:z[0-9a-f]{0,10})?$/i;

export function isHan(character: string): boolean {
  return hanCharacter.test(character);
}

/** The runs of two or more Han characters in a text, spaces inside a run removed, in order. */
export function hanRuns(text: string): string[] {
  return [...text.matchAll(hanRun)]
    .map((match) => match[0].replace(/\s+/g, ''))
    .filter((run) => [...run].length >= 2);
}

/** The pairs of adjacent characters of a Han run: 组员轮值 → 组员, 员轮, 轮值. */
export function bigrams(run: string): string[] {
  const characters = [...run];
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

/** The index token of a pair of characters: 班组 → `zz073ed07ec4`. */
export function bigramToken(pair: string): string {
  const characters = [...pair];
  if (characters.length !== 2)
    throw new Error(`bigramToken() takes two characters, got "${pair}".`);
  return `zz${characters.map((character) => (character.codePointAt(0) ?? 0).toString(16).padStart(5, '0')).join('')}`;
}

/** Every distinct bigram token of a text's Han runs, in first-seen order. */
export function bigramTokens(text: string): string[] {
  return [...new Set(hanRuns(text).flatMap(bigrams).map(bigramToken))];
}

/** Removes bigram tokens (with the space before them and the full stop Pagefind adds) from indexed text. */
export function stripTokens(text: string): string {
  return text.replace(tokenBlock, '');
}

export interface RewrittenQuery {
  /** What to hand to Pagefind. */
  engineQuery: string;
  /**
   * What a result must contain literally (case aside): the Han runs of two or more characters, and
   * the words that could reach the hidden tokens (see `reachesTokens`).
   */
  phrases: string[];
}

/**
 * Rewrites a reader's query for the Chinese index: each Han run of two or more characters becomes the
 * tokens of its pairs; single Han characters and other words (figures, Latin words) stay as they are.
 * Queries for other locales pass through unchanged, so English keeps Pagefind's stemming (their
 * index has no tokens).
 */
export function rewriteQuery(query: string, lang: string): RewrittenQuery {
  const trimmed = query.trim();
  if (!lang.toLowerCase().startsWith('zh')) return { engineQuery: trimmed, phrases: [] };
  const phrases = hanRuns(trimmed);
  const rest = trimmed.replace(hanRun, (run) => (hanRuns(run).length > 0 ? ' ' : run));
  const tokens = [...new Set(phrases.flatMap(bigrams).map(bigramToken))];
  const words = rest.split(/\s+/).filter(Boolean);
  const engineQuery = [...tokens, ...words].join(' ');
  return { engineQuery, phrases: [...phrases, ...words.filter(reachesTokens)] };
}

/** Whether Pagefind could match a query word against the hidden bigram tokens (`zz`, `ZZ0`, `z-1`). */
export function reachesTokens(word: string): boolean {
  return word.split(/[^\p{L}\p{N}]+/u).some((part) => tokenPrefix.test(part));
}

/** Text with the spaces between Han characters removed, so a phrase can be found in segmented text. */
export function joinHan(text: string): string {
  return text.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}

/**
 * Whether Pagefind's matches for a rewritten query are exactly the pages that contain its phrases:
 * true when there are none, or when each is a single pair of Han characters (its one token is
 * found only where the pair is). Longer phrases need the literal check: a page can have all their
 * pairs, but not in order.
 */
export function tokensMatchLiterally(phrases: string[]): boolean {
  return phrases.every((phrase) => /^\p{Script=Han}{2}$/u.test(phrase));
}
