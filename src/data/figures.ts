import { loadSite } from './site';
import { metricTable, yearFigures, type MetricId, type MetricValue, type YearFigures } from '../utils/metrics';

const tables = new Map<number, Promise<Record<MetricId, MetricValue>>>();

/** The computed figures of a report year; a clear error when the year has no metrics file. */
export async function figuresFor(year: number): Promise<YearFigures> {
  const entry = (await loadSite()).metrics.find((metrics) => metrics.data.year === year);
  if (!entry) throw new Error(`There is no src/content/metrics/${year}.yaml, but a page needs the ${year} figures. Add it.`);
  return yearFigures(entry.data);
}

/** Every quotable figure of a year, by `<Metric>` id: computed once per build, not per `<Metric>`. */
export function metricsFor(year: number): Promise<Record<MetricId, MetricValue>> {
  let table = tables.get(year);
  if (!table) {
    table = figuresFor(year).then(metricTable);
    tables.set(year, table);
  }
  return table;
}
