// What the site layout shows around every page (header year, footer credit, year switcher, share
// card), prepared with the page's own data, so the layout and its parts load nothing themselves.
import { latestYear, loadSite, reportYears } from '../data/site';
import { reportOf } from '../data/years';
import type { Locale } from '../i18n/locales';
import { shareImageFor, type ShareImage } from './share-cards';
import { yearLinks, type YearLink, type YearPage } from '../utils/year-links';

/** The report a page credits (footer, `author` metadata): its year's, else the newest. */
export interface ReportCredit {
  title: string;
  author: string;
  authorRole: string;
}

export interface PageChrome {
  /** The year the header's year-bound links go to: the page's own report year, else the newest. */
  year: number;
  credit: ReportCredit | undefined;
  /** The year switcher's links; empty on a page of no year. */
  yearLinks: YearLink[];
  /** The page's share card (site path without the base, alt and size), unless it has its own picture. */
  shareCard: ShareImage | undefined;
}

export interface ChromeOptions {
  /**
   * The report year the page belongs to, if any: the header's links stay in it, the footer and
   * metadata credit its report, and the year switcher shows (when the site has two or more years).
   */
  year?: number | undefined;
  /** What kind of page this is and the years that have one (src/utils/year-links.ts). */
  yearPage?: YearPage | undefined;
  /** The page brings its own picture for link previews (a photo's page): no share card. */
  ownImage?: boolean;
}

/**
 * The chrome of the page at `sitePath` (without the base, with the locale prefix: `/en/2007/`) in a
 * locale; its share card is chosen by its path (src/routes/share-cards.ts).
 */
export async function pageChrome(
  locale: Locale,
  sitePath: string,
  options: ChromeOptions = {},
): Promise<PageChrome> {
  const { year, yearPage, ownImage = false } = options;
  const site = await loadSite();
  const years = reportYears(site);
  const shownYear = year ?? latestYear(site);
  const credited = await reportOf(shownYear, locale);
  return {
    year: shownYear,
    credit: credited && {
      title: credited.data.title,
      author: credited.data.author,
      authorRole: credited.data.authorRole,
    },
    yearLinks:
      year === undefined ? [] : yearLinks(yearPage ?? { kind: 'report', years }, year, years),
    shareCard: ownImage ? undefined : await shareImageFor(sitePath, locale),
  };
}
