// The years axis as pages see it: a year's report, and every year's, newest first.
import type { Locale } from '../i18n/locales';
import { inLocale, loadSite, reportYears, type Report } from './site';

/** A year's report in a locale (every report exists in both: the content model checks it). */
export async function reportOf(year: number, locale: Locale): Promise<Report | undefined> {
  return inLocale((await loadSite()).reports, locale).get(String(year));
}

/** Every report year's report in a locale, newest first. */
export async function reportsByYear(
  locale: Locale,
): Promise<Array<{ year: number; report: Report }>> {
  const site = await loadSite();
  const reports = inLocale(site.reports, locale);
  return reportYears(site).flatMap((year) => {
    const report = reports.get(String(year));
    return report ? [{ year, report }] : [];
  });
}
