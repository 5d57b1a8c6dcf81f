// Generates the gallery's stand-in photos: src/content/photos/<slug>.jpg, one per photo entry.
//
// We have none of the original photos, so each stand-in is a clearly labelled flat picture
// ("示例图片 / SAMPLE IMAGE" and the entry's caption) saved the way a camera saves a photo:
// 4000 × 3000 pixels, EXIF with make, model, body serial number, capture date and a GPS block,
// and on some of them an EXIF orientation other than 1 (the pixels stored sideways or upside down,
// as a phone held that way would). That exercises the whole image pipeline: the build must turn
// them upright and strip every piece of metadata. The GPS position and serial numbers are made up.
//
// Run once after adding or changing a photo entry, then commit the JPEGs:
//   node_modules/.bin/node scripts/make-sample-photos.mjs [slug …]
// It draws text with the system's CJK font (Debian: fonts-noto-cjk); the site build needs no font.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';

const folder = 'src/content/photos';
const width = 4000;
const height = 3000;

/** EXIF orientation per photo: 6 and 8 store the picture turned a quarter, 3 upside down. */
const orientations = {
  'dance-rainy-lane': 6,
  'bonfire-song-and-dance': 8,
  'taekwondo-show': 3,
  'long-distance-run': 6,
};
/** Flat background and accent colours, one pair per photo, so the stand-ins are easy to tell apart. */
const palettes = [
  ['#7a1f2b', '#c9483b'],
  ['#1f4e6b', '#3d86a8'],
  ['#6b3a12', '#d0802b'],
  ['#2d3f1f', '#6e8f3a'],
  ['#3b2a5c', '#7a62b0'],
  ['#0f4a46', '#2f9186'],
];

const escapeXml = (text) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Breaks text into lines of at most `max` characters: at spaces for English, anywhere for Chinese. */
function wrap(text, max) {
  const lines = [];
  let line = '';
  for (const token of text.includes(' ') ? text.split(/(?<= )/) : [...text]) {
    if ((line + token).trimEnd().length > max && line) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += token;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

function svgFor(entry, index) {
  const [dark, light] = palettes[index % palettes.length];
  const zh = wrap(entry.caption.zh, 24);
  const en = wrap(entry.caption.en, 56);
  const text = (lines, y, size, weight) =>
    lines
      .map(
        (line, i) =>
          `<text x="300" y="${y + i * size * 1.35}" font-size="${size}" font-weight="${weight}">` +
          `${escapeXml(line)}</text>`,
      )
      .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="${width}" height="${height}" fill="${dark}"/>
  <circle cx="3750" cy="300" r="650" fill="${light}"/>
  <rect x="0" y="2550" width="${width}" height="450" fill="${light}"/>
  <rect x="200" y="220" width="2550" height="330" rx="40" fill="#ffffff"/>
  <g font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" fill="#ffffff">
    <text x="300" y="445" font-size="150" font-weight="700" fill="${dark}">示例图片 · SAMPLE IMAGE</text>
    ${text(zh, 900, 130, 700)}
    ${text(en, 900 + zh.length * 130 * 1.35 + 80, 84, 400)}
    <text x="300" y="2830" font-size="90" fill="${dark}">不是原照片 · Not the original photograph</text>
  </g>
</svg>`;
}

/** Rotates upright pixels so that a viewer applying `orientation` shows them upright again. */
const storedRotation = { 1: 0, 3: 180, 6: 270, 8: 90 };

/** EXIF degrees-minutes-seconds as rationals, the way cameras write GPS positions. */
const dms = (deg, min, sec) => `${deg}/1 ${min}/1 ${sec * 100}/100`;

async function makePhoto(slug, entry, index) {
  const orientation = orientations[slug] ?? 1;
  const serial = `SAMPLE-${String(index + 1).padStart(4, '0')}`;
  const upright = await sharp(Buffer.from(svgFor(entry, index)))
    .png()
    .toBuffer();
  await sharp(upright)
    .rotate(storedRotation[orientation])
    .withMetadata({ orientation })
    .withExif({
      IFD0: {
        Make: 'Nianjian Sample Camera Co.',
        Model: 'Stand-in 1',
        Software: 'make-sample-photos.mjs',
        Artist: 'Nianjian',
      },
      IFD2: {
        DateTimeOriginal: '2008:01:01 00:00:00',
        BodySerialNumber: serial,
        LensSerialNumber: `${serial}-L`,
      },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: dms(1, 2, 3),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(4, 5, 6),
      },
    })
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(join(folder, `${slug}.jpg`));
  return { slug, orientation, serial };
}

const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.yaml'))
  .sort();
for (const [index, file] of files.entries()) {
  const slug = file.replace(/\.yaml$/, '');
  if (only.length > 0 && !only.includes(slug)) continue;
  const entry = parse(readFileSync(join(folder, file), 'utf8'));
  const made = await makePhoto(slug, entry, (entry.order ?? index + 1) - 1);
  console.log(`${folder}/${made.slug}.jpg  orientation ${made.orientation}  serial ${made.serial}`);
}
