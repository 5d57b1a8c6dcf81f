/**
 * The MDX components each content collection's pages provide, by name: what an editor may write in
 * that collection's MDX. Plain names (no components imported), so the content check can read them.
 */
export const mdxComponentNames = {
  reports: ['Highlight', 'Metric', 'UnitLink'],
  units: ['Metric', 'ReportQuote', 'UnitLink'],
} as const;

/** The collections whose entries are MDX. */
export type MdxCollection = keyof typeof mdxComponentNames;
