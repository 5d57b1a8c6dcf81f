// The MDX component map of each collection, defined once: pages render content with
// `<Content components={mdxComponents.reports} />`. The names are in ./names.ts; `satisfies`
// keeps the map and the names the same.
import Highlight from '../Highlight.astro';
import Metric from '../Metric.astro';
import ReportQuote from '../ReportQuote.astro';
import UnitLink from '../UnitLink.astro';
import { mdxComponentNames, type MdxCollection } from './names';

export { mdxComponentNames, type MdxCollection };

export const mdxComponents = {
  reports: { Highlight, Metric, UnitLink },
  units: { Metric, ReportQuote, UnitLink },
} satisfies { [C in MdxCollection]: Record<(typeof mdxComponentNames)[C][number], unknown> };
