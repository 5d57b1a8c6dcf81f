// The home page (the newest year first, earlier years linked) and the list of every year (`/years/`).
import { loadSite, latestYear, inLocale } from '../data/site';
import { reportsByYear } from '../data/years';
import type { Locale } from '../i18n/locales';
import { localizePath, sitePaths } from '../utils/paths';
import { RenderError } from '../utils/render-errors';
import { pageChrome, type PageChrome } from './chrome';
import { yearFiguresView, type YearFiguresView } from './report';
import { perLocaleRoutes } from './per-locale';

/** A year's report as the home page and `/years/` introduce it. */
export interface YearIntro {
  year: number;
  title: string;
  slogan: string;
}

export interface HomeView {
  chrome: PageChrome;
  year: number;
  report: YearIntro & { summary: string; author: string; authorRole: string };
  figures: YearFiguresView | undefined;
  /** Every earlier year, newest first. */
  earlier: YearIntro[];
}

async function homeView(locale: Locale): Promise<HomeView> {
  const site = await loadSite();
  const year = latestYear(site);
  const report = inLocale(site.reports, locale).get(String(year));
  if (!report) {
    throw new RenderError({
      file: `src/content/reports/${locale}/${year}.mdx`,
      field: 'reports',
      zh: {
        message: `最新的 ${year} 年报告没有这一语言的版本（${locale}）`,
        fix: '添加这一年报告的译文，两种语言的文件名相同',
      },
      en: {
        message: `has no ${locale} version of the latest report (${year})`,
        fix: 'add the report’s translation, with the same file name in both languages',
      },
    });
  }
  const { title, slogan, summary, author, authorRole } = report.data;
  return {
    chrome: await pageChrome(locale, localizePath(sitePaths.home(), locale)),
    year,
    report: { year, title, slogan, summary, author, authorRole },
    figures: await yearFiguresView(year, locale),
    earlier: (await reportsByYear(locale))
      .filter((entry) => entry.year < year)
      .map((entry) => ({
        year: entry.year,
        title: entry.report.data.title,
        slogan: entry.report.data.slogan,
      })),
  };
}

/** `getStaticPaths()` of the home page, once per locale. */
export function homeRoutes() {
  return perLocaleRoutes(async (locale) => [{ params: {}, props: await homeView(locale) }]);
}

export interface YearsView {
  chrome: PageChrome;
  /** Every report year, newest first, with its key figures where it has a figures file. */
  years: Array<YearIntro & { figures: YearFiguresView | undefined }>;
}

/** `getStaticPaths()` of `/years/`, once per locale. */
export function yearsRoutes() {
  return perLocaleRoutes(async (locale) => {
    const view: YearsView = {
      chrome: await pageChrome(locale, localizePath(sitePaths.years(), locale)),
      years: await Promise.all(
        (await reportsByYear(locale)).map(async ({ year, report }) => ({
          year,
          title: report.data.title,
          slogan: report.data.slogan,
          figures: await yearFiguresView(year, locale),
        })),
      ),
    };
    return [{ params: {}, props: view }];
  });
}
