import { describe, expect, test } from 'vitest';
import {
  chartFileName,
  href,
  langParam,
  localeOfPath,
  localizePath,
  openDataFileName,
  perLocale,
  siteHref,
  sitePathOf,
  sitePaths,
  stripBase,
  translatePath,
  unitAnchor,
  withBase,
} from '../../src/utils/paths';

describe('withBase', () => {
  test('joins base and path with single slashes and a trailing slash', () => {
    expect(withBase('/2007/', '/')).toBe('/2007/');
    expect(withBase('/2007/', '/report/')).toBe('/report/2007/');
    expect(withBase('2007', '/report')).toBe('/report/2007/');
    expect(withBase('/', '/report/')).toBe('/report/');
  });
  test('keeps file names and fragments intact', () => {
    expect(withBase('/favicon.svg', '/report/')).toBe('/report/favicon.svg');
    expect(withBase('/glossary/#six-constants', '/report/')).toBe(
      '/report/glossary/#six-constants',
    );
  });
});

describe('stripBase', () => {
  test('removes the base from a pathname', () => {
    expect(stripBase('/report/en/2007/', '/report/')).toBe('/en/2007/');
    expect(stripBase('/report/', '/report/')).toBe('/');
    expect(stripBase('/report', '/report/')).toBe('/');
    expect(stripBase('/en/', '/')).toBe('/en/');
  });
});

describe('locales in paths', () => {
  test('reads the locale of a path', () => {
    expect(localeOfPath('/')).toBe('zh-cn');
    expect(localeOfPath('/2007/units/hotel/')).toBe('zh-cn');
    expect(localeOfPath('/en/')).toBe('en');
    expect(localeOfPath('/en/glossary/')).toBe('en');
    // A page whose name merely starts with "en" is not English.
    expect(localeOfPath('/entries/')).toBe('zh-cn');
  });
  test('localizes a neutral path', () => {
    expect(localizePath('/', 'en')).toBe('/en/');
    expect(localizePath('/2007/', 'en')).toBe('/en/2007/');
    expect(localizePath('/2007/', 'zh-cn')).toBe('/2007/');
  });
  test('translates a page to the other locale and back', () => {
    for (const path of ['/', '/2007/', '/2007/units/hotel/', '/glossary/', '/404/']) {
      const english = translatePath(path, 'en');
      expect(english).toBe(`/en${path}`);
      expect(translatePath(english, 'zh-cn')).toBe(path);
      expect(translatePath(path, 'zh-cn')).toBe(path);
    }
  });
});

describe('site paths of pages and files', () => {
  test('name every page and file in one place', () => {
    expect(sitePaths.unit(2007, 'hotel')).toBe('/2007/units/hotel/');
    expect(sitePaths.term('six-constants')).toBe('/glossary/#six-constants');
    expect(sitePaths.reportSection(2007, unitAnchor('hotel'))).toBe('/2007/#unit-hotel');
    expect(sitePaths.chart(2007, 'team-grades', 'zh-cn')).toBe(
      '/charts/2007/team-grades.zh-CN.svg',
    );
    expect(sitePaths.chart(2007, 'team-grades', 'en')).toBe('/charts/2007/team-grades.en.svg');
    expect(sitePaths.openData(2007, 'csv')).toBe('/data/2007/metrics.csv');
    expect(sitePaths.searchIndex()).toBe('/pagefind/');
  });
  test('give the routes the same file names the links use', () => {
    expect(
      sitePaths.chart(2007, 'team-grades', 'en').endsWith(`/${chartFileName('team-grades', 'en')}`),
    ).toBe(true);
    expect(sitePaths.openData(2007, 'json').endsWith(`/${openDataFileName('json')}`)).toBe(true);
  });
  test('put the deployment base on (this build has the base /)', () => {
    expect(href(sitePaths.report(2007), 'en')).toBe('/en/2007/');
    expect(href(sitePaths.search(), 'zh-cn')).toBe('/search/');
    expect(siteHref(sitePaths.favicon())).toBe('/favicon.svg');
    expect(siteHref(sitePaths.home())).toBe('/');
    expect(sitePathOf('/en/2007/')).toBe('/en/2007/');
  });
});

describe('routes per locale', () => {
  test('the default locale has no [...lang] segment, English has en', () => {
    expect(langParam('zh-cn')).toBeUndefined();
    expect(langParam('en')).toBe('en');
  });
  test('makes each page once per locale, with the locale as a prop', () => {
    const paths = perLocale((locale) => [
      { params: { year: '2007' }, props: { title: `t-${locale}` } },
    ]);
    expect(paths).toEqual([
      { params: { year: '2007', lang: undefined }, props: { title: 't-zh-cn', locale: 'zh-cn' } },
      { params: { year: '2007', lang: 'en' }, props: { title: 't-en', locale: 'en' } },
    ]);
  });
});
