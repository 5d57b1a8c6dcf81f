import { describe, expect, test } from 'vitest';
import { localeOfPath, localizePath, stripBase, translatePath, withBase } from '../../src/utils/paths';

describe('withBase', () => {
  test('joins base and path with single slashes and a trailing slash', () => {
    expect(withBase('/2007/', '/')).toBe('/2007/');
    expect(withBase('/2007/', '/report/')).toBe('/report/2007/');
    expect(withBase('2007', '/report')).toBe('/report/2007/');
    expect(withBase('/', '/report/')).toBe('/report/');
  });
  test('keeps file names and fragments intact', () => {
    expect(withBase('/favicon.svg', '/report/')).toBe('/report/favicon.svg');
    expect(withBase('/glossary/#six-constants', '/report/')).toBe('/report/glossary/#six-constants');
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
