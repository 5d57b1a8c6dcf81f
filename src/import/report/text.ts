// Small text helpers shared by the readers and the structure: what counts as Chinese, how lines
// join, which marks are the page layout's rather than the author's.

/** Han characters and CJK punctuation: text that is written without spaces between its characters. */
const cjk =
  /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026\u2014]/;

export const isCjk = (char: string | undefined): boolean => char !== undefined && cjk.test(char);

/**
 * Joins two pieces of one paragraph that a line break separated: no space between Chinese
 * characters (or Chinese and a digit) or inside a number, one space between Latin words.
 */
export function joinLines(before: string, after: string): string {
  const left = before.replace(/[ \t\u00a0]+$/, '');
  const right = after.replace(/^[ \t\u00a0]+/, '');
  if (!left) return right;
  if (!right) return left;
  const last = left.at(-1);
  const first = right[0];
  // A number broken over two lines ("10" / "8个") is one number.
  const digits = /\d/.test(last ?? '') && /\d/.test(first ?? '');
  return isCjk(last) || isCjk(first) || digits ? left + right : `${left} ${right}`;
}

/**
 * Page-layout marks a PDF or magazine puts before captions and pointers (▲, arrows, and 茛 / 荩,
 * the OCR's reading of ◀ / ▶): not the author's words.
 */
export const layoutMarks = /^[\s\u3000]*[▲△▼▽►▶▷◀◁◄→←↑↓⇒⇐➤➢➔❖◆◇■□●○★☆☞☛茛荩]+[\s\u3000]*/;

/** Sentence-ending punctuation (Chinese and Latin). */
export const sentenceEnd = /[。！？；!?;…]["”’」』）)]*$/;

/** The visual width of a line: a Chinese character is one, a Latin character or digit half. */
export function visualWidth(line: string): number {
  let width = 0;
  for (const char of line) width += isCjk(char) ? 1 : 0.5;
  return width;
}

/** Decodes the entities mammoth writes in its HTML. */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? '';
  });
}
