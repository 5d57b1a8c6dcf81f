// The route data's lookups are indexed once per loaded site (issue 26: scanning every unit entry for
// each of ~1,700 routes made the static-routes phase quadratic), and its Intl formatters are made
// once per locale and options. Each must answer exactly what the scan, or a new formatter, did.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { formatFigure, yearFigures } from '../../src/figures/compute';
import { metricsSchema } from '../../src/figures/schema';
import { useTranslations } from '../../src/i18n/ui';
import { metricTexts } from '../../src/routes/figure-views';
import { inLocale } from '../../src/data/site';
import { locales, type Locale } from '../../src/i18n/locales';
import { parseEntryId, splitEntryId } from '../../src/model/entry-ids';
import { entriesOfYear, historyOf, slugsIn, splitYearEntryId } from '../../src/model/unit-years';
import {
  formatDate,
  formatDecimal,
  formatMonth,
  formatNumber,
  formatPercent,
  formatYear,
} from '../../src/utils/format';
import { htmlLang } from '../../src/i18n/locales';
import { buildEntries } from '../../scripts/lib/project-copy.mjs';
import { sourcePaths } from '../../scripts/lib/build-info.mjs';

/** The scans the index replaced, as they were. */
const scan = {
  ofYear<T extends { id: string }>(entries: readonly T[], locale: Locale, year: number) {
    const result = new Map<string, T>();
    for (const entry of entries) {
      const parts = splitYearEntryId(entry.id);
      if (parts?.locale === locale && parts.year === year) result.set(parts.slug, entry);
    }
    return result;
  },
  history<T extends { id: string }>(entries: readonly T[], locale: Locale, slug: string) {
    return entries
      .flatMap((entry) => {
        const parts = splitYearEntryId(entry.id);
        return parts?.locale === locale && parts.slug === slug ? [{ year: parts.year, entry }] : [];
      })
      .sort((a, b) => b.year - a.year);
  },
  slugs<T extends { id: string }>(entries: readonly T[], locale: Locale) {
    const slugs = new Set<string>();
    for (const entry of entries) {
      const parts = splitYearEntryId(entry.id);
      if (parts?.locale === locale) slugs.add(parts.slug);
    }
    return [...slugs];
  },
  inLocale<T extends { id: string }>(entries: readonly T[], locale: Locale) {
    const result = new Map<string, T>();
    for (const entry of entries) {
      const parts = splitEntryId(entry.id);
      if (parts?.locale === locale) result.set(parts.slug, entry);
    }
    return result;
  },
};

/** A made-up yearbook's unit ids in a scrambled order, with ids of other shapes mixed in. */
function unitEntries(): Array<{ id: string; n: number }> {
  const ids: string[] = [];
  for (const year of [2009, 2007, 2012, 2008, 2010, 2011])
    for (const locale of locales)
      for (let unit = 0; unit < 12; unit += 1)
        if ((unit + year) % 5 !== 0) ids.push(`${locale}/${year}/unit-${(unit * 7) % 12}`);
  // Ids the content rules refuse, which the scans skipped or kept: they must be handled alike.
  ids.push('zh-cn/hotel', 'fr/2007/hotel', 'en/abcd/unit-1', 'zh-cn/2007/a/b', 'en/2009/unit-3');
  // A deterministic shuffle, so the index is not helped by sorted input.
  const shuffled = ids.map((id, index) => ({ id, n: index, order: (index * 7919) % ids.length }));
  return shuffled.sort((a, b) => a.order - b.order).map(({ id, n }) => ({ id, n }));
}

describe('the index of a collection kept in year folders', () => {
  const entries = unitEntries();
  const slugs = [...new Set(entries.map((entry) => parseEntryId(entry.id).slug)), 'nobody'];

  test("a year's entries, a slug's history and the slugs are what the scans returned", () => {
    for (const locale of locales) {
      for (const year of [2006, 2007, 2008, 2009, 2010, 2011, 2012]) {
        const indexed = entriesOfYear(entries, locale, year);
        expect([...indexed], `${locale} ${year}`).toEqual([...scan.ofYear(entries, locale, year)]);
      }
      for (const slug of slugs)
        expect(historyOf(entries, locale, slug), `${locale} ${slug}`).toEqual(
          scan.history(entries, locale, slug),
        );
      expect(slugsIn(entries, locale)).toEqual(scan.slugs(entries, locale));
    }
  });

  test('is made once per array, and again for an array that changed in length', () => {
    const copy = [...entries];
    expect(entriesOfYear(copy, 'en', 2007)).toBe(entriesOfYear(copy, 'en', 2007));
    copy.push({ id: 'en/2007/new-unit', n: -1 });
    expect(entriesOfYear(copy, 'en', 2007).get('new-unit')).toEqual({
      id: 'en/2007/new-unit',
      n: -1,
    });
    expect(slugsIn(copy, 'en')).toEqual(scan.slugs(copy, 'en'));
  });

  test('what callers get cannot change the index', () => {
    const history = historyOf(entries, 'zh-cn', 'unit-0');
    history.splice(0);
    expect(historyOf(entries, 'zh-cn', 'unit-0')).toEqual(scan.history(entries, 'zh-cn', 'unit-0'));
    slugsIn(entries, 'en').splice(0);
    expect(slugsIn(entries, 'en')).toEqual(scan.slugs(entries, 'en'));
  });
});

