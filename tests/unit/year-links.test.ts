import { describe, expect, test } from 'vitest';
import { yearLinks, yearPagePath } from '../../src/utils/year-links';

const years = [2007, 2009, 2008];

describe('yearPagePath', () => {
  test('gives each kind of page in a year', () => {
    expect(yearPagePath({ kind: 'report' }, 2008)).toBe('/2008/');
    expect(yearPagePath({ kind: 'units' }, 2008)).toBe('/2008/units/');
    expect(yearPagePath({ kind: 'unit', slug: 'hotel' }, 2008)).toBe('/2008/units/hotel/');
  });
});

describe('yearLinks', () => {
  test('a report links every report year’s report, newest first, its own year current', () => {
    expect(yearLinks({ kind: 'report', years }, 2009, years)).toEqual([
      { year: 2009, path: '/2009/', current: true, sameKind: true },
      { year: 2008, path: '/2008/', current: false, sameKind: true },
      { year: 2007, path: '/2007/', current: false, sameKind: true },
    ]);
  });

  test('a page goes to the same kind of page in the years that have one', () => {
    const links = yearLinks({ kind: 'units', years }, 2007, years);
    expect(links.map((link) => link.path)).toEqual([
      '/2009/units/',
      '/2008/units/',
      '/2007/units/',
    ]);
    expect(links.every((link) => link.sameKind)).toBe(true);
  });

  test('falls back to that year’s report where the year has no such page', () => {
    const links = yearLinks({ kind: 'unit', slug: 'hotel', years: [2007, 2009] }, 2007, years);
    expect(links).toEqual([
      { year: 2009, path: '/2009/units/hotel/', current: false, sameKind: true },
      { year: 2008, path: '/2008/', current: false, sameKind: false },
      { year: 2007, path: '/2007/units/hotel/', current: true, sameKind: true },
    ]);
  });

  test('the page’s own year links itself even when left out of the page’s years', () => {
    const [link] = yearLinks({ kind: 'unit', slug: 'hotel', years: [] }, 2007, [2007]);
    expect(link).toEqual({ year: 2007, path: '/2007/units/hotel/', current: true, sameKind: true });
  });

  test('a year of a kind of page that has no report gets no link: the switcher is by report year', () => {
    const links = yearLinks({ kind: 'units', years: [2006, 2007] }, 2007, [2007, 2008]);
    expect(links.map((link) => link.year)).toEqual([2008, 2007]);
  });

  test('one report year gives one link (the switcher then hides)', () => {
    expect(yearLinks({ kind: 'report', years: [2007] }, 2007, [2007])).toHaveLength(1);
  });

  test('a page year without a report is a programming error that says what to pass', () => {
    expect(() => yearLinks({ kind: 'report', years }, 2010, years)).toThrow(
      /2010 has no report \(report years: 2007, 2009, 2008\).*<BaseLayout year=/,
    );
  });
});
