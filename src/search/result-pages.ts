/**
 * The search page's result list in pages and its year filter: which results the "more results"
 * button adds, and which years the filter offers with how many results each. Runs in the browser
 * (src/search/browser-search.ts).
 */

/** How many results the page shows at first, and adds with each "more results". */
export const pageSize = 20;

/** A run of results to show, `from` (inclusive) to `to` (exclusive). */
export interface PageSlice {
  from: number;
  to: number;
}

/** The results to add when `shown` of `total` are on the page: the next `size`, or what is left. */
export function nextPage(shown: number, total: number, size = pageSize): PageSlice {
  const from = Math.min(Math.max(0, shown), total);
  return { from, to: Math.min(total, from + size) };
}

/** How many results one more page would add (0 when everything is shown). */
export function moreCount(shown: number, total: number, size = pageSize): number {
  const { from, to } = nextPage(shown, total, size);
  return to - from;
}

/** How many results there are of each year; results without a year (glossary terms) are not counted. */
export function countByYear(years: Array<string | undefined>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const year of years) if (year) counts[year] = (counts[year] ?? 0) + 1;
  return counts;
}

/** One option of the year filter. */
export interface YearChoice {
  value: string;
  count: number;
}

/**
 * The year filter's options, newest first: every year the index knows (Pagefind's `filters()`,
 * with its count of pages), counted for the current query when there is one (`counts`, where a
 * missing year has no results), and the selected year even if unknown, so an address such as
 * `?year=2006` keeps showing what was asked for.
 */
export function yearChoices(
  known: Record<string, number>,
  counts: Record<string, number> | undefined,
  selected = '',
): YearChoice[] {
  const years = new Set([...Object.keys(known), ...Object.keys(counts ?? {})]);
  if (selected) years.add(selected);
  return [...years]
    .sort((a, b) => Number(b) - Number(a) || b.localeCompare(a))
    .map((value) => ({ value, count: (counts ?? known)[value] ?? 0 }));
}
