import { loadSite } from '../data/site';
import { metricTable, yearFigures, type MetricValue, type YearFigures } from './compute';

const years = new Map<number, Promise<YearFigures>>();
const tables = new Map<number, Promise<Record<string, MetricValue>>>();

/** The computed figures of a report year, once per build; a clear error when the year has no figures file. */
export function figuresFor(year: number): Promise<YearFigures> {
  let figures = years.get(year);
  if (!figures) {
    figures = loadSite().then((site) => {
      const entry = site.metrics.find((metrics) => metrics.data.year === year);
      if (!entry) {
        throw new Error(
          `There is no src/content/metrics/${year}.yaml, but a page needs the ${year} figures. ` +
            `Add it (see docs/editing.en.md). ` +
            `缺少 src/content/metrics/${year}.yaml，但有页面要用 ${year} 年的数字。请添加这个文件（见 docs/editing.zh-CN.md）。`,
        );
      }
      return yearFigures(entry.data);
    });
    years.set(year, figures);
  }
  return figures;
}

/** Every quotable figure of a year, by `<Metric>` id: computed once per build, not per `<Metric>`. */
export function metricsFor(year: number): Promise<Record<string, MetricValue>> {
  let table = tables.get(year);
  if (!table) {
    table = figuresFor(year).then(metricTable);
    tables.set(year, table);
  }
  return table;
}

/** The computed figures of every year that has a figures file, oldest first (for comparison across years). */
export async function allYearFigures(): Promise<YearFigures[]> {
  const site = await loadSite();
  const years = [...new Set(site.metrics.map((entry) => entry.data.year))].sort((a, b) => a - b);
  return Promise.all(years.map(figuresFor));
}
