// Tiny fixture sites: the real project with one mistake each. The build must stop and say
// which file and field are wrong, and how to fix them.
import { unlink, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site';
import { copyProject, removeFixtures } from '../support/fixture';

/** A copy of the project with `breakIt` applied, built; returns the build result. */
async function buildBroken(breakIt: (root: string) => Promise<void>) {
  const root = await copyProject();
  await breakIt(root);
  return buildSite({ root, outDir: join(root, 'dist') });
}

afterAll(removeFixtures);

describe('a build with broken content fails and names the problem', () => {
  test('a unit without its English counterpart', async () => {
    const result = await buildBroken((root) => unlink(join(root, 'src/content/units/en/hotel.mdx')));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/content/units/zh-cn/hotel.mdx — field "(counterpart)" has no en counterpart');
    expect(result.output).toContain('Fix: add src/content/units/en/hotel.mdx');
  });

  test('a practice that is not in the glossary', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/units/zh-cn/hotel.mdx');
      await writeFile(file, (await readFile(file, 'utf8')).replace('six-constants', 'seven-constants'));
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/content/units/zh-cn/hotel.mdx — field "practices.1" refers to "seven-constants", which is not in the glossary collection');
  });

  test('a hand-typed percentage that contradicts the data', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/reports/zh-cn/2007.mdx');
      await writeFile(file, (await readFile(file, 'utf8')).replace('<Metric id="teams.excellentRate" />', '67％'));
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/src\/content\/reports\/zh-cn\/2007\.mdx:\d+ — field "\(prose\)" "67％" contradicts the data \(teams\.excellentRate is 66%\)/);
    expect(result.output).toContain('Fix: write <Metric id="teams.excellentRate" /> instead of typing the number');
  });

  test('a count written as text', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/metrics/2007.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('excellent: { value: 71,', 'excellent: { value: 七十一,'));
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('metrics → 2007 data does not match collection schema');
    expect(result.output).toContain('teams.excellent.value: must be a whole number of 0 or more, or "not reported"');
    expect(result.output).toContain('src/content/metrics/2007.yaml');
  });

  test('a photo whose event does not exist', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/photos/long-distance-run.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('event: olympic-long-distance-run', 'event: marathon'));
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/content/photos/long-distance-run.yaml — field "event" refers to "marathon", which is not in the events collection');
  });

  test('a photo without alt text', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/photos/musical.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/\nalt:\n  zh: .*\n  en: .*\n/, '\n'));
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('alt is missing: give alt.zh and alt.en, describing what the photo shows');
    expect(result.output).toContain('src/content/photos/musical.yaml');
  });
});
