/**
 * What the MDX components of one text need from the rest of the site, prepared with the route's data
 * (src/routes/mdx-context.ts) and handed to each component as its `context` prop: plain data, so a
 * text of any year renders the same wherever it is shown, and a page's props say all it shows.
 */
export interface MdxContext {
  /** The report year whose figures a `<Metric>` without `year=` shows; none on a page of no year. */
  figureYear?: number | undefined;
  /**
   * The year `<UnitLink>` and `<Highlight>` link into, with the names of its units by file name;
   * without it (a unit's history, which spans years) `<UnitLink>` links to the unit's history.
   */
  unitYear?: { year: number; units: Record<string, string> } | undefined;
  /** Every figure the text may quote, by year and `<Metric>` id, as written in the page's language. */
  figures: Record<string, Record<string, MetricText>>;
  /** The title of each report the text quotes (`<ReportQuote year=…>`), by year. */
  reportTitles: Record<string, string>;
  /** The content files (project-relative) rendered, so a rendering error names its file and line. */
  contentFiles: string[];
}

/** A figure as `<Metric>` writes it: `value` exact (empty when not reported), `text` and `bare` shown. */
export interface MetricText {
  value: string;
  text: string;
  /** Without the % sign (`<Metric … bare />`). */
  bare: string;
}
