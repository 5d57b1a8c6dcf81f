// The content model (src/model/): one registry, strict schemas with suggestions, and one set of
// cross-entry rules that `npm run check` and the build's loader both run, with the same messages.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, guideFiles } from '../../src/check/run';
import { fieldsOf, nearestField, strictSchema } from '../../src/model/fields';
import { withFieldTables } from '../../src/model/field-tables';
import { contentModel, type CollectionModel } from '../../src/model/registry';
import { siteRules } from '../../src/model/rules';
import { z } from 'astro/zod';
import { buildProblems, change, folders, site } from './model-site';

interface RuleCase {
  /** What is broken. */
  title: string;
  file: string;
  from: string | RegExp;
  to: string;
  /** The problem expected: its file and field. */
  expect: { file: string; field: string };
}

/** One bad-content case per rule of the registry. */
const cases: Record<string, RuleCase> = {
  counterparts: {
    title: 'an English unit with no Chinese version',
    file: 'src/content/units/en/2007/front-desk.mdx',
    from: '',
    to: '',
    expect: { file: 'src/content/units/en/2007/spare.mdx', field: '(counterpart)' },
  },
  references: {
    title: 'a practice that is not in the glossary',
    file: 'src/content/units/zh-cn/2007/hotel.mdx',
    from: 'practices: [six-constants]',
    to: 'practices: [seven-constants]',
    expect: { file: 'src/content/units/zh-cn/2007/hotel.mdx', field: 'practices.0' },
  },
  drafts: {
    title: 'a unit that is a draft in Chinese but published in English',
    file: 'src/content/units/zh-cn/2007/front-desk.mdx',
    from: 'sections: [basics]',
    to: 'sections: [basics]\ndraft: true',
    expect: { file: 'src/content/units/zh-cn/2007/front-desk.mdx', field: 'draft' },
  },
  'duplicate-names': {
    title: 'two units with one name',
    file: 'src/content/units/zh-cn/2007/front-desk.mdx',
    from: 'name: 前台班',
    to: 'name: 平果铝宾馆',
    expect: { file: 'src/content/units/zh-cn/2007/hotel.mdx', field: 'name' },
  },
  'year-matches-file-name': {
    title: 'a timeline whose year is not its file name',
    file: 'src/content/timelines/2007.yaml',
    from: 'year: 2007',
    to: 'year: 2006',
    expect: { file: 'src/content/timelines/2007.yaml', field: 'year' },
  },
  'a-report-exists': {
    title: 'no report at all',
    file: '',
    from: '',
    to: '',
    expect: { file: 'src/content/reports', field: '(collection)' },
  },
  'report-years-have-figures': {
    title: 'a report year without figures',
    file: '',
    from: '',
    to: '',
    expect: { file: 'src/content/reports/zh-cn/2007.mdx', field: 'year' },
  },
  'year-folders': {
    title: 'a unit file left outside a year folder',
    file: '',
    from: '',
    to: '',
    expect: { file: 'src/content/units/zh-cn/front-desk.mdx', field: '(file location)' },
  },
  'unit-years-have-reports': {
    title: 'a unit in the folder of a year without a report',
    file: '',
    from: '',
    to: '',
    expect: { file: 'src/content/units/zh-cn/2006/front-desk.mdx', field: '(year folder)' },
  },
  'unit-quotes-own-year': {
    title: 'a 2007 unit file quoting another year',
    file: 'src/content/units/zh-cn/2007/hotel.mdx',
    from: '<ReportQuote year={2007} unit="hotel">',
    to: '<ReportQuote year={2006} unit="hotel">',
    expect: { file: 'src/content/units/zh-cn/2007/hotel.mdx', field: '<ReportQuote year>' },
  },
  'event-years': {
    title: 'an event of a year without a report',
    file: 'src/content/events/en/bonfire-party.yaml',
    from: 'year: 2007',
    to: 'year: 2008',
    expect: { file: 'src/content/events/en/bonfire-party.yaml', field: 'year' },
  },
  'photo-years': {
    title: 'a photo with neither an event nor a year',
    file: 'src/content/photos/bonfire.yaml',
    from: 'event: bonfire-party\n',
    to: '',
    expect: { file: 'src/content/photos/bonfire.yaml', field: 'year' },
  },
  'unit-sections': {
    title: 'a unit section that is no report heading',
    file: 'src/content/units/en/2007/hotel.mdx',
    from: 'sections: [highlights]',
    to: 'sections: [highlight]',
    expect: { file: 'src/content/units/en/2007/hotel.mdx', field: 'sections.0' },
  },
  'prose-figures': {
    title: 'a hand-typed figure that contradicts the data',
    file: 'src/content/reports/zh-cn/2007.mdx',
    from: '推行轮值班长制。',
    to: '推行轮值班长制，全年共有 109 个班组。',
    expect: { file: 'src/content/reports/zh-cn/2007.mdx', field: '(prose)' },
  },
  'figure-files': {
    title: 'one figure id counted in another unit in the next year',
    file: 'src/content/metrics/2007.yaml',
    from: '',
    to: '',
    expect: { file: 'src/content/metrics/2008.yaml', field: 'figures.16.counter' },
  },
  'unfinished-text': {
    title: 'a published English report whose author the importer left to translate',
    file: 'src/content/reports/en/2007.mdx',
    from: 'author: Author',
    to: 'author: "TO TRANSLATE: 作者"',
    expect: { file: 'src/content/reports/en/2007.mdx', field: 'author' },
  },
  'report-provenance': {
    title: 'a published report that does not say where its text comes from',
    file: 'src/content/reports/zh-cn/2007.mdx',
    from: /provenance:\n  source: .*\n/,
    to: '',
    expect: { file: 'src/content/reports/zh-cn/2007.mdx', field: 'provenance.source' },
  },
  'photo-dates': {
    title: 'a photo dated unlike its event',
    file: 'src/content/photos/bonfire.yaml',
    from: 'date: 2008-01-30',
    to: 'date: 2008-01-31',
    expect: { file: 'src/content/photos/bonfire.yaml', field: 'date' },
  },
};

