// A page that shows several report years at once (a unit's history, /units/<unit>/) renders each
// year's unit file with that year's figures. Its components cannot take the year from the page
// (`Astro.locals.reportYear` is one value per page, and Astro renders sibling sections
// concurrently), so each year gets its own component map whose <Metric> carries `year` as a prop.
// Built with Astro's own runtime calls, the ones every compiled .astro component makes.
import { createComponent, renderComponent, renderTemplate } from 'astro/runtime/server/index.js';
import Metric from '../Metric.astro';
import { mdxComponents } from './index';

type Props = Record<string, unknown>;

/** The units' MDX components for one report year: `<Metric>` without `year=` takes this year. */
export function unitComponentsOfYear(year: number): typeof mdxComponents.units {
  const YearMetric = createComponent(
    (result: unknown, props: Props, slots: unknown) =>
      renderTemplate`${renderComponent(result as never, 'Metric', Metric, { year, ...props }, slots as never)}`,
  );
  return { ...mdxComponents.units, Metric: YearMetric as typeof Metric };
}
