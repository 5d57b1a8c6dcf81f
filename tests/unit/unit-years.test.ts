// Units by year: entry ids with a year folder, a year's units, a unit's history, references that
// resolve in a year, and each photo's report year.
import { describe, expect, test } from 'vitest';
import { findContentProblems, type CheckedEntry } from '../../src/model/integrity';
import { photoYear, photosWithoutEvent } from '../../src/model/photos';
import {
  entriesOfYear,
  folderYearOf,
  historyOf,
  slugsIn,
  splitYearEntryId,
} from '../../src/model/unit-years';

const units = [
  { id: 'zh-cn/2007/hotel' },
  { id: 'zh-cn/2009/hotel' },
  { id: 'zh-cn/2008/hotel' },
  { id: 'zh-cn/2009/test-workshop' },
  { id: 'en/2007/hotel' },
  { id: 'en/2009/test-workshop' },
];

describe('unit entry ids', () => {
  test('split into locale, year and slug', () => {
    expect(splitYearEntryId('zh-cn/2007/hotel')).toEqual({
      locale: 'zh-cn',
      year: 2007,
      slug: 'hotel',
    });
    expect(folderYearOf({ id: 'en/2009/test-workshop' })).toBe(2009);
  });
  test('an id without a year folder is not a unit of a year', () => {
    for (const id of ['zh-cn/hotel', 'fr/2007/hotel', 'zh-cn/abcd/hotel', 'zh-cn/2007/a/b'])
      expect(splitYearEntryId(id), id).toBeUndefined();
  });
});

describe("a year's units and a unit's history", () => {
  test("a year's units are that year's files in that language only", () => {
    expect([...entriesOfYear(units, 'zh-cn', 2009).keys()].sort()).toEqual([
      'hotel',
      'test-workshop',
    ]);
    expect([...entriesOfYear(units, 'zh-cn', 2008).keys()]).toEqual(['hotel']);
    expect([...entriesOfYear(units, 'en', 2008).keys()]).toEqual([]);
  });
  test('the history lists every year of the unit, newest first', () => {
    expect(historyOf(units, 'zh-cn', 'hotel').map(({ year }) => year)).toEqual([2009, 2008, 2007]);
    expect(historyOf(units, 'en', 'hotel').map(({ entry }) => entry.id)).toEqual(['en/2007/hotel']);
    expect(historyOf(units, 'zh-cn', 'nobody')).toEqual([]);
  });
  test('each unit is listed once, whatever its years', () => {
    expect(slugsIn(units, 'zh-cn')).toEqual(['hotel', 'test-workshop']);
  });
});

describe('references to units resolve in the naming entry’s year', () => {
  const unit = (id: string, references: CheckedEntry['references'] = []): CheckedEntry => ({
    id,
    filePath: `src/content/units/${id}.mdx`,
    year: Number(id.split('/')[1]),
    references,
  });
  const check = (extra: CheckedEntry[], shared: CheckedEntry[] = []) =>
    findContentProblems({
      localized: {
        units: [unit('zh-cn/2007/hotel'), unit('en/2007/hotel'), ...extra],
      },
      shared: { photos: shared },
      yearFolders: ['units'],
    });

  test('a parent of the same year is found; counterparts are per year', () => {
    expect(
      check([
        unit('zh-cn/2007/front-desk', [{ field: 'parent', collection: 'units', id: 'hotel' }]),
        unit('en/2007/front-desk', [{ field: 'parent', collection: 'units', id: 'hotel' }]),
      ]),
    ).toEqual([]);
    const [missing] = check([unit('zh-cn/2008/hotel')]);
    expect(missing).toMatchObject({
      file: 'src/content/units/zh-cn/2008/hotel.mdx',
      field: '(counterpart)',
      fix: 'add src/content/units/en/2008/hotel.mdx with the same fields, translated',
    });
  });

  test('a parent that exists only in another year is named with the year and the fix', () => {
    const problems = check([
      unit('zh-cn/2008/front-desk', [
        { field: 'parent', collection: 'units', id: 'hotel', line: 4 },
      ]),
      unit('en/2008/front-desk', [{ field: 'parent', collection: 'units', id: 'hotel', line: 4 }]),
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      file: 'src/content/units/zh-cn/2008/front-desk.mdx',
      line: 4,
      field: 'parent',
      message:
        'refers to "hotel", which has no entry for 2008: src/content/units/zh-cn/2008/hotel.mdx is missing',
    });
    expect(problems[0]?.fix).toContain('npm run new -- unit hotel --year 2008');
    expect(problems[0]?.zh?.message).toContain('没有 2008 年的条目');
  });

  test('a photo needs its unit in its year, in every language', () => {
    const photo = (year: number | undefined): CheckedEntry => ({
      id: 'tug',
      filePath: 'src/content/photos/tug.yaml',
      ...(year === undefined ? {} : { year }),
      references: [{ field: 'unit', collection: 'units', id: 'hotel' }],
    });
    expect(check([], [photo(2007)])).toEqual([]);
    const problems = check([], [photo(2009)]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'refers to "hotel", which has no entry for 2009: ' +
        'src/content/units/zh-cn/2009/hotel.mdx and src/content/units/en/2009/hotel.mdx are missing',
    ]);
    // Without a year (the photo-years rule reports that), any year of the unit will do.
    expect(check([], [photo(undefined)])).toEqual([]);
  });

  test('a quote names the unit of the year it quotes', () => {
    const quoting = [
      unit('zh-cn/2008/hotel', [
        { field: '<ReportQuote unit>', collection: 'units', id: 'hotel', year: 2007 },
      ]),
      unit('en/2008/hotel'),
    ];
    expect(check(quoting)).toEqual([]);
  });
});

describe("a photo's report year", () => {
  const eventYears = new Map([['lantern-riddles-2010', 2009]]);
  const photo = (data: { event?: string; year?: number }) => ({
    id: 'p',
    data: { order: 1, featured: false, ...data },
  });
  test("is its own year, else its event's", () => {
    expect(photoYear(photo({ year: 2007 }), eventYears)).toBe(2007);
    expect(photoYear(photo({ event: 'lantern-riddles-2010' }), eventYears)).toBe(2009);
    expect(photoYear(photo({}), eventYears)).toBeUndefined();
  });
  test('photos without an event keep their own year', () => {
    const photos = [photo({ year: 2009 }), photo({ event: 'lantern-riddles-2010' })];
    expect(photosWithoutEvent(photos).map((p) => photoYear(p, eventYears))).toEqual([2009]);
  });
});