/** Cases that remove or add files rather than edit one. */
async function apply(root: string, id: string, rule: RuleCase) {
  if (id === 'counterparts') {
    const text = await readFile(join(root, rule.file), 'utf8');
    await writeFile(
      join(root, 'src/content/units/en/2007/spare.mdx'),
      text.replace('Front desk team', 'Spare team'),
    );
    return;
  }
  if (id === 'a-report-exists') {
    for (const locale of ['zh-cn', 'en'])
      await rm(join(root, `src/content/reports/${locale}/2007.mdx`));
    // Units name the 2007 report; without any report those are problems too, which is right.
    return;
  }
  if (id === 'figure-files') {
    const text = await readFile(join(root, rule.file), 'utf8');
    await writeFile(
      join(root, 'src/content/metrics/2008.yaml'),
      text
        .replace('year: 2007', 'year: 2008')
        .replace('counter: { zh: 个, en: problems }', 'counter: { zh: 人, en: people }'),
    );
    return;
  }
  if (id === 'year-folders' || id === 'unit-years-have-reports') {
    // The front desk's files move out of the 2007 folder: to the language folder, or to 2006.
    for (const locale of ['zh-cn', 'en']) {
      const to = id === 'year-folders' ? locale : `${locale}/2006`;
      await mkdir(join(root, `src/content/units/${to}`), { recursive: true });
      await rename(
        join(root, `src/content/units/${locale}/2007/front-desk.mdx`),
        join(root, `src/content/units/${to}/front-desk.mdx`),
      );
    }
    return;
  }
  if (id === 'report-years-have-figures') {
    await rm(join(root, 'src/content/metrics/2007.yaml'));
    return;
  }
  await change(root, rule.file, rule.from, rule.to);
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('the fixture site', () => {
  test('passes npm run check and the build loader', async () => {
    const root = await site();
    expect((await checkContent(root)).problems).toEqual([]);
    expect(await buildProblems(root)).toEqual([]);
  }, 60_000);
});

describe('every cross-entry rule the build enforces is caught by npm run check first', () => {
  test('each rule of the registry has a case here', () => {
    expect(Object.keys(cases).sort()).toEqual(siteRules.map((rule) => rule.id).sort());
  });

  for (const rule of siteRules) {
    test(`${rule.id}: ${rule.description}`, async () => {
      const bad = cases[rule.id];
      if (!bad) throw new Error(`no bad-content case for the rule "${rule.id}"`);
      const root = await site();
      await apply(root, rule.id, bad);
      const matches = (problem: { file: string; field: string }) =>
        problem.file === bad.expect.file && problem.field === bad.expect.field;

      const built = await buildProblems(root);
      const builtProblem = built.find(matches);
      expect(
        builtProblem,
        `the build's loader misses: ${bad.title}\n${JSON.stringify(built, null, 1)}`,
      ).toBeDefined();

      const checked = (await checkContent(root)).problems;
      const checkedProblem = checked.find(matches);
      expect(
        checkedProblem,
        `npm run check misses: ${bad.title}\n${JSON.stringify(checked, null, 1)}`,
      ).toBeDefined();
      // The same words in both places, in both languages.
      expect(checkedProblem).toEqual(builtProblem);
      expect(checkedProblem?.zh.message).toBeTruthy();
      // Everything the build refuses, the check refuses too.
      for (const problem of built) expect(checked).toContainEqual(problem);
    }, 60_000);
  }
});

describe('strict schemas', () => {
  test('suggest the nearest known field', () => {
    expect(nearestField('safetymodel', ['year', 'safetyModel', 'teams'])).toBe('safetyModel');
    expect(nearestField('totl', ['total', 'excellent'])).toBe('total');
    expect(nearestField('colour', ['year', 'steps'])).toBeUndefined();
  });

  test('an unknown field, top-level or nested, fails every collection schema with a bilingual suggestion', () => {
    const nested = z.object({
      year: z.number(),
      teams: z.object({ total: z.object({ value: z.number() }) }),
    });
    const result = strictSchema(nested).safeParse({
      year: 2007,
      safetymodel: 1,
      teams: { totl: 1, total: { value: 1, vaule: 2 } },
    });
    const issues = result.error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['teams.total', 'unrecognized_keys'],
      ['teams', 'unrecognized_keys'],
      ['', 'unrecognized_keys'],
    ]);
    expect(issues[0]?.message).toContain('`vaule`：是不是 `value`？');
    expect(issues[0]?.message).toContain('`vaule`: did you mean `value`?');
    expect(issues[1]?.message).toContain('`totl`: did you mean `total`?');
  });

  test('keeps what the schema does: defaults, refinements, references', () => {
    const schema = contentModel.units.schema;
    const parsed = schema.parse({
      name: 'x',
      kind: 'team',
      practices: ['six-constants'],
    });
    expect(parsed.practices).toEqual([{ id: 'six-constants', collection: 'glossary' }]);
    expect(parsed.draft).toBe(false);
    const timeline = contentModel.timelines.schema.safeParse({
      year: 2007,
      steps: [{ quarter: 1, month: 5, section: 'basics', text: { zh: 'a', en: 'b' } }],
    });
    expect(timeline.error?.issues[0]?.message).toMatch(/month is not in the given quarter/);
  });

  test('npm run check names the file, the line and the field, with the suggestion in both languages', async () => {
    const root = await site();
    await change(
      root,
      'src/content/metrics/2007.yaml',
      /^figures:\n/m,
      'figures:\n  - id: teams.other\n    labl: { zh: 其他, en: Other }\n' +
        '    label: { zh: 其他, en: Other }\n    kind: count\n    counter: { zh: 个, en: teams }\n' +
        '    value: 1\n    section: basics\n',
    );
    await change(root, 'src/content/reports/en/2007.mdx', 'slogan:', 'slogans:');
    const problems = (await checkContent(root)).problems;
    const labl = problems.find((problem) => problem.field === 'figures.0.labl');
    expect(labl).toMatchObject({
      file: 'src/content/metrics/2007.yaml',
      message: expect.stringContaining('did you mean `label`?'),
      zh: { message: expect.stringContaining('是不是 `label`？') },
    });
    expect(labl?.line).toBe(
      (await readFile(join(root, 'src/content/metrics/2007.yaml'), 'utf8'))
        .split('\n')
        .findIndex((line) => line.includes('labl')) + 1,
    );
    expect(problems.find((problem) => problem.field === 'slogans')).toMatchObject({
      file: 'src/content/reports/en/2007.mdx',
      line: 4,
      fix: 'rename it to `slogan` (or remove it)',
    });
  }, 60_000);
});

