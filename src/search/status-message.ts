/**
 * What the search page says: the status line ("3 results for “…”"), the "more results" button and
 * the year labels, from the dictionaries' templates. Runs in the browser (src/search/browser-search.ts).
 */

/** One template per plural category the locale uses (`one`, `other` for English; `other` for Chinese). */
export type PluralTemplates = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The templates the page hands to the browser: `{query}`, `{count}` and `{shown}` are filled here. */
export interface StatusTemplates {
  none: string;
  count: PluralTemplates;
  /** Said after the count when only the first results are shown (`{shown}`). */
  shown: string;
  /** Between the count and what is shown (a space in English, nothing in Chinese). */
  separator: string;
}

/**
 * Fills `{name}` placeholders with a replacer function, so `$&` or `$'` in a query are not read as
 * replacement patterns; an unknown placeholder is left as it is.
 */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** The template for a count in the locale's plural form (Intl.PluralRules). */
export function pluralTemplate(templates: PluralTemplates, count: number, lang: string): string {
  return templates[new Intl.PluralRules(lang).select(count)] ?? templates.other;
}

/**
 * The status line after a search: the query exactly as typed and the true number of results in the
 * locale's plural form; when fewer are shown, how many are.
 */
export function resultStatus(
  templates: StatusTemplates,
  query: string,
  count: number,
  lang: string,
  shown = count,
): string {
  if (count === 0) return fill(templates.none, { query });
  const line = fill(pluralTemplate(templates.count, count, lang), {
    query,
    count: count.toLocaleString(lang),
  });
  if (shown >= count) return line;
  return `${line}${templates.separator}${fill(templates.shown, { shown: shown.toLocaleString(lang) })}`;
}

/** The "more results" button: how many results it adds, in the plural form. */
export function moreLabel(templates: PluralTemplates, count: number, lang: string): string {
  return fill(pluralTemplate(templates, count, lang), { count: count.toLocaleString(lang) });
}

/** A year as the page says it (`2008年`, `2008`); nothing for a result without a year. */
export function yearLabel(template: string, year: string | undefined): string {
  return year ? fill(template, { year }) : '';
}

/** A year filter option: the year and how many results it has (`2008年（3）`, `2008 (3)`). */
export function yearOptionLabel(
  template: string,
  year: string,
  count: number,
  lang: string,
): string {
  return fill(template, { year, count: count.toLocaleString(lang) });
}
