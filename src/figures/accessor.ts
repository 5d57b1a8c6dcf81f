// The figures of the published years, by year: what pages, components, endpoints, the PDF edition and
// the share cards read. Each year is computed once per build (./compute.ts keeps one result per
// figures file, and the content rules get that same result), never again by a caller.
import { loadSite } from '../data/site';
import { yearFigures, type YearFigures } from './compute';

/** The computed figures of a published report year; a clear error when the year has no figures file. */
export async function figuresFor(year: number): Promise<YearFigures> {
  const site = await loadSite();
  const entry = site.metrics.find((metrics) => metrics.data.year === year);
  if (!entry) {
    throw new Error(
      `There is no src/content/metrics/${year}.yaml, but a page needs the ${year} figures. ` +
        `Add it (see docs/editing.en.md). ` +
        `缺少 src/content/metrics/${year}.yaml，但有页面要用 ${year} 年的数字。请添加这个文件（见 docs/editing.zh-CN.md）。`,
    );
  }
  return yearFigures(entry.data);
}

/** The computed figures of every published year with a figures file, oldest first. */
export async function allYearFigures(): Promise<YearFigures[]> {
  const site = await loadSite();
  return site.metrics.map((entry) => yearFigures(entry.data)).sort((a, b) => a.year - b.year);
}
