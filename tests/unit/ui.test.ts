import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en';
import { htmlLang, isLocale, otherLocale } from '../../src/i18n/locales';
import { interpolate, useTranslations } from '../../src/i18n/ui';
import { zhCN } from '../../src/i18n/zh-cn';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  test('both locales have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });
  test('every string uses the same placeholders in both locales', () => {
    for (const key of Object.keys(zhCN) as Array<keyof typeof zhCN>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
  test('no string is empty (separators may be: Chinese sentences join with nothing)', () => {
    for (const [key, value] of [...Object.entries(zhCN), ...Object.entries(en)]) {
      if (key.endsWith('.separator')) continue;
      expect(value.trim(), key).not.toBe('');
    }
  });
});

describe('useTranslations', () => {
  test('looks strings up per locale', () => {
    expect(useTranslations('zh-cn')('nav.glossary')).toBe('术语表');
    expect(useTranslations('en')('nav.glossary')).toBe('Glossary');
  });
  test('fills placeholders', () => {
    expect(useTranslations('zh-cn')('chart.targets.targetMark', { target: '50%' })).toBe('目标50%');
    expect(useTranslations('en')('chart.targets.targetMark', { target: '50%' })).toBe('target 50%');
  });
  test('a missing placeholder value is an error, not a silent "{percent}"', () => {
    expect(() => interpolate('{percent} of all teams')).toThrow(/needs a value for \{percent\}/);
  });
});

describe('locales', () => {
  test('map to BCP 47 tags and to each other', () => {
    expect(htmlLang['zh-cn']).toBe('zh-CN');
    expect(htmlLang.en).toBe('en');
    expect(otherLocale('en')).toBe('zh-cn');
    expect(otherLocale('zh-cn')).toBe('en');
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
