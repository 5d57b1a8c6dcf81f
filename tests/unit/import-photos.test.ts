// The photo importer's pure parts: formats by content, dates in file names, new names, the plan
// of a run, the entry it writes and its report.
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { formatOfBytes, formatOfName } from '../../src/import/photos/file-format';
import { dateFromFileName } from '../../src/import/photos/name-date';
import { namePrefix, newPhotoNames } from '../../src/import/photos/naming';
import { planImport, type InspectedFile } from '../../src/import/photos/plan';
import { photoEntryYaml } from '../../src/import/photos/entry-yaml';
import { formatReport } from '../../src/import/photos/report';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );

describe('formats by content and by name', () => {
  test('JPEG, PNG, WebP and the HEIF brands of phones are told by their first bytes', () => {
    expect(formatOfBytes(bytes([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpeg');
    expect(formatOfBytes(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('png');
    expect(formatOfBytes(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    for (const brand of ['heic', 'heix', 'mif1', 'msf1'])
      expect(formatOfBytes(bytes([0, 0, 0, 0x18], 'ftyp', brand)), brand).toBe('heif');
    expect(formatOfBytes(bytes([0, 0, 0, 0x18], 'ftypavif'))).toBe('avif');
    expect(formatOfBytes(bytes('hello world'))).toBeUndefined();
  });
  test('names: the extension, in any case', () => {
    expect(formatOfName('IMG_2041.JPG')).toBe('jpeg');
    expect(formatOfName('IMG_3001.heic')).toBe('heif');
    expect(formatOfName('notes.txt')).toBeUndefined();
    expect(formatOfName('README')).toBeUndefined();
  });
});

describe('dates in file names', () => {
  test('WeChat and Android names carry a date; impossible days and other names do not', () => {
    expect(dateFromFileName('微信图片_20090120193512.jpg')).toEqual({
      date: '2009-01-20',
      source: 'wechat',
    });
    expect(dateFromFileName('IMG_20080130_193512.jpg')).toEqual({
      date: '2008-01-30',
      source: 'phone',
    });
    expect(dateFromFileName('微信图片_20090231193512.jpg')).toBeUndefined();
    expect(dateFromFileName('IMG_2041.JPG')).toBeUndefined();
  });
});

describe('new names', () => {
  test('the event or photo-<year>, then a counter that skips names already used', () => {
    expect(namePrefix({ event: 'bonfire-party' })).toBe('bonfire-party');
    expect(namePrefix({ year: 2008 })).toBe('photo-2008');
    expect(newPhotoNames('bonfire-party', 3, new Set(['bonfire-party-02']))).toEqual([
      'bonfire-party-01',
      'bonfire-party-03',
      'bonfire-party-04',
    ]);
  });
});

const photo = (name: string, hash: string, takenAt?: string): InspectedFile => ({
  name,
  size: 2_400_000,
  hash,
  verdict: {
    ok: true,
    format: name.endsWith('.png') ? 'png' : 'jpeg',
    width: 4000,
    height: 3000,
    takenAt,
  },
});

describe('the plan of a run', () => {
  const files: InspectedFile[] = [
    photo('IMG_2042.JPG', 'b', '2008-01-30T20:00:00'),
    photo('IMG_2041.JPG', 'a', '2008-01-30T19:00:00'),
    photo('IMG_2041 (2).JPG', 'a', '2008-01-30T19:00:00'),
    photo('old.jpg', 'in-site'),
    photo('IMG_2099.JPG', 'c', '2008-02-02T10:00:00'),
    photo('微信图片_20080130193512.jpg', 'd'),
    photo('screen.png', 'e'),
    {
      name: 'IMG_3001.HEIC',
      size: 10,
      hash: 'f',
      verdict: { ok: false, refusal: { kind: 'heic' } },
    },
  ];
  const plan = planImport(files, {
    existing: new Map([['in-site', 'src/content/photos/musical.jpg']]),
    event: { slug: 'bonfire-party', date: '2008-01-30' },
    prefix: 'bonfire-party',
    taken: new Set(['bonfire-party-01']),
    lastOrder: 6,
  });

  test('duplicates by content, against the site and the folder; refusals kept with their reason', () => {
    expect(plan.duplicates).toEqual([
      { name: 'IMG_2041 (2).JPG', sameAs: 'IMG_2041.JPG' },
      { name: 'old.jpg', sameAs: 'src/content/photos/musical.jpg' },
    ]);
    expect(plan.refused).toEqual([{ name: 'IMG_3001.HEIC', refusal: { kind: 'heic' } }]);
  });

  test('ordered by time taken after the existing photos, names free, dates only when they match', () => {
    expect(plan.photos.map((p) => [p.source, p.slug + p.extension, p.order, p.date])).toEqual([
      ['IMG_2041.JPG', 'bonfire-party-02.jpg', 7, '2008-01-30'],
      ['IMG_2042.JPG', 'bonfire-party-03.jpg', 8, '2008-01-30'],
      ['IMG_2099.JPG', 'bonfire-party-04.jpg', 9, undefined],
      ['screen.png', 'bonfire-party-05.png', 10, undefined],
      ['微信图片_20080130193512.jpg', 'bonfire-party-06.jpg', 11, undefined],
    ]);
    expect(plan.photos[2]?.dateNote).toEqual({
      kind: 'exif-mismatch',
      date: '2008-02-02',
      event: 'bonfire-party',
      eventDate: '2008-01-30',
    });
    expect(plan.photos[4]?.dateNote).toEqual({
      kind: 'name-hint',
      date: '2008-01-30',
      source: 'wechat',
    });
    expect(plan.photos[3]?.warning?.en).toMatch(/screenshot/);
  });

  test('the entry leaves caption, alt and credit empty (never stand-in text) and says what to fill', () => {
    const [first] = plan.photos;
    if (!first) throw new Error('no photo planned');
    const text = photoEntryYaml(first, { event: 'bonfire-party' });
    expect(parse(text)).toEqual({
      image: './bonfire-party-02.jpg',
      order: 7,
      event: 'bonfire-party',
      date: '2008-01-30',
      caption: { zh: '', en: '' },
      alt: { zh: '', en: '' },
      credit: { zh: '', en: '' },
    });
    expect(text).toContain('TO FILL: caption, alt, credit');
    const noEvent = parse(photoEntryYaml({ ...first, date: undefined }, { year: 2008 })) as Record<
      string,
      unknown
    >;
    expect(noEvent.year).toBe(2008);
    expect(noEvent.event).toBeUndefined();
  });

  test('a file name cannot break out of its YAML comment', () => {
    const [first] = plan.photos;
    if (!first) throw new Error('no photo planned');
    const text = photoEntryYaml(
      { ...first, source: 'a\nevent: x.jpg' },
      { event: 'bonfire-party' },
    );
    expect((parse(text) as Record<string, unknown>).event).toBe('bonfire-party');
  });

  test('the report lists every file in both languages, and says nothing was written when refused', () => {
    const report = formatReport(plan, {
      folder: 'photos-2008',
      target: 'src/content/photos',
      written: false,
      ignored: ['notes.txt'],
    });
    expect(report).toContain('IMG_2041.JPG → bonfire-party-02.jpg');
    expect(report).toContain('跳过重复 Skipped duplicates 2');
    expect(report).toMatch(/IMG_3001\.HEIC：.*导出为 JPEG[\s\S]*export as JPEG/);
    expect(report).toContain('notes.txt');
    expect(report).toContain('Nothing was imported');
    const written = formatReport(plan, {
      folder: 'x',
      target: 'src/content/photos',
      written: true,
      ignored: [],
    });
    expect(written).toContain('✓ 已导入 Imported 5');
    expect(written).toContain('npm run check');
  });
});