describe('the registry', () => {
  test('lists the fields of every collection, nested ones too', () => {
    const paths = (name: keyof typeof contentModel) => {
      const model: CollectionModel = contentModel[name];
      const schema =
        typeof model.schema === 'function'
          ? model.schema({ image: () => z.string() } as never)
          : model.schema;
      return fieldsOf(schema).map((field) => field.path);
    };
    expect(paths('timelines')).toEqual([
      'year',
      'steps',
      'steps[].quarter',
      'steps[].month',
      'steps[].section',
      'steps[].text',
      'steps[].text.zh',
      'steps[].text.en',
    ]);
    expect(paths('photos')).toContain('caption.zh');
    expect(paths('units')).toContain('practices');
  });

  test('every reference it declares is a field of the schema, naming a collection it has', () => {
    for (const model of Object.values(contentModel) as CollectionModel[]) {
      const schema =
        typeof model.schema === 'function'
          ? model.schema({ image: () => z.string() } as never)
          : model.schema;
      const fields = fieldsOf(schema).map((field) => field.path);
      for (const [field, target] of Object.entries(model.references)) {
        expect(fields).toContain(field.replace(/\[\]$/, ''));
        expect(Object.keys(contentModel)).toContain(target);
      }
    }
  });
});

describe("the editors' guide", () => {
  for (const [file, language] of guideFiles) {
    test(`${file} lists exactly the fields of the registry's schemas`, async () => {
      const guide = await readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
      // If this fails after a schema change: npm run check -- --field-tables
      expect(guide).toBe(withFieldTables(guide, language));
    });
  }
});