describe('the index of a localized collection', () => {
  test('inLocale is what the scan returned, for every locale', () => {
    const reports = [2009, 2007, 2008].flatMap((year) =>
      locales.map((locale) => ({ id: `${locale}/${year}` })),
    );
    const shared = [...reports, { id: 'hotel' }, { id: 'en/2007' }];
    for (const entries of [reports, shared, unitEntries()])
      for (const locale of locales)
        expect([...inLocale(entries, locale)]).toEqual([...scan.inLocale(entries, locale)]);
  });
});

describe('formatters made once', () => {
  const values = [0, 1, 7, 15.7, 65.714, 99.95, 1234.5, 12345, -3.25, 2 / 3];

  test('give the strings a new formatter gives, whatever was formatted before', () => {
    for (const round of [1, 2])
      for (const locale of locales) {
        const lang = htmlLang[locale];
        for (const value of values) {
          const context = `${locale} ${value} (round ${round})`;
          expect(formatNumber(value, locale), context).toBe(
            new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value),
          );
          for (const digits of [0, 1, 2]) {
            expect(formatDecimal(value, locale, digits), context).toBe(
              new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value),
            );
            expect(formatPercent(value, locale, digits), context).toBe(
              new Intl.NumberFormat(lang, {
                style: 'percent',
                minimumFractionDigits: digits,
                maximumFractionDigits: digits,
              }).format(value / 100),
            );
          }
        }
      }
  });

  test('give years, months and dates as a new formatter does, in each locale', () => {
    for (const round of [1, 2])
      for (const locale of locales) {
        const lang = htmlLang[locale];
        const dated = locale === 'en' ? 'en-GB' : lang;
        for (const year of [2007, 2016]) {
          expect(formatYear(year, locale), `${locale} ${round}`).toBe(
            new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(
              Date.UTC(year, 6, 1),
            ),
          );
          for (const month of [1, 6, 12])
            expect(formatMonth(year, month, locale)).toBe(
              new Intl.DateTimeFormat(dated, { month: 'long', timeZone: 'UTC' }).format(
                Date.UTC(year, month - 1, 15),
              ),
            );
        }
      }
    expect([formatYear(2007, 'zh-cn'), formatYear(2007, 'en')]).toEqual(['2007年', '2007']);
    const date = new Date('2008-01-18T06:00:00Z');
    expect([formatDate(date, 'zh-cn'), formatDate(date, 'en')]).toEqual([
      '2008年1月18日',
      '18 January 2008',
    ]);
  });
});

describe("a year's figures as <Metric> writes them", () => {
  const figures = yearFigures(
    metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8'))),
  );

  test('are made once per year and locale, frozen, and say what each figure formats to', () => {
    for (const locale of locales) {
      const texts = metricTexts(figures, locale);
      expect(metricTexts(figures, locale)).toBe(texts);
      expect(Object.isFrozen(texts)).toBe(true);
      const notReported = useTranslations(locale)('figure.notReported');
      expect(Object.keys(texts)).toEqual(figures.figures.map((figure) => figure.id));
      for (const figure of figures.figures)
        expect(texts[figure.id], `${locale} ${figure.id}`).toEqual({
          value: figure.value === null ? '' : String(figure.value),
          text: formatFigure(figure, locale, notReported),
          bare: formatFigure(figure, locale, notReported, true),
        });
    }
    expect(metricTexts(figures, 'en')).not.toEqual(metricTexts(figures, 'zh-cn'));
  });
});

test('a copy of the project holds everything the build is made from (package-lock.json too)', () => {
  // The chart drawings' cache is off without package-lock.json: a copy without it (bench, tests)
  // would not build as the project does.
  for (const source of sourcePaths) expect(buildEntries, source).toContain(source);
});
