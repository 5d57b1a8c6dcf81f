// The year switcher's links: from a page of one year to the same kind of page in every other year,
// or to that year's report where the year has no such page (a unit not named in it, say).
import { sitePaths } from './paths';

/** A kind of page that exists once per report year (at most), and what picks it out in a year. */
export type YearPageKind = { kind: 'report' } | { kind: 'units' } | { kind: 'unit'; slug: string };

/** A page of a kind, and the report years that have that kind of page. */
export type YearPage = YearPageKind & { years: readonly number[] };

/** The site path (no base, no locale) of a kind of page in a year. */
export function yearPagePath(page: YearPageKind, year: number): string {
  switch (page.kind) {
    case 'report':
      return sitePaths.report(year);
    case 'units':
      return sitePaths.units(year);
    case 'unit':
      return sitePaths.unit(year, page.slug);
  }
}

export interface YearLink {
  year: number;
  /** Site path, without base or locale prefix. */
  path: string;
  /** The year of the page being read. */
  current: boolean;
  /** False where that year has no such page and the link goes to its report instead. */
  sameKind: boolean;
}

/**
 * One link per report year, newest first, for a page of `page`'s kind in `year`: the same kind of
 * page in each year that has one (`page.years`), else that year's report.
 */
export function yearLinks(
  page: YearPage,
  year: number,
  reportYears: readonly number[],
): YearLink[] {
  if (!reportYears.includes(year)) {
    throw new Error(
      `A page of ${year} asked for the year switcher, but ${year} has no report ` +
        `(report years: ${reportYears.join(', ') || 'none'}). ` +
        `Pass a report year as the page's year in <BaseLayout year={…}>.`,
    );
  }
  const has = new Set([...page.years, year]);
  return [...new Set(reportYears)]
    .sort((a, b) => b - a)
    .map((linked) => {
      const sameKind = has.has(linked);
      return {
        year: linked,
        path: sameKind ? yearPagePath(page, linked) : sitePaths.report(linked),
        current: linked === year,
        sameKind,
      };
    });
}
