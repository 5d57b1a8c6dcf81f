// Which share card a page gets, and what each card says: home and report pages get their year's
// card (title and three key figures, from the data), every other page the site's card. Photo pages
// pass their own photo instead (BaseLayout's `image`).
import { inLocale, latestYear, loadSite } from '../data/site';
import { figuresFor } from '../figures/accessor';
import { htmlLang, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/ui';
import { keyFigureCards } from '../figures/compute';

/** 1.91:1, the size Open Graph consumers (WeChat, Slack, X, Facebook…) crop least. */
export const shareCardSize = { width: 1200, height: 630 } as const;

export interface ShareCardContent {
  /** Small line at the top: the site's name. */
  site: string;
  /** Above the title: the year, e.g. “2007年度工作总结”. */
  kicker?: string;
  title: string;
  /** Two or three figures, each a value (“71”) and what it counts (“excellent teams”). */
  figures: Array<{ value: string; label: string }>;
  /** English text is set in Noto Sans first (Latin quotes and apostrophes), Chinese in Noto Sans SC. */
  latin?: boolean;
}

/** Site path of a share card: `/share/2007.zh-CN.png`, or `/share/site.en.png` for the site's own. */
export function shareCardPath(locale: Locale, year?: number): string {
  return `/share/${year ?? 'site'}.${htmlLang[locale]}.png`;
}

/** The report year whose card a page shows (home: the newest year; a report: its own), if any. */
export function cardYearOf(sitePath: string, newest: number): number | undefined {
  if (/^\/(en\/)?$/.test(sitePath)) return newest;
  const report = /^\/(?:en\/)?(\d{4})\/$/.exec(sitePath);
  return report ? Number(report[1]) : undefined;
}

/** The card of a report year in one language: its title and three key figures. */
export async function yearCard(
  year: number,
  locale: Locale,
): Promise<ShareCardContent & { alt: string }> {
  const t = useTranslations(locale);
  const report = inLocale((await loadSite()).reports, locale).get(String(year));
  if (!report)
    throw new Error(
      `No ${locale} report for ${year}: its share card needs src/content/reports/${locale}/${year}.mdx.`,
    );
  // The year's first three key-figure cards, as its figures file orders them (`cards:`).
  const declared = await figuresFor(year);
  const figures = keyFigureCards(declared, locale, t('figure.notReported'))
    .slice(0, 3)
    .map(({ value, label }) => ({ value, label }));
  const title = report.data.title;
  return {
    latin: locale === 'en',
    site: t('site.name'),
    kicker: t('home.kicker', { year: String(year) }),
    title,
    figures,
    alt:
      `${title}${t('share.altSeparator')}` +
      `${figures.map((figure) => `${figure.value} ${figure.label}`).join(t('list.separator'))}`,
  };
}

/** The site's own card in one language: its name and description. */
export function siteCard(locale: Locale): ShareCardContent & { alt: string } {
  const t = useTranslations(locale);
  return {
    latin: locale === 'en',
    site: t('site.name'),
    title: t('site.description'),
    figures: [],
    alt: t('site.description'),
  };
}

export interface ShareImage {
  /** Site path (without the base). */
  path: string;
  alt: string;
  width: number;
  height: number;
}

/** The share card of the page at `sitePath` (without the base) in `locale`. */
export async function shareImageFor(sitePath: string, locale: Locale): Promise<ShareImage> {
  const year = cardYearOf(sitePath, latestYear(await loadSite()));
  const card = year === undefined ? siteCard(locale) : await yearCard(year, locale);
  return { path: shareCardPath(locale, year), alt: card.alt, ...shareCardSize };
}
