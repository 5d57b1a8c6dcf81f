// The image checks `npm run check` and `npm run new -- photo` run, on generated images: every way a
// photo can be unusable is caught with the file, the field and the fix, in both languages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageProblems, photoRules } from '../../src/check/images';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'nianjian-images-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({
    create: {
      width,
      height,
      channels,
      background: channels === 4 ? { r: 40, g: 90, b: 120, alpha: 0.5 } : '#285a78',
    },
  });

/** Writes `bytes` as `name` and returns the problems of it as a photo. */
async function problemsOf(name: string, bytes: Buffer | string) {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return imageProblems(
    'src/content/photos/bonfire.yaml',
    'image',
    path,
    `src/content/photos/${name}`,
    photoRules,
    3,
  );
}

function expectOne(
  problems: Awaited<ReturnType<typeof problemsOf>>,
  english: RegExp,
  chinese: RegExp,
) {
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem?.file).toBe('src/content/photos/bonfire.yaml');
  expect(problem?.field).toBe('image');
  expect(problem?.line).toBe(3);
  expect(problem?.message).toMatch(english);
  expect(problem?.zh.message).toMatch(chinese);
  expect(problem?.fix.length).toBeGreaterThan(10);
  expect(problem?.zh.fix.length).toBeGreaterThan(4);
}

// Generous time limits: sharp shares two cores with other builds on the CI machine.
describe('photo validation', { timeout: 60_000 }, () => {
  test('a camera-size sRGB JPEG passes', async () => {
    expect(await problemsOf('ok.jpg', await solid(3000, 2000).jpeg().toBuffer())).toEqual([]);
  });
  test('a missing file', async () => {
    expectOne(
      await imageProblems(
        'src/content/photos/bonfire.yaml',
        'image',
        join(folder, 'nope.jpg'),
        'nope.jpg',
        photoRules,
        3,
      ),
      /does not exist/,
      /不存在/,
    );
  });
  test('a file that is not an image', async () => {
    expectOne(await problemsOf('text.jpg', 'hello'), /is not a readable image/, /不是可读取的图片/);
  });
  test('a truncated JPEG', async () => {
    const jpeg = await solid(3000, 2000).jpeg().toBuffer();
    expectOne(
      await problemsOf('truncated.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6))),
      /damaged or incomplete/,
      /损坏或不完整/,
    );
  });
  test('a CMYK JPEG', async () => {
    expectOne(
      await problemsOf('cmyk.jpg', await solid(2000, 1500).toColourspace('cmyk').jpeg().toBuffer()),
      /CMYK/,
      /CMYK/,
    );
  });
  test('a PNG with transparency', async () => {
    expectOne(
      await problemsOf('alpha.png', await solid(3000, 2000, 4).png().toBuffer()),
      /transparent areas/,
      /透明/,
    );
  });
  test('an SVG', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect width="3000" height="2000"/></svg>';
    expectOne(await problemsOf('drawing.svg', svg), /SVG drawing/, /SVG/);
  });
  test('an SVG disguised as a JPEG', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect width="3000" height="2000"/></svg>';
    expectOne(await problemsOf('drawing.jpg', svg), /in SVG format/, /SVG 格式/);
  });
  test('a GIF', async () => {
    expectOne(
      await problemsOf('anim.gif', await solid(2000, 1500).gif().toBuffer()),
      /in GIF format/,
      /GIF 格式/,
    );
  });
  test('too small for the largest rendition', async () => {
    expectOne(
      await problemsOf('thumb.jpg', await solid(640, 480).jpeg().toBuffer()),
      /only 640×480 pixels/,
      /只有 640×480 像素/,
    );
  });
  test('a 60-megapixel image is refused without decoding it', async () => {
    const huge = await solid(9000, 6700).jpeg({ quality: 40 }).toBuffer();
    expectOne(await problemsOf('huge.jpg', huge), /9000×6700 \(60 megapixels\)/, /60 百万像素/);
  });
  test('the long side counts after EXIF rotation (a portrait photo)', async () => {
    const portrait = await solid(1300, 2000).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await problemsOf('portrait.jpg', portrait)).toEqual([]);
  });
});
