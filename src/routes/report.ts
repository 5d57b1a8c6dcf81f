// A year's report (`/2007/`) and its print edition (`/2007/print/`): what each shows, prepared once
// per route from the content, so the pages only lay it out.
import { render } from 'astro:content';
import type { MdxContext } from './mdx-context-types';
import { allYearFigures, figuresFor } from '../figures/accessor';
import { photoYears } from '../data/gallery';
import { inLocale, loadSite, slugOf, type Photo, type Report } from '../data/site';
import { sortUnits, unitsOfYear } from '../data/units';
import { htmlLang, otherLocale, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import type { ReportData } from '../schemas/report';
import type { TimelineData } from '../schemas/timeline';
import { pick, termIn } from '../utils/bilingual';
import { localizePath, sitePaths } from '../utils/paths';
import { highlightOrder, tableOfContents, type TocItem } from '../model/report-outline';
import { pageChrome, type PageChrome } from './chrome';
import { keyFigureViews, yearChartViews, type ChartView, type KeyFigureView } from './figure-views';
import { mdxBody, mdxContext, type MdxBody } from './mdx-context';
import { perLocaleRoutes } from './per-locale';

/** What a report's page and its print edition show of its frontmatter. */
export interface ReportHeader {
  year: number;
  title: string;
  slogan: string;
  summary: string;
  author: string;
  authorRole: string;
  publisher: string;
  provenance: ReportData['provenance'];
}

/** A year's timeline with the figures it quotes. */
export interface TimelineView {
  timeline: TimelineData;
  context: MdxContext;
}

/** A year's figures: its key-figure cards (if it declares any) and its charts. */
export interface YearFiguresView {
  year: number;
  cards: KeyFigureView[];
  charts: ChartView[];
}

export interface ReportView {
  chrome: PageChrome;
  report: ReportHeader;
  body: MdxBody;
  mdx: MdxContext;
  toc: TocItem[];
  timeline: TimelineView | undefined;
  figures: YearFiguresView;
}

function headerOf(data: ReportData): ReportHeader {
  const { year, title, slogan, summary, author, authorRole, publisher, provenance } = data;
  return { year, title, slogan, summary, author, authorRole, publisher, provenance };
}

/** The year's published timeline, if it has one, with the figures it quotes. */
async function timelineOf(year: number, locale: Locale): Promise<TimelineView | undefined> {
  const entry = (await loadSite()).timelines.find((timeline) => timeline.data.year === year);
  if (!entry) return undefined;
  return {
    timeline: entry.data,
    context: await mdxContext(locale, { texts: [], files: [entry.filePath], figureYear: year }),
  };
}

/** A year's key-figure cards and charts in a locale; a clear error when it has no figures file. */
async function figuresView(year: number, locale: Locale): Promise<YearFiguresView> {
  const figures = await figuresFor(year);
  return {
    year,
    cards: keyFigureViews(figures, await allYearFigures(), locale),
    charts: yearChartViews(figures, locale),
  };
}

/** {@link figuresView}, or undefined when the year has no figures file (home, `/years/`). */
export async function yearFiguresView(
  year: number,
  locale: Locale,
): Promise<YearFiguresView | undefined> {
  const site = await loadSite();
  if (!site.metrics.some((entry) => entry.data.year === year)) return undefined;
  return figuresView(year, locale);
}

/** The MDX context of a year's report: its figures, its units, its files. */
function reportContext(report: Report, locale: Locale): Promise<MdxContext> {
  const { year } = report.data;
  return mdxContext(locale, {
    texts: [report.body],
    files: [report.filePath],
    figureYear: year,
    unitYear: year,
  });
}

async function reportView(report: Report, locale: Locale): Promise<ReportView> {
  const t = useTranslations(locale);
  const { year } = report.data;
  const { headings } = await render(report);
  const timeline = await timelineOf(year, locale);
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.report(year), locale), { year }),
    report: headerOf(report.data),
    body: mdxBody('reports', report),
    mdx: await reportContext(report, locale),
    // The timeline and charts follow the report text; the contents list them too.
    toc: [
      ...tableOfContents(headings),
      ...(timeline
        ? [{ depth: 2, slug: 'timeline', text: t('timeline.title'), children: [] }]
        : []),
      { depth: 2, slug: 'figures', text: t('figures.title'), children: [] },
    ],
    timeline,
    // A published year without a figures file fails here, naming the file to add.
    figures: await figuresView(year, locale),
  };
}

