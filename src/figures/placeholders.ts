import { placeholderPattern } from './rules';

/** A piece of text or a figure to insert: how `{metric:id}` placeholders split a data string. */
export type TextPart = { text: string } | { metric: string; bare: boolean };

/**
 * Splits text with `{metric:id}` (or `{metric:id:bare}`) placeholders into parts. Whether each id
 * is a figure of the year is checked against its figures file by the content check and the build.
 */
export function splitMetricPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(placeholderPattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ metric: match[1] ?? '', bare: match[2] === 'bare' });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
