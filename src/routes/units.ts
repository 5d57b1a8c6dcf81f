// The units' pages: a year's list (`/2007/units/`), a unit in a year (`/2007/units/hotel/`) and a
// unit's history across years (`/units/hotel/`), each prepared once per route from the content.
import { render } from 'astro:content';
import type { MdxContext } from './mdx-context-types';
import { photoYears } from '../data/gallery';
import { inLocale, loadSite, reportYears, slugOf, type Photo, type Unit } from '../data/site';
import { sortUnits, unitHistory, unitsOfYear, yearOfUnit } from '../data/units';
import type { Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { unitKindLabel } from '../schemas/unit-kinds';
import { termIn } from '../utils/bilingual';
import { href, localizePath, sitePaths, unitAnchor } from '../utils/paths';
import { highlightOrder } from '../model/report-outline';
import { slugsIn } from '../model/unit-years';
import { pageChrome, type PageChrome } from './chrome';
import { mdxBody, mdxContext, type MdxBody } from './mdx-context';
import { perLocaleRoutes } from './per-locale';

/** A link as a page shows it: its text and its address (base and locale included). */
export interface LinkView {
  text: string;
  href: string;
}

/** A glossary term a unit is known for. */
export interface PracticeView extends LinkView {
  explanation: string;
}

/** The practices of a unit entry, as links to the glossary. */
async function practicesOf(unit: Unit, locale: Locale): Promise<PracticeView[]> {
  const terms = new Map((await loadSite()).glossary.map((term) => [term.id, term]));
  return unit.data.practices.flatMap((ref) => {
    const term = terms.get(ref.id);
    if (!term) return [];
    const { name, explanation } = termIn(term.data, locale);
    return [{ text: name, href: href(sitePaths.term(term.id), locale), explanation }];
  });
}

/** A unit on its year's list. */
export interface UnitCardView {
  slug: string;
  name: string;
  kindLabel: string;
  practices: string[];
}

export interface UnitsView {
  chrome: PageChrome;
  year: number;
  /** Praised in the year's highlights, in the report's order. */
  praised: UnitCardView[];
  others: UnitCardView[];
}

/** `getStaticPaths()` of the units lists: one per report year and locale. */
export async function unitsRoutes() {
  const site = await loadSite();
  return perLocaleRoutes(async (locale) =>
    Promise.all(
      [...inLocale(site.reports, locale).values()].map(async (report) => {
        const { year } = report.data;
        const units = sortUnits(
          [...unitsOfYear(site, locale, year).values()],
          highlightOrder(report.body ?? ''),
          locale,
        );
        const card = async (unit: Unit): Promise<UnitCardView> => ({
          slug: slugOf(unit),
          name: unit.data.name,
          kindLabel: unitKindLabel(unit.data.kind, locale),
          practices: (await practicesOf(unit, locale)).map((practice) => practice.text),
        });
        const view: UnitsView = {
          chrome: await pageChrome(locale, localizePath(sitePaths.units(year), locale), {
            year,
            yearPage: { kind: 'units', years: reportYears(site) },
          }),
          year,
          praised: await Promise.all(units.filter((unit) => unit.data.highlighted).map(card)),
          others: await Promise.all(units.filter((unit) => !unit.data.highlighted).map(card)),
        };
        return { params: { year: String(year) }, props: view };
      }),
    ),
  );
}

export interface UnitView {
  chrome: PageChrome;
  year: number;
  slug: string;
  name: string;
  kindLabel: string;
  parent: LinkView | undefined;
  children: LinkView[];
  body: MdxBody;
  mdx: MdxContext;
  photos: Photo[];
  practices: PracticeView[];
  /** Its own awards, then its member units' (“… (of …)”). */
  awards: string[];
  /** The report sections that mention it, by heading. */
  sections: LinkView[];
  historyHref: string;
  listHref: string;
}

async function unitView(unit: Unit, locale: Locale): Promise<UnitView> {
  const t = useTranslations(locale);
  const site = await loadSite();
  const year = yearOfUnit(unit);
  const slug = slugOf(unit);
  const units = unitsOfYear(site, locale, year);
  const report = inLocale(site.reports, locale).get(String(year));
  // Every section is a heading of this report: the content model's `unit-sections` rule (src/model/rules.ts).
  const sectionTitles = new Map(
    report ? (await render(report)).headings.map((h) => [h.slug, h.text]) : [],
  );
  const parent = unit.data.parent ? units.get(unit.data.parent) : undefined;
  const children = [...units.values()].filter((other) => other.data.parent === slug);
  const unitLink = (other: Unit) => ({
    text: other.data.name,
    href: href(sitePaths.unit(year, slugOf(other)), locale),
  });
  const yearOfPhoto = photoYears(site);
  // The highlight paragraph has its own anchor; other mentions point at their section heading.
  const sectionHref = (section: string) =>
    href(
      sitePaths.reportSection(
        year,
        section === 'highlights' && unit.data.highlighted ? unitAnchor(slug) : section,
      ),
      locale,
    );
  // The year switcher lands on this unit's page of another year where it has one.
  const unitYears = unitHistory(site, locale, slug).map((entry) => entry.year);
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.unit(year, slug), locale), {
      year,
      yearPage: { kind: 'unit', slug, years: unitYears },
    }),
    year,
    slug,
    name: unit.data.name,
    kindLabel: unitKindLabel(unit.data.kind, locale),
    parent: parent && unitLink(parent),
    children: children.map(unitLink),
    body: mdxBody('units', unit),
    mdx: await mdxContext(locale, {
      texts: [unit.body],
      files: [unit.filePath],
      figureYear: year,
      unitYear: year,
    }),
    photos: site.photos.filter((photo) => photo.data.unit === slug && yearOfPhoto(photo) === year),
    practices: await practicesOf(unit, locale),
    awards: [
      ...unit.data.awards,
      ...children.flatMap((child) =>
        child.data.awards.map((award) => t('units.awardOf', { award, unit: child.data.name })),
      ),
    ],
    sections: unit.data.sections.map((section) => ({
      text: sectionTitles.get(section) ?? '',
      href: sectionHref(section),
    })),
    historyHref: href(sitePaths.unitHistory(slug), locale),
    listHref: href(sitePaths.units(year), locale),
  };
}