/** One route per report year and locale, its props made by `view` (the report page, the print edition). */
async function perReportRoutes<View extends object>(
  view: (report: Report, locale: Locale) => Promise<View>,
) {
  const site = await loadSite();
  return perLocaleRoutes(async (locale) =>
    Promise.all(
      [...inLocale(site.reports, locale).values()].map(async (report) => ({
        params: { year: slugOf(report) },
        props: await view(report, locale),
      })),
    ),
  );
}

/** `getStaticPaths()` of the report pages: one per report year and locale. */
export const reportRoutes = () => perReportRoutes(reportView);

/** A highlighted unit in the print edition: its text and the practices it is known for. */
export interface PrintUnit {
  slug: string;
  name: string;
  body: MdxBody;
  practices: string[];
}

/** A glossary term as the print edition's appendix lists it. */
export interface PrintTerm {
  name: string;
  counterpart: string;
  explanation: string;
  items: string;
}

export interface PrintView {
  report: ReportHeader;
  body: MdxBody;
  mdx: MdxContext;
  contents: Array<{ slug: string; text: string }>;
  timeline: TimelineView | undefined;
  figures: YearFiguresView;
  /** The year's photos chosen for the PDF edition (`featured: true`), in the spread's order. */
  photos: Photo[];
  units: PrintUnit[];
  /** The units' MDX context: the year's figures and units. */
  unitsMdx: MdxContext;
  glossary: PrintTerm[];
  /** The `lang` of the other language (the glossary's counterparts). */
  otherLang: string;
}

async function printView(report: Report, locale: Locale): Promise<PrintView> {
  const t = useTranslations(locale);
  const site = await loadSite();
  const { year } = report.data;
  const { headings } = await render(report);
  const timeline = await timelineOf(year, locale);
  const terms = new Map(site.glossary.map((term) => [term.id, term]));
  const units = sortUnits(
    [...unitsOfYear(site, locale, year).values()].filter((unit) => unit.data.highlighted),
    highlightOrder(report.body ?? ''),
    locale,
  );
  const collator = new Intl.Collator(htmlLang[locale]);
  const glossary = site.glossary
    .map((term) => ({ term: term.data, shown: termIn(term.data, locale) }))
    .sort((a, b) => collator.compare(a.shown.name, b.shown.name))
    .map(({ term, shown }) => ({
      ...shown,
      items: term.items.map((item) => pick(item, locale).shown).join(t('list.separator')),
    }));
  const yearOfPhoto = photoYears(site);
  const photos = site.photos
    .filter((photo) => photo.data.featured && yearOfPhoto(photo) === year)
    .sort((a, b) => a.data.order - b.data.order);
  return {
    report: headerOf(report.data),
    body: mdxBody('reports', report),
    mdx: await reportContext(report, locale),
    // The contents: the report's sections, then the parts that follow it.
    contents: [
      ...headings.filter((h) => h.depth === 2).map((h) => ({ slug: h.slug, text: h.text })),
      ...(timeline ? [{ slug: 'timeline', text: t('timeline.title') }] : []),
      { slug: 'figures', text: t('figures.title') },
      ...(photos.length > 0 ? [{ slug: 'print-photos', text: t('print.photos') }] : []),
      { slug: 'print-units', text: t('units.title') },
      { slug: 'print-glossary', text: `${t('print.appendix')} ${t('glossary.title')}` },
    ],
    timeline,
    figures: await figuresView(year, locale),
    photos,
    units: units.map((unit) => ({
      slug: slugOf(unit),
      name: unit.data.name,
      body: mdxBody('units', unit),
      practices: unit.data.practices
        .map((ref) => terms.get(ref.id))
        .filter((term) => term !== undefined)
        .map((term) => termIn(term.data, locale).name),
    })),
    unitsMdx: await mdxContext(locale, {
      texts: units.map((unit) => unit.body),
      files: units.map((unit) => unit.filePath),
      figureYear: year,
      unitYear: year,
    }),
    glossary,
    otherLang: htmlLang[otherLocale(locale)],
  };
}

/** `getStaticPaths()` of the print editions: one per report year and locale. */
export const printRoutes = () => perReportRoutes(printView);
