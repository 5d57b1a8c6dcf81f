// The image service the build uses (Astro's sharp service) turns camera JPEGs upright and drops
// their metadata; the committed stand-ins really carry what a camera writes, so that is exercised.
import { readdirSync } from 'node:fs';
import sharpService from 'astro/assets/services/sharp';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';

type ServiceConfig = Parameters<typeof sharpService.transform>[2];
type ServiceLogger = Parameters<typeof sharpService.transform>[3];
const config = {
  service: { entrypoint: 'astro/assets/services/sharp', config: {} },
} as ServiceConfig;
const logger = {
  warn: () => {},
  info: () => {},
  error: () => {},
  debug: () => {},
} as unknown as ServiceLogger;

const red = { r: 220, g: 20, b: 20 };
const blue = { r: 20, g: 20, b: 220 };

/**
 * A 60 × 40 picture, red on its left half and blue on its right, stored the way a phone held
 * sideways stores it: pixels turned a quarter to the left, EXIF orientation 6 ("turn right to view"),
 * with a GPS block, a serial number and an ICC profile.
 */
async function sidewaysCameraJpeg(): Promise<Buffer> {
  const left = await sharp({ create: { width: 30, height: 40, channels: 3, background: red } })
    .png()
    .toBuffer();
  const upright = await sharp({ create: { width: 60, height: 40, channels: 3, background: blue } })
    .composite([{ input: left, left: 0, top: 0 }])
    .png()
    .toBuffer();
  return sharp(upright)
    .rotate(270)
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Test', Model: 'Camera' },
      IFD2: { BodySerialNumber: 'SN-123' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '1/1 2/1 3/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 5/1 6/1',
      },
    })
    .jpeg()
    .toBuffer();
}

const isRed = (pixel: { r: number; g: number; b: number }) => pixel.r > 150 && pixel.b < 100;
const isBlue = (pixel: { r: number; g: number; b: number }) => pixel.b > 150 && pixel.r < 100;

async function pixelAt(image: Uint8Array, x: number, y: number) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at] ?? 0, g: data[at + 1] ?? 0, b: data[at + 2] ?? 0 };
}

describe('the build’s image service', () => {
  test('the test picture really is stored sideways with camera metadata', async () => {
    const input = await sidewaysCameraJpeg();
    const metadata = await sharp(input).metadata();
    expect([metadata.width, metadata.height, metadata.orientation]).toEqual([40, 60, 6]);
    expect(exifReader(metadata.exif ?? Buffer.alloc(0)).GPSInfo?.GPSLatitudeRef).toBe('N');
  });

  test.each(['jpg', 'webp', 'avif'] as const)(
    'a JPEG with EXIF orientation 6 comes out upright as %s, with no metadata',
    async (format) => {
      const input = await sidewaysCameraJpeg();
      const { data } = await sharpService.transform(
        new Uint8Array(input),
        { src: 'sideways.jpg', width: 30, format },
        config,
        logger,
      );
      const metadata = await sharp(data).metadata();
      // Upright: landscape again, red on the left and blue on the right.
      expect([metadata.width, metadata.height]).toEqual([30, 20]);
      expect(metadata.orientation ?? 1).toBe(1);
      expect(isRed(await pixelAt(data, 3, 10))).toBe(true);
      expect(isBlue(await pixelAt(data, 26, 10))).toBe(true);
      // Nothing but pixels: no EXIF (GPS, serials, orientation), no ICC profile, no XMP or IPTC.
      expect({
        exif: metadata.exif,
        icc: metadata.icc,
        xmp: metadata.xmp,
        iptc: metadata.iptc,
      }).toEqual({
        exif: undefined,
        icc: undefined,
        xmp: undefined,
        iptc: undefined,
      });
    },
  );
});

describe('the committed stand-in photos exercise the pipeline', () => {
  const files = readdirSync('src/content/photos').filter((file) => file.endsWith('.jpg'));

  test('there is one camera-size JPEG per photo entry', async () => {
    const entries = readdirSync('src/content/photos').filter((file) => file.endsWith('.yaml'));
    expect(files.map((file) => file.replace(/\.jpg$/, '')).sort()).toEqual(
      entries.map((file) => file.replace(/\.yaml$/, '')).sort(),
    );
    for (const file of files) {
      const {
        width = 0,
        height = 0,
        format,
      } = await sharp(`src/content/photos/${file}`).metadata();
      expect(format, file).toBe('jpeg');
      expect(Math.max(width, height), file).toBeGreaterThanOrEqual(3000);
    }
  });

  test('each carries a GPS block and camera serial numbers; some are stored turned', async () => {
    const orientations = new Set<number>();
    for (const file of files) {
      const metadata = await sharp(`src/content/photos/${file}`).metadata();
      const exif = exifReader(metadata.exif ?? Buffer.alloc(0));
      expect(exif.GPSInfo?.GPSLatitude, file).toBeDefined();
      expect(exif.Photo?.BodySerialNumber, file).toMatch(/^SAMPLE-/);
      orientations.add(metadata.orientation ?? 1);
    }
    expect(
      [...orientations].filter((orientation) => orientation !== 1).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
