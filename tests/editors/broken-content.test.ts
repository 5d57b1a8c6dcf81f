// `astro build` on its own (without `npm run check` first) refuses broken content too: the real
// project with one mistake each. The build must stop and say which file, line and field are
// wrong, and how to fix them, with the checker's words (src/model/rules.ts). No browser needed.
import { unlink, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site';
import { copyProject, removeFixtures } from '../support/fixture';

/** A copy of the project with `breakIt` applied, built; returns the build result. */
async function buildBroken(breakIt: (root: string) => Promise<void>) {
  const root = await copyProject();
  await breakIt(root);
  return buildSite({ root, outDir: join(root, 'dist'), env: { NIANJIAN_PDF: 'off' } });
}

afterAll(removeFixtures);

describe('a build with broken content fails and names the problem', () => {
  test('a unit without its English counterpart', async () => {
    const result = await buildBroken((root) =>
      unlink(join(root, 'src/content/units/en/2007/hotel.mdx')),
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'src/content/units/zh-cn/2007/hotel.mdx — field "(counterpart)" has no en counterpart',
    );
    expect(result.output).toContain('问题：缺少 en 语言版本');
    expect(result.output).toContain('Fix: add src/content/units/en/2007/hotel.mdx');
  });

  test('a practice that is not in the glossary', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/units/zh-cn/2007/hotel.mdx');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('six-constants', 'seven-constants'),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'src/content/units/zh-cn/2007/hotel.mdx:5 — field "practices.1" refers to "seven-constants", ' +
        'which is not in the glossary collection',
    );
  });

  test('a hand-typed percentage that contradicts the data', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/reports/zh-cn/2007.mdx');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('<Metric id="teams.excellentRate" />', '67％'),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(
        String.raw`src\/content\/reports\/zh-cn\/2007\.mdx:\d+ — field "\(prose\)" "67[％%]" ` +
          String.raw`is typed by hand and matches no figure of 2007`,
      ),
    );
    expect(result.output).toContain(
      "add it to 2007's figures file (src/content/metrics/2007.yaml) as a figure",
    );
  });

  test('a count written as text', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/metrics/2007.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('    value: 71\n', '    value: 七十一\n'),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('metrics → 2007 data does not match collection schema');
    expect(result.output).toContain('must be a whole number of 0 or more');
    expect(result.output).toContain('src/content/metrics/2007.yaml');
  });

  test('a photo whose event does not exist', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/photos/long-distance-run.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace(
          'event: olympic-long-distance-run',
          'event: marathon',
        ),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(
        String.raw`src\/content\/photos\/long-distance-run\.yaml:\d+ — field "event" refers to "marathon", ` +
          String.raw`which is not in the events collection`,
      ),
    );
  });

  test('a unit section that is not a heading of the report (once checked only while rendering)', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/units/en/2007/hotel.mdx');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace(
          'sections: [highlights]',
          'sections: [highlights, conclusions]',
        ),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(
        String.raw`src\/content\/units\/en\/2007\/hotel\.mdx:\d+ — field "sections\.1" names "conclusions", ` +
          String.raw`which is not a heading id of the 2007 report`,
      ),
    );
    expect(result.output).toContain('不是 2007 年度总结中的标题 id');
  });

  test('an unknown field, with the nearest known one as a suggestion', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/metrics/2007.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace(
          '  - id: teams.total\n    label:',
          '  - id: teams.total\n    labl: { zh: 班组, en: Teams }\n    label:',
        ),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('metrics → 2007 data does not match collection schema');
    expect(result.output).toContain('`labl`: did you mean `label`?');
    expect(result.output).toContain('`labl`：是不是 `label`？');
  });

  test('a photo without alt text', async () => {
    const result = await buildBroken(async (root) => {
      const file = join(root, 'src/content/photos/musical.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace(/\nalt:\n  zh: .*\n  en: .*\n/, '\n'),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'alt is missing: give alt.zh and alt.en, describing what the photo shows',
    );
    expect(result.output).toContain('src/content/photos/musical.yaml');
  });
});
