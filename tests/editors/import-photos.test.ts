// `npm run import -- photos` on a fixture copy of the project, with photo folders made here by
// sharp: camera JPEGs with EXIF dates, a duplicate (of the folder and of the site), HEIC by name
// and by content, a corrupt JPEG, a thumbnail, a PNG, a WeChat-named file and an empty folder.
// After the import the check names exactly the fields to fill; once filled, the build publishes.
// One copy of the project for both tests (the first writes nothing into it, and says so). The
// messages come from runImport() and runCheck(), the functions the commands call, in this process;
// `npm run import` itself runs twice (a refusal and the --skip-bad import: exit code, the report
// printed, files written), and `npm run build` once (the filled-in photos published).
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { runImport } from '../../src/import/photos/cli';
import { projectRoot } from '../support/build-site';
import { copyProject, fingerprintTree, removeFixtures, runScript } from '../support/fixture';

afterAll(removeFixtures);

// The spawned importer starts Vite (several seconds, far more on a busy machine), and the second
// test also builds the site: the limits are generous on purpose.

const photos = 'src/content/photos';

/** A camera-size JPEG with an EXIF date taken ("2008:01:30 19:35:12"), or none. */
function cameraJpeg(colour: string, taken?: string, width = 2400, height = 1600): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } }).jpeg();
  return (
    taken
      ? image.withExif({ IFD0: { Make: 'Nianjian test' }, IFD2: { DateTimeOriginal: taken } })
      : image
  ).toBuffer();
}

/** The start of an iPhone HEIC file: an `ftyp` box with the heic brand. */
const heicBytes = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic\0\0\0\0mif1heic'),
  Buffer.alloc(512, 7),
]);

/** Lines of the guide's ```sh blocks that run the photo importer. */
async function guideImports(file: string): Promise<string[]> {
  const markdown = await readFile(join(projectRoot, file), 'utf8');
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)]
    .flatMap((match) => (match[1] ?? '').split('\n'))
    .filter((line) => line.startsWith('npm run import -- photos'));
}

/** `npm run import -- photos …args` itself: a child Node, its exit code and what it printed. */
const importPhotosCommand = (root: string, args: string[]) =>
  runScript(root, 'scripts/import.mjs', ['photos', ...args]);

/**
 * The same in this process: runImport() is what scripts/import.mjs calls, with the copy's root as
 * the folder the command runs in (where a relative folder is read from).
 */
async function importPhotos(
  root: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runImport(args, root, (text) => lines.push(text), root);
  return { code, output: lines.join('\n') };
}

/** `npm run check` in this process: runCheck() is what scripts/check.mjs runs. */
async function checkInProcess(root: string): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCheck([], root, (text) => lines.push(text));
  return { code, output: lines.join('\n') };
}

let root = '';
beforeAll(async () => {
  root = await copyProject('nianjian-import-photos-');
}, 240_000);

/** `file:line — field "name"` of every problem the check prints in English. */
const problemsOf = (output: string) =>
  [...output.matchAll(/^ {3}(src\/content\/\S+?):\d+ — field "([^"]+)"/gm)].map(
    (match) => `${match[1] ?? ''} ${match[2] ?? ''}`,
  );

