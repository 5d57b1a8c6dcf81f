// `astro build` on its own (without `npm run check` first) refuses broken content too, with the
// checker's words (src/model/rules.ts): the file, line and field, and how to fix them.
// Each case runs in-process through the build's own content path (tests/support/loader-problems.ts:
// the registry's schemas as Astro's loader applies them, then `contentProblems()` as
// src/data/site.ts runs it before any page is rendered). Two real builds prove the wiring (the build
// prints those problems, all at once, and exits non-zero): tests/editors/commands.test.ts.
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build-site';
import { copyProject, removeFixtures } from '../support/fixture';
import { loaderProblems } from '../support/loader-problems';

afterAll(removeFixtures);

const hotelZh = 'src/content/units/zh-cn/2007/hotel.mdx';
const hotelEn = 'src/content/units/en/2007/hotel.mdx';
const reportZh = 'src/content/reports/zh-cn/2007.mdx';
const metrics = 'src/content/metrics/2007.yaml';
const runPhoto = 'src/content/photos/long-distance-run.yaml';
const musical = 'src/content/photos/musical.yaml';

/** One mistake: a file changed by replacing text (the case fails if the text is not there), or removed. */
interface Mistake {
  file: string;
  from?: string | RegExp;
  to?: string;
  remove?: true;
}

async function apply(root: string, mistake: Mistake): Promise<void> {
  const path = join(root, mistake.file);
  if (mistake.remove) return unlink(path);
  const text = await readFile(path, 'utf8');
  const changed = text.replace(mistake.from ?? '', mistake.to ?? '');
  if (changed === text) throw new Error(`the case changes nothing in ${mistake.file}`);
  await writeFile(path, changed);
}

/** Puts the project's own file back, so the next case starts from the real content. */
async function undo(root: string, mistake: Mistake): Promise<void> {
  await writeFile(join(root, mistake.file), await readFile(join(projectRoot, mistake.file)));
}

const mistakes = {
  counterpart: { file: hotelEn, remove: true },
  practice: { file: hotelZh, from: 'six-constants', to: 'seven-constants' },
  percentage: { file: reportZh, from: '<Metric id="teams.excellentRate" />', to: '67％' },
  event: { file: runPhoto, from: 'event: olympic-long-distance-run', to: 'event: marathon' },
  section: {
    file: hotelEn,
    from: 'sections: [highlights]',
    to: 'sections: [highlights, conclusions]',
  },
  countAsText: { file: metrics, from: '    value: 71\n', to: '    value: 七十一\n' },
  unknownField: {
    file: metrics,
    from: '  - id: teams.total\n    label:',
    to: '  - id: teams.total\n    labl: { zh: 班组, en: Teams }\n    label:',
  },
  photoAlt: { file: musical, from: /\nalt:\n  zh: .*\n  en: .*\n/, to: '\n' },
} satisfies Record<string, Mistake>;

/** Cross-entry rules: the text the build throws, as `formatProblems()` words it. */
const ruleCases: Array<[name: keyof typeof mistakes, expected: Array<string | RegExp>]> = [
  [
    'counterpart',
    [
      `${hotelZh} — field "(counterpart)" has no en counterpart`,
      '问题：缺少 en 语言版本',
      `Fix: add ${hotelEn}`,
    ],
  ],
  [
    'practice',
    [
      `${hotelZh}:5 — field "practices.1" refers to "seven-constants", ` +
        'which is not in the glossary collection',
    ],
  ],
  [
    'percentage',
    [
      new RegExp(
        String.raw`src\/content\/reports\/zh-cn\/2007\.mdx:\d+ — field "\(prose\)" "67[％%]" ` +
          String.raw`is typed by hand and matches no figure of 2007`,
      ),
      "add it to 2007's figures file (src/content/metrics/2007.yaml) as a figure",
    ],
  ],
  [
    'event',
    [
      new RegExp(
        String.raw`src\/content\/photos\/long-distance-run\.yaml:\d+ — field "event" refers to "marathon", ` +
          String.raw`which is not in the events collection`,
      ),
    ],
  ],
  [
    // Once checked only while rendering: a build found it after writing pages.
    'section',
    [
      new RegExp(
        String.raw`src\/content\/units\/en\/2007\/hotel\.mdx:\d+ — field "sections\.1" names "conclusions", ` +
          String.raw`which is not a heading id of the 2007 report`,
      ),
      '不是 2007 年度总结中的标题 id',
    ],
  ],
];

/** Schema mistakes: the registry schema's messages, which Astro prints under "… does not match collection schema". */
const schemaCases: Array<[name: keyof typeof mistakes, file: string, expected: string[]]> = [
  ['countAsText', metrics, ['must be a whole number of 0 or more']],
  ['unknownField', metrics, ['`labl`: did you mean `label`?', '`labl`：是不是 `label`？']],
  [
    'photoAlt',
    musical,
    ['alt is missing: give alt.zh and alt.en, describing what the photo shows'],
  ],
];

function expectAll(text: string, expected: Array<string | RegExp>) {
  for (const fragment of expected)
    if (typeof fragment === 'string') expect(text, text).toContain(fragment);
    else expect(text, text).toMatch(fragment);
}

describe("the build's content path refuses broken content and names the problem (in-process)", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject('nianjian-broken-content-');
  });

  test('the real content passes it', async () => {
    expect(await loaderProblems(root)).toEqual({ schemaFailures: [], ruleText: '' });
  });

  test.each(ruleCases)('%s', async (name, expected) => {
    const mistake: Mistake = mistakes[name];
    await apply(root, mistake);
    try {
      const outcome = await loaderProblems(root);
      expect(outcome.schemaFailures).toEqual([]);
      expectAll(outcome.ruleText, expected);
    } finally {
      await undo(root, mistake);
    }
  });

  test.each(schemaCases)('%s', async (name, file, expected) => {
    const mistake: Mistake = mistakes[name];
    await apply(root, mistake);
    try {
      const { schemaFailures } = await loaderProblems(root);
      expect(schemaFailures.map((failure) => failure.file)).toEqual([file]);
      expectAll(schemaFailures[0]?.messages.join('\n') ?? '', expected);
    } finally {
      await undo(root, mistake);
    }
  });
});
