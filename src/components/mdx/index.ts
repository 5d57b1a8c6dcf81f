// The MDX components editors may use, defined once, each collection's set named in ./names.ts
// (the content model's allow-list, src/model/mdx-allowlist.ts, lists the props each takes). Pages
// render content with `<Content components={mdxComponents('reports', context)} />`: each component
// gets the text's context (its year, figures, units) as a prop, through Astro's JSX runtime, so
// several years' texts can share a page without any page-wide state.
import { jsx } from 'astro/jsx-runtime';
import type { MdxContext } from '../../routes/mdx-context-types';
import Highlight from './Highlight.astro';
import Metric from './Metric.astro';
import ReportQuote from './ReportQuote.astro';
import UnitLink from './UnitLink.astro';
import { mdxComponentNames, type MdxCollection } from './names';

export { mdxComponentNames, type MdxCollection };
export type { MdxContext, MetricText } from '../../routes/mdx-context-types';

const all = { Highlight, Metric, ReportQuote, UnitLink };

type ComponentName = keyof typeof all;
type MdxComponent = (props: Record<string, unknown>) => unknown;

/** The MDX components of a collection's texts, each given `context` as a prop. */
export function mdxComponents(
  collection: MdxCollection,
  context: MdxContext,
): Record<(typeof mdxComponentNames)[MdxCollection][number], MdxComponent> {
  const names: ReadonlyArray<ComponentName> = mdxComponentNames[collection];
  return Object.fromEntries(
    names.map((name) => [
      name,
      (props: Record<string, unknown>) => jsx(all[name], { ...props, context }),
    ]),
  ) as Record<(typeof mdxComponentNames)[MdxCollection][number], MdxComponent>;
}
