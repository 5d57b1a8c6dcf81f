/**
 * The search page's status line: "3 results for “…”", from the dictionaries' templates. Runs in
 * the browser (src/search/browser-search.ts).
 */

/** The templates the page hands to the browser: `{query}` and `{count}` are filled here. */
export interface StatusTemplates {
  none: string;
  /** One template per plural category the locale uses (`one`, `other` for English; `other` for Chinese). */
  count: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

/**
 * The status line after a search: the query exactly as typed (a replacer function, so `$&` or `$'`
 * in a query are not read as replacement patterns) and the count in the locale's plural form.
 */
export function resultStatus(
  templates: StatusTemplates,
  query: string,
  count: number,
  lang: string,
): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template =
    count === 0 ? templates.none : (templates.count[category] ?? templates.count.other);
  const values: Record<string, string> = { query, count: count.toLocaleString(lang) };
  return template.replace(
    /\{(query|count)\}/g,
    (placeholder, name: string) => values[name] ?? placeholder,
  );
}
