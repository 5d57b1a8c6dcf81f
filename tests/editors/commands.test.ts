// The real commands with bad input, as an editor runs them: `npm run check` and `npm run new` exit
// non-zero and print the problem; `npm run build` (scripts/build.mjs) and `astro build` alone stop,
// print the same problems as the check, and never leave a half-built dist/. These prove the wiring;
// the cases themselves run in-process (bad-input.test.ts, broken-content.test.ts). The build lock
// and a kill during the swap: build-lock.test.ts.
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { runNew } from '../../src/editing/new';
import { buildSite, projectRoot } from '../support/build-site';
import {
  copyProject,
  edit,
  fingerprintTree,
  removeFixtures,
  runScript,
  seedDist,
} from '../support/fixture';

afterAll(removeFixtures);

const hotelZh = 'src/content/units/zh-cn/2007/hotel.mdx';
const hotelEn = 'src/content/units/en/2007/hotel.mdx';
const hospitalEn = 'src/content/units/en/2007/hospital.mdx';

/** A command run in this process: the function its script calls, what it printed, its exit code. */
async function inProcess(
  run: (args: string[], root: string, print: (text: string) => void) => Promise<number>,
  root: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await run(args, root, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('the real commands', () => {
  // One copy for these cases: each changes only the files put back after it (and dist/).
  let root = '';
  beforeAll(async () => {
    root = await copyProject();
  });
  afterEach(async () => {
    for (const file of [hotelZh, hotelEn, hospitalEn])
      await copyFile(join(projectRoot, file), join(root, file));
    await rm(join(root, 'dist'), { recursive: true, force: true });
  });

  test('npm run check exits 1 and prints the problem (scripts/check.mjs)', async () => {
    const before = await seedDist(root);
    await edit(root, hotelZh, 'kind: business-unit', 'kind: factory');
    const result = await runScript(root, 'scripts/check.mjs');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${hotelZh}:3 — 字段 field "kind"`);
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
  });

  test('npm run check -- --translations lists stale and missing translations', async () => {
    await edit(root, hotelZh, '组员轮值班长制', '组员轮流值班长制');
    await unlink(join(root, hospitalEn));
    const result = await runScript(root, 'scripts/check.mjs', ['--translations']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/译文过期 stale\s+units\/2007\/hotel/);
    expect(result.output).toMatch(/缺少译文 missing\s+units\/2007\/hospital/);
    // Marking the translation current clears it: through runCheck(), what the command calls
    // (`npm run check -- --mark-translated` itself runs in guide.test.ts).
    expect((await inProcess(runCheck, root, ['--mark-translated', hotelEn])).code).toBe(0);
    expect((await inProcess(runCheck, root, ['--translations'])).output).toMatch(
      /已同步 current\s+units\/2007\/hotel /,
    );
  });

  // `npm run new` itself runs once below (con: exit code, message, nothing created); the refusals
  // are made in runNew(), the function it calls, so the other cases run that in this process.
  test('hostile: npm run new refuses a slug with ../ and creates nothing', async () => {
    const before = await seedDist(root);
    const result = await inProcess(runNew, root, [
      'unit',
      '../../escape',
      '--zh',
      '越界',
      '--en',
      'Escape',
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('field "slug"');
    expect(result.output).toContain('Nothing was created');
    expect(existsSync(join(root, 'src/content/escape.mdx'))).toBe(false);
    expect(existsSync(join(root, '../escape.mdx'))).toBe(false);
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
  });

  test('npm run new refuses the names Windows reserves (con, aux, nul, com1, lpt1, prn)', async () => {
    const args = (name: string) => ['unit', name, '--zh', '单位', '--en', 'Unit'];
    // The command itself once (exit code, message, nothing created); the other names through the
    // function it calls (runNew), which is where the refusal is made: the same words, no child.
    const command = await runScript(root, 'scripts/new.mjs', args('con'));
    const names = ['aux', 'nul', 'com1', 'lpt1', 'prn'];
    const inProcessResults = await Promise.all(
      names.map((name) => inProcess(runNew, root, args(name))),
    );
    for (const [name, result] of [
      ['con', command] as const,
      ...names.map((name, index) => [name, inProcessResults[index]] as const),
    ]) {
      expect(result?.code, name).toBe(1);
      expect(result?.output).toContain(`"${name}" is a device name reserved by Windows`);
      expect(existsSync(join(root, `src/content/units/zh-cn/2007/${name}.mdx`))).toBe(false);
    }
  });

  test('npm run new refuses a slug that exists, and a Chinese slug', async () => {
    const existing = await inProcess(runNew, root, [
      'unit',
      'hotel',
      '--zh',
      '宾馆',
      '--en',
      'Hotel',
    ]);
    expect(existing.code).toBe(1);
    expect(existing.output).toContain('already has "hotel"');
    const chinese = await inProcess(runNew, root, [
      'term',
      '六常法',
      '--zh',
      '六常法',
      '--en',
      'Six',
    ]);
    expect(chinese.code).toBe(1);
    expect(chinese.output).toContain('cannot be a file name');
  });
});

describe('npm run build never leaves a half-built dist/', () => {
  test('content problems: the build stops before building, dist/ untouched', async () => {
    const root = await copyProject();
    const before = await seedDist(root);
    await edit(root, hotelZh, 'six-constants', 'seven-constants');
    const result = await runScript(root, 'scripts/build.mjs');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${hotelZh}:5 — 字段 field "practices.1"`);
    expect(result.output).toContain('dist/ was left exactly as it was');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(join(root, '.dist-tmp'))).toBe(false);
  });

  test('astro build fails half-way: dist/ untouched, the file named', async () => {
    const root = await copyProject();
    const before = await seedDist(root);
    // Content passes the check (every content rule is in it), so break the code: a page that
    // throws while rendering, as a bad component would.
    await writeFile(
      join(root, 'src/pages/broken-page.astro'),
      "---\nthrow new Error('src/pages/broken-page.astro: this page is broken on purpose; remove it');\n---\n",
    );
    const result = await runScript(root, 'scripts/build.mjs');
    expect(result.code).toBe(1);
    expect(result.output).toContain('内容检查通过');
    expect(result.output).toContain('src/pages/broken-page.astro');
    expect(result.output).toContain('dist/ 保持原样');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(join(root, '.dist-tmp'))).toBe(false);
  });

  test('astro build alone refuses MDX outside the allowlist, with the same message as the check', async () => {
    const root = await copyProject();
    await edit(
      root,
      hotelZh,
      '</ReportQuote>',
      '</ReportQuote>\n\n<img src="./missing.jpg" alt="大堂" onerror="document.title=1" />\n\n{process.env.HOME}\n',
    );
    const outDir = join(root, 'out');
    const result = await buildSite({ root, outDir, env: { NIANJIAN_PDF: 'off' } });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/content/units/zh-cn/2007/hotel.mdx');
    expect(result.output).toContain('onerror=');
    expect(result.output).toContain(
      "has the event handler onerror=, which would run code in the reader's browser",
    );
    expect(result.output).toContain('has the expression {process.env.HOME}');
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });

  test('astro build alone refuses a symbolic link in src/content/', async () => {
    const root = await copyProject();
    await symlink(
      join(root, 'src/content/glossary/six-constants.yaml'),
      join(root, 'src/content/glossary/six-rules.yaml'),
    );
    const result = await buildSite({
      root,
      outDir: join(root, 'out'),
      env: { NIANJIAN_PDF: 'off' },
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/content/glossary/six-rules.yaml');
    expect(result.output).toContain('symbolic links');
  });

  // A good build replacing dist/ after a failed one: build-lock.test.ts ("a real kill between the
  // swap's two renames, then a normal build"), which makes that full build anyway.
  test('a post-build step fails after a complete build: dist/ untouched, nothing left behind', async () => {
    const root = await copyProject();
    const before = await seedDist(root);
    const steps = join(root, 'scripts/build-steps.mjs');
    const original = await readFile(steps, 'utf8');
    await writeFile(
      steps,
      original.replace(
        'export const postBuildSteps = [];',
        "export const postBuildSteps = [{ name: 'PDF edition', run: () => { throw new Error('no Chromium'); } }];",
      ),
    );
    const failed = await runScript(root, 'scripts/build.mjs');
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('step "PDF edition" failed');
    expect(failed.output).toContain('dist/ was left exactly as it was');
    expect(await fingerprintTree(join(root, 'dist'))).toBe(before);
    expect(existsSync(join(root, '.dist-tmp'))).toBe(false);
    expect(existsSync(join(root, '.build.lock'))).toBe(false);
  });
});

describe('astro build alone prints the problems the check finds (broken-content.test.ts has the cases)', () => {
  test('every cross-entry problem at once, with the same words', async () => {
    const root = await copyProject();
    await unlink(join(root, 'src/content/units/en/2007/hospital.mdx'));
    await edit(root, hotelZh, 'six-constants', 'seven-constants');
    await edit(
      root,
      'src/content/reports/zh-cn/2007.mdx',
      '<Metric id="teams.excellentRate" />',
      '67％',
    );
    await edit(
      root,
      'src/content/photos/long-distance-run.yaml',
      'event: olympic-long-distance-run',
      'event: marathon',
    );
    await edit(root, hotelEn, 'sections: [highlights]', 'sections: [highlights, conclusions]');
    const result = await buildSite({
      root,
      outDir: join(root, 'dist'),
      env: { NIANJIAN_PDF: 'off' },
    });
    expect(result.code).not.toBe(0);
    for (const fragment of [
      'src/content/units/zh-cn/2007/hospital.mdx — field "(counterpart)" has no en counterpart',
      '问题：缺少 en 语言版本',
      'Fix: add src/content/units/en/2007/hospital.mdx',
      `${hotelZh}:5 — field "practices.1" refers to "seven-constants", which is not in the glossary collection`,
      "add it to 2007's figures file (src/content/metrics/2007.yaml) as a figure",
      '不是 2007 年度总结中的标题 id',
      'Fix the above and build again; nothing was published.',
    ])
      expect(result.output, result.output).toContain(fragment);
    for (const line of [
      String.raw`src\/content\/reports\/zh-cn\/2007\.mdx:\d+ — field "\(prose\)" "67[％%]" ` +
        'is typed by hand and matches no figure of 2007',
      String.raw`src\/content\/photos\/long-distance-run\.yaml:\d+ — field "event" refers to "marathon", ` +
        'which is not in the events collection',
      String.raw`src\/content\/units\/en\/2007\/hotel\.mdx:\d+ — field "sections\.1" names "conclusions", ` +
        'which is not a heading id of the 2007 report',
    ])
      expect(result.output).toMatch(new RegExp(line));
    expect(existsSync(join(root, 'dist', 'index.html'))).toBe(false);
  });

  test('a schema problem: Astro names the entry, the schema says what is wrong', async () => {
    const root = await copyProject();
    const metrics = 'src/content/metrics/2007.yaml';
    await edit(
      root,
      metrics,
      '  - id: teams.total\n    label:',
      '  - id: teams.total\n    labl: { zh: 班组, en: Teams }\n    label:',
    );
    await edit(root, metrics, '    value: 71\n', '    value: 七十一\n');
    const result = await buildSite({
      root,
      outDir: join(root, 'dist'),
      env: { NIANJIAN_PDF: 'off' },
    });
    expect(result.code).not.toBe(0);
    for (const fragment of [
      'metrics → 2007 data does not match collection schema',
      metrics,
      '`labl`: did you mean `label`?',
      '`labl`：是不是 `label`？',
      'must be a whole number of 0 or more',
    ])
      expect(result.output, result.output).toContain(fragment);
  });
});
