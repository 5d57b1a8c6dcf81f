import { isMetricId, metricIds, type MetricId } from './metrics';

/** A piece of text or a figure to insert: how `{metric:id}` placeholders split a data string. */
export type TextPart = { text: string } | { metric: MetricId };

/** Splits text with `{metric:id}` placeholders into parts; an unknown id is an error naming it. */
export function splitMetricPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{metric:([\w.]+)\}/g)) {
    const id = match[1] ?? '';
    if (!isMetricId(id)) throw new Error(`"{metric:${id}}" is not a known figure. Use one of: ${metricIds.join(', ')}.`);
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ metric: id });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