describe('npm run import -- photos', () => {
  test('bad input: nothing written, a clear message in both languages', async () => {
    const before = await fingerprintTree(join(root, photos));
    await mkdir(join(root, 'empty'));
    await writeFile(join(root, 'empty', 'notes.txt'), 'not a photo');
    await mkdir(join(root, 'one'));
    await writeFile(
      join(root, 'one', 'IMG_0001.JPG'),
      await cameraJpeg('#8a5a3c', '2008:01:30 19:00:00'),
    );

    // The command itself once: a refusal exits 1 and is printed.
    const empty = await importPhotosCommand(root, ['empty', '--event', 'bonfire-party']);
    expect(empty.code).toBe(1);
    expect(empty.output).toContain('里没有照片');
    expect(empty.output).toContain('holds no images');
    expect(empty.output).toContain('notes.txt');

    const noEvent = await importPhotos(root, ['one', '--event', 'bonfire-night']);
    expect(noEvent.code).toBe(1);
    expect(noEvent.output).toContain('没有活动“bonfire-night”');
    expect(noEvent.output).toMatch(
      /no event "bonfire-night" .*existing events: air-volleyball-match, bonfire-party, olympic-long-distance-run/,
    );

    const neither = await importPhotos(root, ['one']);
    expect(neither.code).toBe(1);
    expect(neither.output).toContain('--event <slug>');

    const badYear = await importPhotos(root, ['one', '--year', '08']);
    expect(badYear.output).toContain('--year must be a four-digit year');

    const noFolder = await importPhotos(root, ['nowhere', '--event', 'bonfire-party']);
    expect(noFolder.output).toContain('there is no folder nowhere');

    for (const result of [empty, noEvent, neither, badYear, noFolder])
      expect(result.output).toContain('Nothing was imported');
    expect(await fingerprintTree(join(root, photos))).toBe(before);
    expect((await readdir(root)).filter((name) => name.startsWith('.import-photos'))).toEqual([]);
  }, 600_000);

  test('a camera folder: refused unless --skip-bad; check names the fields to fill; filled, it builds', async () => {
    const created: string[] = [];

    // The guide's commands, as written, each with a folder of two good photos.
    const zhCommands = await guideImports('docs/editing.zh-CN.md');
    expect(zhCommands.length).toBeGreaterThan(0);
    expect(await guideImports('docs/editing.en.md')).toEqual(zhCommands);
    for (const [index, line] of zhCommands.entries()) {
      const args = line.split(/\s+/).slice(line.split(/\s+/).indexOf('--') + 2);
      const folder = join(root, args[0] ?? '');
      await mkdir(folder, { recursive: true });
      for (const n of [1, 2])
        await writeFile(
          join(folder, `DSC_00${String(index)}${String(n)}.JPG`),
          await cameraJpeg(
            `#${String(index)}${String(n)}6040`,
            '2008:01:30 19:0' + String(n) + ':00',
          ),
        );
      const result = await importPhotos(root, args);
      expect(result.code, `${line}\n${result.output}`).toBe(0);
      created.push(...[...result.output.matchAll(/→ (\S+)\.(?:jpg|png)/g)].map((m) => m[1] ?? ''));
    }
    expect(created).toEqual([
      'bonfire-party-01',
      'bonfire-party-02',
      'photo-2007-01',
      'photo-2007-02',
    ]);
    expect(await readFile(join(root, photos, 'photo-2007-01.yaml'), 'utf8')).toMatch(
      /^year: 2007$/m,
    );

    // The messy folder from a camera card and a phone.
    const card = join(root, 'card');
    await mkdir(card);
    const first = await cameraJpeg('#3c5a8a', '2008:01:30 19:35:12');
    await writeFile(join(card, 'IMG_2041.JPG'), first);
    await writeFile(join(card, 'IMG_2041 副本.JPG'), first);
    await writeFile(join(card, 'IMG_2042.JPG'), await cameraJpeg('#5a3c8a', '2008:01:31 09:00:00'));
    await writeFile(join(card, '微信图片_20080130203512.jpg'), await cameraJpeg('#5a8a3c'));
    await copyFile(join(root, photos, 'musical.jpg'), join(card, 'IMG_1999.JPG'));
    await writeFile(
      join(card, 'IMG_3001.HEIC'),
      await cameraJpeg('#777777', '2008:01:30 19:00:00'),
    );
    await writeFile(join(card, 'IMG_3002.jpg'), heicBytes);
    const broken = await cameraJpeg('#aa3333', '2008:01:30 20:00:00');
    await writeFile(join(card, 'IMG_2050.JPG'), broken.subarray(0, broken.length >> 1));
    await writeFile(
      join(card, 'thumb_2043.jpg'),
      await cameraJpeg('#33aa33', '2008:01:30 20:00:00', 640, 480),
    );
    await writeFile(
      join(card, 'Screenshot_2008-01-30.png'),
      await sharp({ create: { width: 2532, height: 1170, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer(),
    );
    await writeFile(join(card, 'Thumbs.db'), 'windows thumbnail cache');

    const before = await fingerprintTree(join(root, photos));
    const refused = await importPhotos(root, ['card', '--event', 'bonfire-party']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Nothing was imported');
    expect(await fingerprintTree(join(root, photos))).toBe(before);
    const reasons: [string, RegExp][] = [
      ['IMG_3002.jpg', /HEIC\/HEIF[\s\S]*导出为 JPEG[\s\S]*export as JPEG/],
      [
        'IMG_3001.HEIC',
        /名说是 \.HEIC，内容却是 JPEG[\s\S]*named as \.HEIC but its content is JPEG/,
      ],
      ['IMG_2050.JPG', /损坏或不完整[\s\S]*damaged or incomplete/],
      ['thumb_2043.jpg', /640×480[\s\S]*at least 1920 pixels/],
    ];
    for (const [name, reason] of reasons) {
      const entry = refused.output.slice(refused.output.indexOf(`  ${name}：`));
      expect(entry, name).toMatch(reason);
    }

    // The command itself: exit 0, the report printed, the files written (read below).
    const result = await importPhotosCommand(root, [
      'card',
      '--event',
      'bonfire-party',
      '--skip-bad',
    ]);
    expect(result.code, result.output).toBe(0);
    const output = result.output;
    expect(output).toContain('✓ 已导入 Imported 4');
    expect(output).toMatch(/IMG_2041\.JPG → bonfire-party-03\.jpg · order 11 · 2400×1600/);
    expect(output).toContain('IMG_2042.JPG → bonfire-party-04.jpg');
    expect(output).toMatch(/EXIF 拍摄日期 2008-01-31 与活动 bonfire-party 的日期 2008-01-30 不符/);
    expect(output).toMatch(
      /Screenshot_2008-01-30\.png → bonfire-party-05\.png[\s\S]*?usually a screenshot/,
    );
    expect(output).toMatch(
      /微信图片_20080130203512\.jpg → bonfire-party-06\.jpg[\s\S]*?WeChat saved/,
    );
    expect(output).toContain('IMG_2041 副本.JPG：与 IMG_2041.JPG 内容相同');
    expect(output).toContain(`IMG_1999.JPG：与 ${photos}/musical.jpg 内容相同`);
    expect(output).toContain('Not images, left alone 1: Thumbs.db');
    expect(output).toContain('npm run check');
    const entry = await readFile(join(root, photos, 'bonfire-party-03.yaml'), 'utf8');
    expect(entry).toMatch(/^date: 2008-01-30$/m);
    expect(await readFile(join(root, photos, 'bonfire-party-04.yaml'), 'utf8')).not.toMatch(
      /^date:/m,
    );
    expect(await readFile(join(root, photos, 'bonfire-party-03.jpg'))).toEqual(first);

    // Again: everything is a duplicate now, nothing new.
    const again = await importPhotos(root, ['card', '--event', 'bonfire-party', '--skip-bad']);
    expect(again.output).toContain('No new photos to import');
    expect(again.output).toContain('Skipped duplicates 6');

    // The check lists exactly the fields to fill, and nothing else.
    const slugs = [
      ...created,
      'bonfire-party-03',
      'bonfire-party-04',
      'bonfire-party-05',
      'bonfire-party-06',
    ];
    const fields = ['caption.zh', 'caption.en', 'alt.zh', 'alt.en', 'credit.zh', 'credit.en'];
    const check = await checkInProcess(root);
    expect(check.code).toBe(1);
    expect(problemsOf(check.output).sort()).toEqual(
      slugs.flatMap((slug) => fields.map((field) => `${photos}/${slug}.yaml ${field}`)).sort(),
    );

    // Filled in, the photos are published.
    for (const slug of slugs) {
      const file = join(root, photos, `${slug}.yaml`);
      const text = (await readFile(file, 'utf8'))
        .replace(
          /^caption:\n {2}zh: ""\n {2}en: ""/m,
          'caption:\n  zh: 篝火晚会现场\n  en: At the bonfire party',
        )
        .replace(
          /^alt:\n {2}zh: ""\n {2}en: ""/m,
          `alt:\n  zh: 舞台上的演员（${slug}）\n  en: Performers on the stage (${slug})`,
        )
        .replace(
          /^credit:\n {2}zh: ""\n {2}en: ""/m,
          'credit:\n  zh: 摄影：张三\n  en: "Photo: Zhang San"',
        );
      await writeFile(file, text);
    }
    const build = await runScript(root, 'scripts/build.mjs');
    expect(build.code, build.output.slice(-3000)).toBe(0);
    for (const slug of slugs) {
      expect(existsSync(join(root, 'dist', 'gallery', 'photos', slug, 'index.html')), slug).toBe(
        true,
      );
      expect(
        existsSync(join(root, 'dist', 'en', 'gallery', 'photos', slug, 'index.html')),
        slug,
      ).toBe(true);
    }
  }, 1_200_000);
});
