import { expect, test } from 'vitest';
import { counterpartId, splitEntryId } from '../../src/model/entry-ids';

test('splits a localized entry id into locale and shared slug', () => {
  expect(splitEntryId('zh-cn/hotel')).toEqual({ locale: 'zh-cn', slug: 'hotel' });
  expect(splitEntryId('en/2007')).toEqual({ locale: 'en', slug: '2007' });
});

test('rejects ids without a locale folder', () => {
  expect(splitEntryId('hotel')).toBeUndefined();
  expect(splitEntryId('fr/hotel')).toBeUndefined();
  expect(splitEntryId('en')).toBeUndefined();
});

test('maps an entry to its counterpart', () => {
  expect(counterpartId('zh-cn/hotel', 'en')).toBe('en/hotel');
  expect(counterpartId('en/2007', 'zh-cn')).toBe('zh-cn/2007');
  expect(counterpartId('hotel', 'en')).toBeUndefined();
});
