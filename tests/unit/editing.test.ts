// Pure parts of the editors' workflow: translation fingerprints, Astro error tracing, templates.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { explainAstroFailure, namedThings } from '../../scripts/lib/astro-errors.mjs';
import { contentModel } from '../../src/model/registry';
import { runNew } from '../../src/editing/new';
import { reportFiles, termFiles, unitFiles } from '../../src/editing/templates';
import { eventSchema } from '../../src/schemas/event';
import { sourceFingerprint, splitFrontmatter, withSourceHash } from '../../src/model/translation';

const zh = '---\nname: 平果铝宾馆\ndraft: true\n---\n\n正文。\n';

describe('translation fingerprints', () => {
  test('ignore line endings, trailing spaces, draft and sourceHash', () => {
    const hash = sourceFingerprint(zh);
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceFingerprint(zh.replace(/\n/g, '\r\n'))).toBe(hash);
    expect(sourceFingerprint(zh.replace('正文。', '正文。   '))).toBe(hash);
    expect(sourceFingerprint(zh.replace('draft: true', 'draft: false'))).toBe(hash);
  });
  test('change with the text and with the fields', () => {
    expect(sourceFingerprint(zh.replace('正文', '新正文'))).not.toBe(sourceFingerprint(zh));
    expect(sourceFingerprint(zh.replace('平果铝宾馆', '宾馆'))).not.toBe(sourceFingerprint(zh));
  });
  test('withSourceHash adds or replaces the field, keeping the rest', () => {
    const en = '---\nname: Hotel\n---\n\nText with $& in it.\n';
    const added = withSourceHash(en, 'abcdef123456');
    // Quoted: a fingerprint of digits only ("111111111111", "12e345678901") would read as a number.
    expect(splitFrontmatter(added).frontmatter).toBe('name: Hotel\nsourceHash: "abcdef123456"');
    expect(added).toContain('Text with $& in it.');
    expect(withSourceHash(added, '111111111111')).toBe(
      added.replace('abcdef123456', '111111111111'),
    );
  });
  test('splitFrontmatter reports where the body starts', () => {
    expect(splitFrontmatter(zh).bodyLine).toBe(5);
    expect(splitFrontmatter('no frontmatter').frontmatter).toBeUndefined();
  });
});

