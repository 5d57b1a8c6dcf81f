// The context an MDX text renders in (src/routes/mdx-context-types.ts), prepared from the content:
// the figures of its year and of every year it names, the names of the units it links to, the
// titles of the reports it quotes.
import type { MdxContext, MetricText } from './mdx-context-types';
import { figuresFor } from '../figures/accessor';
import { inLocale, loadSite } from '../data/site';
import { unitsOfYear } from '../data/units';
import type { Locale } from '../i18n/locales';
import { metricTexts } from './figure-views';

/** An MDX entry to render: the page renders its body by id (the digest changes with its text). */
export interface MdxBody {
  collection: 'reports' | 'units';
  id: string;
  digest: string;
}

/** The body of an entry, by reference. */
export function mdxBody(
  collection: MdxBody['collection'],
  entry: { id: string; digest?: string | number | undefined },
): MdxBody {
  return { collection, id: entry.id, digest: String(entry.digest ?? '') };
}

/** The years a text names in its components (`<Metric year={2008} … />`, `<ReportQuote year={2007}>`). */
function yearsNamedIn(text: string): number[] {
  return [...text.matchAll(/\byear=\{\s*(\d{4})\s*\}/g)].map((match) => Number(match[1]));
}

/** The units a text names (`unit="hotel"`). */
function unitsNamedIn(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\bunit=["']([^"']+)["']/g)].map((match) => match[1] ?? '')),
  ];
}

interface TextOf {
  /** The MDX source of the texts rendered with this context. */
  texts: ReadonlyArray<string | undefined>;
  /** Their files (project-relative), for rendering errors. */
  files: ReadonlyArray<string | undefined>;
  /** The year whose figures a `<Metric>` without `year=` shows. */
  figureYear?: number | undefined;
  /** The year `<UnitLink>` and `<Highlight>` link into; none where the texts span years. */
  unitYear?: number | undefined;
}

/** The context of texts in a locale. */
export async function mdxContext(locale: Locale, of: TextOf): Promise<MdxContext> {
  const site = await loadSite();
  const text = of.texts.join('\n');
  const withFigures = new Set(site.metrics.map((entry) => entry.data.year));
  const named = [
    ...new Set([...(of.figureYear === undefined ? [] : [of.figureYear]), ...yearsNamedIn(text)]),
  ];
  const figures: Record<string, Record<string, MetricText>> = {};
  for (const year of named.filter((year) => withFigures.has(year)).sort()) {
    figures[year] = metricTexts(await figuresFor(year), locale);
  }
  const reports = inLocale(site.reports, locale);
  const reportTitles: Record<string, string> = {};
  for (const year of yearsNamedIn(text).sort()) {
    const report = reports.get(String(year));
    if (report) reportTitles[year] = report.data.title;
  }
  let unitYear: MdxContext['unitYear'];
  if (of.unitYear !== undefined) {
    const units = unitsOfYear(site, locale, of.unitYear);
    const names: Record<string, string> = {};
    for (const slug of unitsNamedIn(text).sort()) {
      const unit = units.get(slug);
      if (unit) names[slug] = unit.data.name;
    }
    unitYear = { year: of.unitYear, units: names };
  }
  return {
    figureYear: of.figureYear,
    unitYear,
    figures,
    reportTitles,
    contentFiles: of.files.filter((file): file is string => !!file),
  };
}
