import { describe, expect, test } from 'vitest';
import {
  coverPhoto,
  findPhotoDateProblems,
  isPartOfDay,
  photosOfEvent,
  photosWithoutEvent,
  sortEvents,
  type GalleryPhoto,
} from '../../src/model/photos';

const photo = (
  id: string,
  order: number,
  extra: Partial<GalleryPhoto['data']> = {},
): GalleryPhoto => ({
  id,
  filePath: `src/content/photos/${id}.yaml`,
  data: { order, featured: false, ...extra },
});
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('grouping photos', () => {
  const photos = [
    photo('run', 5, { event: 'run' }),
    photo('musical', 1),
    photo('bonfire-b', 4, { event: 'bonfire', featured: true }),
    photo('bonfire-a', 3, { event: 'bonfire' }),
  ];
  test('an event’s photos come in the source’s order', () => {
    expect(photosOfEvent(photos, 'bonfire').map((p) => p.id)).toEqual(['bonfire-a', 'bonfire-b']);
  });
  test('photos with no stated event are kept apart, not given one', () => {
    expect(photosWithoutEvent(photos).map((p) => p.id)).toEqual(['musical']);
  });
  test('the cover is the featured photo, else the first', () => {
    expect(coverPhoto(photosOfEvent(photos, 'bonfire'))?.id).toBe('bonfire-b');
    expect(coverPhoto(photosOfEvent(photos, 'run'))?.id).toBe('run');
    expect(coverPhoto([])).toBeUndefined();
  });
});

describe('events', () => {
  test('sort by date, then by time of day', () => {
    const events = [
      { slug: 'run', date: day('2008-01-31'), time: '14:00' as const },
      { slug: 'party', date: day('2008-01-30'), time: 'evening' as const },
      { slug: 'volleyball', date: day('2008-01-18'), time: 'afternoon' as const },
      { slug: 'morning-run', date: day('2008-01-31'), time: 'morning' as const },
    ];
    expect(sortEvents(events).map((e) => e.slug)).toEqual([
      'volleyball',
      'party',
      'morning-run',
      'run',
    ]);
  });
  test('a part of the day is told from a clock time', () => {
    expect(isPartOfDay('evening')).toBe(true);
    expect(isPartOfDay('14:00')).toBe(false);
  });
});

describe('findPhotoDateProblems', () => {
  const events = [
    { slug: 'bonfire', date: day('2008-01-30'), file: 'src/content/events/zh-cn/bonfire.yaml' },
    { slug: 'bonfire', date: day('2008-01-30'), file: 'src/content/events/en/bonfire.yaml' },
  ];
  test('a photo dated like its event is fine, as is one without a date', () => {
    expect(
      findPhotoDateProblems(
        [
          photo('a', 1, { event: 'bonfire', date: day('2008-01-30') }),
          photo('b', 2, { event: 'bonfire' }),
        ],
        events,
      ),
    ).toEqual([]);
  });
  test('a photo dated unlike its event names the file, the field and both dates', () => {
    expect(
      findPhotoDateProblems([photo('a', 1, { event: 'bonfire', date: day('2008-01-31') })], events),
    ).toEqual([
      {
        file: 'src/content/photos/a.yaml',
        field: 'date',
        message:
          'is 2008-01-31, but its event "bonfire" (src/content/events/zh-cn/bonfire.yaml) took place on 2008-01-30',
        fix: "correct whichever date does not match the source, or leave the photo's date out",
        zh: {
          message:
            '是 2008-01-31，但它的活动“bonfire”（src/content/events/zh-cn/bonfire.yaml）是在 2008-01-30 举行的',
          fix: '对照原文改正写错的那个日期，或者删掉图片的日期',
        },
      },
    ]);
  });
});
