// The editor guides' copy-paste examples work as written: every `npm run new -- …` command in
// docs/editing.*.md is taken from the Markdown itself (so guide and test cannot drift), run in a
// fixture copy of the project, and the result must pass the check and build.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { runNew } from '../../src/editing/new';
import { projectRoot } from '../support/build-site';
import { copyProject, removeFixtures, runScript } from '../support/fixture';

afterAll(removeFixtures);

/** Lines of the guide's ```sh blocks that start with `npm run <script>`. */
async function guideCommands(file: string, script: string): Promise<string[]> {
  const markdown = await readFile(join(projectRoot, file), 'utf8');
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith(`npm run ${script}`));
}

/** Splits a command line as a shell would for these examples: spaces, and "double quotes". */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** The arguments after `npm run <script> --`. */
function scriptArguments(line: string): string[] {
  const words = shellWords(line);
  return words.slice(words.indexOf('--') + 1);
}

/**
 * `npm run new -- …args` in this process: runNew() is what scripts/new.mjs runs, here with the
 * copy's root as the folder the command runs in (where `--image` is read from).
 */
async function newInProcess(
  root: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runNew(args, root, (line) => lines.push(line), root);
  return { code, output: lines.join('\n') };
}

/** `npm run check -- …args` in this process: runCheck() is what scripts/check.mjs runs. */
async function checkInProcess(
  root: string,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runCheck(args, root, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('the editor guide', () => {
  test('both languages give the same commands', async () => {
    for (const script of ['new', 'check', 'build', 'dev', 'pdf']) {
      const zh = await guideCommands('docs/editing.zh-CN.md', script);
      expect(zh.length, script).toBeGreaterThan(0);
      expect(await guideCommands('docs/editing.en.md', script)).toEqual(zh);
    }
    const kinds = (await guideCommands('docs/editing.zh-CN.md', 'new')).map(
      (line) => scriptArguments(line)[0],
    );
    expect(new Set(kinds)).toEqual(new Set(['unit', 'event', 'photo', 'term', 'report']));
  });

  test('every scaffold command works as written; filled in, the result passes the check and builds', async () => {
    const root = await copyProject('nianjian-guide-');
    const created: string[] = [];
    for (const line of await guideCommands('docs/editing.zh-CN.md', 'new')) {
      const args = scriptArguments(line);
      const imageIndex = args.indexOf('--image');
      if (imageIndex >= 0) {
        // The editor's photo, where the guide says to put it: a camera-size JPEG.
        const image = join(root, args[imageIndex + 1] ?? '');
        await mkdir(dirname(image), { recursive: true });
        await writeFile(
          image,
          await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#8a5a3c' } })
            .jpeg()
            .toBuffer(),
        );
      }
      // The first through `npm run new` itself; the others (the photo's too: its --image is read
      // from the copy's root, where the command runs) through runNew(), which the command calls
      // with exactly these arguments (the same code, without starting Node and Vite each time).
      const result =
        created.length === 0
          ? await runScript(root, 'scripts/new.mjs', args)
          : await newInProcess(root, args);
      expect(result.code, `${line}\n${result.output}`).toBe(0);
      created.push(...[...result.output.matchAll(/created (\S+)/g)].map((match) => match[1] ?? ''));
    }
    expect(created).toEqual(
      expect.arrayContaining([
        'src/content/units/zh-cn/2007/water-plant-team-1.mdx',
        'src/content/units/en/2007/water-plant-team-1.mdx',
        'src/content/glossary/five-s-management.yaml',
        'src/content/reports/zh-cn/2008.mdx',
        'src/content/reports/en/2008.mdx',
        'src/content/metrics/2008.yaml',
        'src/content/timelines/2008.yaml',
        'src/content/events/zh-cn/tug-of-war-2009.yaml',
        'src/content/events/en/tug-of-war-2009.yaml',
        'src/content/photos/tug-of-war-final.yaml',
        'src/content/photos/tug-of-war-final.jpg',
      ]),
    );

    // Where the editor must write, the scaffolds say 待填写 / TO FILL IN. The check refuses that
    // wherever it would be published: the new term, and the event and photo of a published year.
    const unfinished = await runScript(root, 'scripts/check.mjs');
    expect(unfinished.code, unfinished.output).not.toBe(0);
    for (const file of [
      'src/content/glossary/five-s-management.yaml',
      'src/content/events/zh-cn/tug-of-war-2009.yaml',
      'src/content/photos/tug-of-war-final.yaml',
    ])
      expect(unfinished.output).toContain(file);
    expect(unfinished.output).toContain('待填写');
    // The editor fills in each marked place, as the guide says (here: the marker's own words).
    for (const file of created.filter((path) => /\.(mdx|yaml)$/.test(path))) {
      const text = await readFile(join(root, file), 'utf8');
      await writeFile(join(root, file), text.replace(/待填写：|TO FILL IN: /g, ''));
    }
    // `npm run check` itself ran above (and runs below for the guide's --mark-translated); the
    // steps between run through runCheck(), which the command calls with the same arguments.
    await checkInProcess(root, [
      '--mark-translated',
      ...created.filter((path) => path.includes('/en/') && path.endsWith('.mdx')),
    ]);
    const check = await checkInProcess(root);
    expect(check.code, check.output).toBe(0);
    // The guide's --mark-translated commands for the files these scaffolds made run here; the one in
    // section 7b names the imported 2008 year's files, and tests/editors/import-forward.test.ts runs it.
    let markCommandsRun = 0;
    for (const line of await guideCommands('docs/editing.zh-CN.md', 'check')) {
      const args = scriptArguments(line);
      if (args[0] !== '--mark-translated') continue;
      const files = args.slice(1);
      if (!files.every((file) => created.includes(file))) {
        expect(
          line,
          'a guide command for files neither the scaffolds nor the import make',
        ).toContain('src/content/units/en/2008/hotel.mdx');
        continue;
      }
      // The first as the command itself; any other through runCheck() with the same arguments.
      const marked =
        markCommandsRun === 0
          ? await runScript(root, 'scripts/check.mjs', args)
          : await checkInProcess(root, args);
      expect(marked.code, marked.output).toBe(0);
      markCommandsRun += 1;
    }
    expect(markCommandsRun).toBeGreaterThan(0);

    // One more unit that stays a draft: it must stay out of the production build below.
    const draft = await newInProcess(root, [
      'unit',
      'draft-team',
      '--zh',
      '草稿班组',
      '--en',
      'Draft Team',
    ]);
    expect(draft.code, draft.output).toBe(0);

    // Publish the guide's drafts, as the guide says, and build.
    for (const file of created.filter((path) => path.endsWith('.mdx'))) {
      const text = await readFile(join(root, file), 'utf8');
      await writeFile(join(root, file), text.replace(/^draft: true$/m, 'draft: false'));
    }
    await checkInProcess(root, [
      '--mark-translated',
      'src/content/units/en/2007/water-plant-team-1.mdx',
      'src/content/reports/en/2008.mdx',
    ]);
    const build = await runScript(root, 'scripts/build.mjs');
    expect(build.code, build.output).toBe(0);
    for (const page of [
      '2007/units/water-plant-team-1/index.html',
      'en/2007/units/water-plant-team-1/index.html',
      '2008/index.html',
      'en/2008/index.html',
    ]) {
      expect(existsSync(join(root, 'dist', page)), page).toBe(true);
    }
    expect(await readFile(join(root, 'dist/glossary/index.html'), 'utf8')).toContain('5S管理');
    // The scaffold's <Metric id="teams.total" /> is 2007's figure on the unit's history page too,
    // which shows every year at once (each year's text with its own year's figures).
    expect(await readFile(join(root, 'dist/units/water-plant-team-1/index.html'), 'utf8')).toMatch(
      />108</,
    );
    expect(
      await readFile(join(root, 'dist/en/2007/units/water-plant-team-1/index.html'), 'utf8'),
    ).toContain('Purified Water Plant Team 1');

    // Drafts stay out of a production build: no page, no sitemap entry, no listing.
    expect(existsSync(join(root, 'dist/2007/units/draft-team/index.html'))).toBe(false);
    expect(await readFile(join(root, 'dist/sitemap-0.xml'), 'utf8')).not.toContain('draft-team');
    expect(await readFile(join(root, 'dist/2007/units/index.html'), 'utf8')).not.toContain(
      '草稿班组',
    );
  });
});