describe("Astro's errors are traced to the content file", () => {
  test('ImageNotFound names only the image: the file that uses it is found', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nianjian-astro-error-'));
    try {
      await mkdir(join(root, 'src/content/photos'), { recursive: true });
      await writeFile(
        join(root, 'src/content/photos/bonfire.yaml'),
        'caption: x\nimage: ./bonfire-party.jpg\n',
      );
      const output =
        '[ERROR] [ImageNotFound] Could not find requested image `./bonfire-party.jpg`. Does it exist?';
      expect(namedThings(output)).toEqual(['./bonfire-party.jpg']);
      const lines = await explainAstroFailure(output, root);
      expect(lines.join('\n')).toContain(
        'src/content/photos/bonfire.yaml:2 — the image "./bonfire-party.jpg"',
      );
      expect(lines.join('\n')).toContain('src/content/photos/bonfire.yaml:2 — 字段中的图片');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

// The registry's schemas are strict: a template writing a field the model does not know fails here.
const {
  glossary: { schema: glossarySchema },
  metrics: { schema: metricsSchema },
  reports: { schema: reportSchema },
} = contentModel;
const {
  timelines: { schema: timelineSchema },
  units: { schema: unitSchema },
} = contentModel;

describe('npm run new templates satisfy the real schemas', () => {
  const frontmatter = (content: string | undefined) =>
    parse(splitFrontmatter(content ?? '').frontmatter ?? '') as unknown;
  test('unit', () => {
    const [zhFile, enFile] = unitFiles({
      slug: 'water-team',
      nameZh: '纯净水班',
      nameEn: 'Water "Team"',
      kind: 'team',
      year: 2007,
    });
    expect(unitSchema.safeParse(frontmatter(zhFile?.content)).error).toBeUndefined();
    const en = unitSchema.parse(frontmatter(enFile?.content));
    expect(en.name).toBe('Water "Team"');
    expect(en.draft).toBe(true);
    expect(en.sourceHash).toBe(sourceFingerprint(zhFile?.content ?? ''));
  });
  test('report, metrics and timeline', () => {
    const [zhReport, enReport, metrics, timeline] = reportFiles(2008);
    expect(reportSchema.safeParse(frontmatter(zhReport?.content)).error).toBeUndefined();
    expect(reportSchema.safeParse(frontmatter(enReport?.content)).error).toBeUndefined();
    expect(metricsSchema.safeParse(parse(metrics?.content ?? '')).error).toBeUndefined();
    expect(timelineSchema.safeParse(parse(timeline?.content ?? '')).error).toBeUndefined();
  });
  test('term', () => {
    const [term] = termFiles({ slug: 'five-s', zh: '5S管理', en: '5S "management"' });
    expect(glossarySchema.safeParse(parse(term?.content ?? '')).error).toBeUndefined();
  });
  test('every file goes where the content model says its collection lives', () => {
    const files = [
      ...unitFiles({
        slug: 'water-team',
        nameZh: '纯净水班',
        nameEn: 'Water Team',
        kind: 'team',
        year: 2007,
      }),
      ...reportFiles(2008),
      ...termFiles({ slug: 'five-s', zh: '5S管理', en: '5S management' }),
    ];
    expect(files.map((file) => file.path)).toEqual([
      `${contentModel.units.folder}/zh-cn/2007/water-team.mdx`,
      `${contentModel.units.folder}/en/2007/water-team.mdx`,
      `${contentModel.reports.folder}/zh-cn/2008.mdx`,
      `${contentModel.reports.folder}/en/2008.mdx`,
      `${contentModel.metrics.folder}/2008.yaml`,
      `${contentModel.timelines.folder}/2008.yaml`,
      `${contentModel.glossary.folder}/five-s.yaml`,
    ]);
  });
});

describe('npm run new, by year', () => {
  async function project(): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'nianjian-new-years-'));
    for (const [file, text] of [
      ['src/content/reports/zh-cn/2007.mdx', '---\nyear: 2007\n---\n'],
      ['src/content/reports/zh-cn/2008.mdx', '---\nyear: 2008\n---\n'],
      [
        'src/content/units/zh-cn/2007/hotel.mdx',
        '---\nname: 平果铝宾馆\nkind: business-unit\nparent: services\n---\n',
      ],
      ['src/content/units/en/2007/hotel.mdx', '---\nname: Pingguo Aluminium Hotel\n---\n'],
      ['src/content/units/zh-cn/2008/services.mdx', '---\nname: 服务公司\n---\n'],
    ] as const) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), text);
    }
    return root;
  }
  const run = async (root: string, args: string[]) => {
    const lines: string[] = [];
    const code = await runNew(args, root, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };

  test("a unit's next year carries over its name, kind and parent into that year's folder", async () => {
    const root = await project();
    try {
      const result = await run(root, ['unit', 'hotel', '--year', '2008']);
      expect(result.code, result.output).toBe(0);
      const zh = await readFile(join(root, 'src/content/units/zh-cn/2008/hotel.mdx'), 'utf8');
      const en = await readFile(join(root, 'src/content/units/en/2008/hotel.mdx'), 'utf8');
      expect(parse(splitFrontmatter(zh).frontmatter ?? '')).toMatchObject({
        name: '平果铝宾馆',
        kind: 'business-unit',
        parent: 'services',
      });
      expect(parse(splitFrontmatter(en).frontmatter ?? '')).toMatchObject({
        name: 'Pingguo Aluminium Hotel',
      });
      // The same year twice is refused; a year without a report too.
      expect((await run(root, ['unit', 'hotel', '--year', '2008'])).code).toBe(1);
      const noReport = await run(root, ['unit', 'hotel', '--year', '2009']);
      expect(noReport.code).toBe(1);
      expect(noReport.output).toContain('there is no 2009 report');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('without --year, a new unit and an event go to the newest report year', async () => {
    const root = await project();
    try {
      const unit = await run(root, ['unit', 'new-team', '--zh', '新班组', '--en', 'New Team']);
      expect(unit.code, unit.output).toBe(0);
      expect(unit.output).toContain('src/content/units/zh-cn/2008/new-team.mdx');
      const event = await run(root, [
        'event',
        'tug-2009',
        '--date',
        '2009-01-20',
        '--zh',
        '拔河',
        '--en',
        'Tug',
      ]);
      expect(event.code, event.output).toBe(0);
      const data = parse(
        await readFile(join(root, 'src/content/events/en/tug-2009.yaml'), 'utf8'),
      ) as unknown;
      expect(eventSchema.parse(data).year).toBe(2008);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
