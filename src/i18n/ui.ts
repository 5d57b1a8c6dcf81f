import type { Locale } from './locales';
import { en } from './en';
import { zhCN, type UiKey } from './zh-cn';

export type { UiKey };

const dictionaries: Record<Locale, Record<UiKey, string>> = { 'zh-cn': zhCN, en };

/** Values for `{name}` placeholders in a UI string. */
export type Placeholders = Record<string, string | number>;

/** Fills `{name}` placeholders; a placeholder without a value is a programming error. */
export function interpolate(template: string, values: Placeholders = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`UI string "${template}" needs a value for {${name}}`);
    return String(values[name]);
  });
}

/** The translation function for one locale: `t('nav.home')` → "首页". */
export function useTranslations(locale: Locale) {
  const dictionary = dictionaries[locale];
  return (key: UiKey, values?: Placeholders): string => interpolate(dictionary[key], values);
}
export type Translate = ReturnType<typeof useTranslations>;