/** `getStaticPaths()` of the unit pages: one per unit file (src/content/units/<locale>/<year>/<slug>.mdx). */
export async function unitRoutes() {
  const site = await loadSite();
  return perLocaleRoutes(async (locale) =>
    Promise.all(
      site.units
        .filter((unit) => unit.id.startsWith(`${locale}/`))
        .map(async (unit) => ({
          params: { year: String(yearOfUnit(unit)), unit: slugOf(unit) },
          props: await unitView(unit, locale),
        })),
    ),
  );
}

/** One year of a unit's history. */
export interface UnitYearView {
  year: number;
  /** Its name that year. */
  name: string;
  highlighted: boolean;
  body: MdxBody;
  /** The year's figures for `<Metric>`; `<UnitLink>` links to histories (the page spans years). */
  mdx: MdxContext;
  practices: LinkView[];
  awards: string[];
  yearHref: string;
}

export interface UnitHistoryView {
  chrome: PageChrome;
  /** Its name in the newest year. */
  name: string;
  kindLabel: string;
  /** Newest first. */
  years: UnitYearView[];
}

async function unitHistoryView(slug: string, locale: Locale): Promise<UnitHistoryView> {
  const site = await loadSite();
  const history = unitHistory(site, locale, slug);
  const [latest] = history;
  if (!latest) throw new Error(`The unit "${slug}" has no year in ${locale}.`);
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.unitHistory(slug), locale)),
    name: latest.unit.data.name,
    kindLabel: unitKindLabel(latest.unit.data.kind, locale),
    years: await Promise.all(
      history.map(async ({ year, unit }) => ({
        year,
        name: unit.data.name,
        highlighted: unit.data.highlighted,
        body: mdxBody('units', unit),
        mdx: await mdxContext(locale, {
          texts: [unit.body],
          files: [unit.filePath],
          figureYear: year,
        }),
        practices: (await practicesOf(unit, locale)).map(({ text, href }) => ({ text, href })),
        awards: unit.data.awards,
        yearHref: href(sitePaths.unit(year, slug), locale),
      })),
    ),
  };
}

/** `getStaticPaths()` of the unit histories: one per unit and locale. */
export async function unitHistoryRoutes() {
  const site = await loadSite();
  return perLocaleRoutes(async (locale) =>
    Promise.all(
      slugsIn(site.units, locale).map(async (slug) => ({
        params: { unit: slug },
        props: await unitHistoryView(slug, locale),
      })),
    ),
  );
}
