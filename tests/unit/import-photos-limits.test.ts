// The photo importer on folders that hold more than photos, in-process: names, types and sizes are
// looked at before any file is read (a video of 1.9 GB, any file over 2 GB), photos are hashed by
// streaming, an impossible EXIF date is not written, and a name with a line break or a terminal
// escape is printed escaped. The large files are sparse: they take no disk space.
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { photoEntryYaml } from '../../src/import/photos/entry-yaml';
import { inspectFolder, photoFileLimit } from '../../src/import/photos/inspect-fs';
import { planImport } from '../../src/import/photos/plan';
import { formatReport } from '../../src/import/photos/report';

const GB = 1024 * 1024 * 1024;
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'nianjian-photo-limits-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A sparse file of `size` bytes that starts with `head`. */
async function sparseFile(path: string, size: number, head = Buffer.alloc(0)): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.write(head, 0, head.length, 0);
    await handle.truncate(Math.round(size));
  } finally {
    await handle.close();
  }
}

/** A camera-size JPEG with an EXIF date taken such as "9999:12:31 23:59:59". */
const cameraJpeg = (taken?: string) => {
  const image = sharp({
    create: { width: 2400, height: 1600, channels: 3, background: '#468' },
  }).jpeg();
  return (taken ? image.withExif({ IFD2: { DateTimeOriginal: taken } }) : image).toBuffer();
};

const context = {
  existing: new Map(),
  prefix: 'photo-2012',
  taken: new Set<string>(),
  lastOrder: 0,
};

describe('a photo folder that holds more than photos', () => {
  test('a 1.9 GB video and files over 2 GB are judged by name, type and size, never read whole', async () => {
    const videos = await mkdtemp(join(folder, 'videos-'));
    const mp4Head = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom\0\0\0\0isomiso2'),
    ]);
    await sparseFile(join(videos, 'party.mp4'), 1.9 * GB, mp4Head);
    await sparseFile(join(videos, 'backup.zip'), 2.1 * GB);
    await sparseFile(join(videos, 'scan.jpg'), 2.1 * GB, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await writeFile(join(videos, 'IMG_0001.JPG'), await cameraJpeg('2012:03:08 10:00:00'));
    const peak = process.resourceUsage().maxRSS * 1024;
    const { files, ignored } = await inspectFolder(videos);
    expect(process.resourceUsage().maxRSS * 1024 - peak).toBeLessThan(200 * 1024 * 1024);
    // The photo over the limit is not hashed (that would read its 2.1 GB): a name stands in.
    expect(files.find((file) => file.name === 'scan.jpg')?.hash).toBe('unread:scan.jpg');
    expect(ignored).toEqual(['backup.zip', 'party.mp4']);
    expect(files.map((file) => [file.name, file.verdict.ok])).toEqual([
      ['IMG_0001.JPG', true],
      ['scan.jpg', false],
    ]);
    const plan = planImport(files, context);
    const report = formatReport(plan, {
      folder: 'videos',
      target: 'src/content/photos',
      written: false,
      ignored,
    });
    expect(report).toMatch(
      /scan\.jpg：有 2150 MB，导入只读不超过 100 MB 的照片[\s\S]*is 2150 MB; the import reads photos of at most 100 MB/,
    );
    expect(report).toContain('Not images, left alone 2: backup.zip, party.mp4');
    expect(photoFileLimit).toBe(100 * 1024 * 1024);
  }, 20_000);

  test('an EXIF date of 9999-12-31, before 1990 or after tomorrow is not written; the report says why', async () => {
    const dates = await mkdtemp(join(folder, 'dates-'));
    await writeFile(join(dates, 'a.jpg'), await cameraJpeg('9999:12:31 23:59:59'));
    await writeFile(join(dates, 'b.jpg'), await cameraJpeg('1980:01:01 00:00:00'));
    await writeFile(join(dates, 'c.jpg'), await cameraJpeg('2012:03:09 08:00:00'));
    await writeFile(join(dates, 'd.jpg'), await cameraJpeg('2012:03:11 08:00:00'));
    const { files } = await inspectFolder(dates);
    const plan = planImport(files, { ...context, today: '2012-03-09' });
    expect(plan.photos.map((photo) => [photo.source, photo.date])).toEqual([
      ['b.jpg', undefined],
      ['c.jpg', '2012-03-09'],
      ['d.jpg', undefined],
      ['a.jpg', undefined],
    ]);
    expect(plan.photos[3]?.dateNote).toEqual({
      kind: 'exif-implausible',
      date: '9999-12-31',
      latest: '2012-03-10',
    });
    const entry = photoEntryYaml(plan.photos[3]!, { year: 2012 });
    expect((parse(entry) as Record<string, unknown>).date).toBeUndefined();
    expect(entry).toMatch(
      /EXIF 拍摄日期 9999-12-31 不可能[\s\S]*the EXIF date taken 9999-12-31 cannot be right/,
    );
    const report = formatReport(plan, {
      folder: 'dates',
      target: 'src/content/photos',
      written: true,
      ignored: [],
    });
    expect(report).toContain('date left out');
    expect(report).not.toMatch(/日期 date: 9999/);
  }, 20_000);

  test('a file name with a line break or a terminal escape is shown escaped, never breaks a line', async () => {
    const names = await mkdtemp(join(folder, 'names-'));
    const name = 'IMG\nevent: x\u001b[31m\u2028.jpg';
    await writeFile(join(names, name), await cameraJpeg('2012:03:08 10:00:00'));
    await writeFile(join(names, 'notes\r.txt'), 'not a photo');
    const { files, ignored } = await inspectFolder(names);
    const plan = planImport(files, { ...context, today: '2012-03-09' });
    expect(plan.photos.map((photo) => photo.source)).toEqual([name]);
    const report = formatReport(plan, {
      folder: 'names',
      target: 'src/content/photos',
      written: true,
      ignored,
    });
    expect(report).not.toMatch(/[\r\u001b\u2028]/);
    expect(report.split('\n').some((line) => line.startsWith('event: x'))).toBe(false);
    expect(report).toContain('"IMG\\nevent: x\\u{1b}[31m\\u{2028}.jpg" → photo-2012-01.jpg');
    expect(report).toContain('"notes\\r.txt"');
    expect(report).toContain('holds a line break or another control character');
    const entry = photoEntryYaml(plan.photos[0]!, { year: 2012 });
    expect(entry).not.toMatch(/[\r\u001b\u2028]/);
    expect((parse(entry) as Record<string, unknown>).event).toBeUndefined();
  }, 20_000);
});
