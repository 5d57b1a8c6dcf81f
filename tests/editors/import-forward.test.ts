// The import continues the yearbook, end to end on a fixture copy of the project: a made-up 2008
// summary (worded differently from 2007, with new measures and a renamed one) goes through the real
// `npm run import`; its figures take 2007's ids with no hand edits; the editor fills what the import
// leaves marked (both report files, the new figures' English labels), marks the translation, and
// one build publishes a site whose /figures/ and key-figure cards compare 2007 and 2008.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, expect, test } from 'vitest';
import type { MetricsData } from '../../src/schemas/metrics';
import { copyProject, removeFixtures, runScript } from '../support/fixture';
import { docx2008, published2007 } from '../support/report-documents';

afterAll(removeFixtures);

const paths = {
  zh: 'src/content/reports/zh-cn/2008.mdx',
  en: 'src/content/reports/en/2008.mdx',
  figures: 'src/content/metrics/2008.yaml',
};

/** The English body an editor types in place of the Chinese (same anchors and <Metric>s). */
const englishBody = [
  'In 2008 the company consolidated and improved its team building and the Five-Good office ' +
    "campaign. The year's work is summarised below.",
  '## 1. Overview {#section-1}',
  'By the end of the year the company had <Metric id="teams.total" /> work teams, of which ' +
    '<Metric id="teams.excellent" /> were rated excellent, an excellence rate of <Metric ' +
    'id="teams.excellentRate" />; <Metric id="teams.qualified" /> teams were qualified or ' +
    'better, a qualification rate of <Metric id="teams.qualifiedRate" />.',
  '<Metric id="fiveGood.units" /> units and departments took part in the Five-Good campaign. ' +
    'The company had <Metric id="fiveGood.offices" /> offices (departments) in all, of which ' +
    '<Metric id="fiveGood.officesParticipating" /> took part in the campaign and <Metric ' +
    'id="fiveGood.officesAccepted" /> passed inspection as company-level Five-Good offices, ' +
    '<Metric id="fiveGood.acceptedRate" /> of all offices.',
  'The third-quarter inspection found <Metric id="inspections.septemberProblems" /> problems, ' +
    'all of which have been put right.',
  '## 2. New practices {#basics}',
  '<Metric id="people.trainedSafety" /> employees took part in safety skills training during ' +
    "the year. Teams at the Pingguo Aluminium Hotel and in the Alumina Plant's calcination " +
    'workshop ran a rationalisation-proposal campaign: <Metric id="suggestions.total" /> ' +
    'suggestions were received and <Metric id="suggestions.adopted" /> adopted, an adoption ' +
    'rate of <Metric id="suggestions.adoptedRate" />.',
  '## 3. Plans for next year {#next-steps}',
  'We will consolidate what team building has achieved and bring more teams up to excellent.',
]
  .join('\n\n')
  .concat('\n');

/** Hand edits as lines: those typed or changed (in `after`, not in `before`), and those only deleted. */
function linesEdited(before: string, after: string): { typed: number; deleted: number } {
  const count = (text: string) => {
    const lines = new Map<string, number>();
    for (const line of text.split('\n')) lines.set(line, (lines.get(line) ?? 0) + 1);
    return lines;
  };
  const a = count(before);
  const b = count(after);
  let typed = 0;
  let removed = 0;
  for (const [line, n] of b) if (line.trim()) typed += Math.max(0, n - (a.get(line) ?? 0));
  for (const [line, n] of a) if (line.trim()) removed += Math.max(0, n - (b.get(line) ?? 0));
  return { typed, deleted: Math.max(0, removed - typed) };
}

test(
  'a 2008 summary imports with 2007’s ids, and once filled builds a site that compares the two years',
  { timeout: 1_200_000 },
  async () => {
    const root = await copyProject('nianjian-import-forward-');
    const document = join(root, '2008年度总结.docx');
    await writeFile(document, await docx2008());
    const imported = await runScript(root, 'scripts/import.mjs', [
      'report',
      document,
      '--year',
      '2008',
    ]);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain('班组 112个 → teams.total 班组总数 (2007: 108个)');
    expect(imported.output).toContain(
      '与往年对照 Matched with earlier years: 11 个确定 sure, 0 个待确认 to confirm',
    );
    console.log(
      `import of the 2008 .docx:\n${imported.output
        .split('\n')
        .filter((line) => line.includes('→') || line.includes('Matched with'))
        .join('\n')}`,
    );

    const read = (path: string) => readFile(join(root, path), 'utf8');
    const written = {
      zh: await read(paths.zh),
      en: await read(paths.en),
      figures: await read(paths.figures),
    };
    const figures2007 = parse(published2007().figures) as MetricsData;
    const ids2007 = new Set(figures2007.figures.map((f) => f.id));
    const declared = parse(written.figures) as MetricsData;
    // No hand edits to ids: every measure 2007 also reports has 2007's id.
    expect(declared.figures.filter((f) => ids2007.has(f.id)).map((f) => f.id)).toHaveLength(13);

    // The editor fills what the import marked, as the comments in the files ask.
    const zh = written.zh
      .replace(/^publisher: .*$/m, 'publisher: 平果铝业公司')
      .replace(
        /^summary: .*$/m,
        'summary: 平果铝业公司2008年度班组建设和“五好”科（部）室创建工作的总结。',
      )
      .replace(/^draft: true$/m, 'draft: false');
    const en = `${written.en
      .split('---\n')[1]
      ?.split('\n')
      .filter((line) => !line.startsWith('# needs-translation:'))
      .join('\n')
      .replace(/^title: .*$/m, "title: 'Pingguo Aluminium Company: Team Building in 2008'")
      .replace(/^slogan: .*$/m, 'slogan: United in purpose, new achievements')
      .replace(/^author: .*$/m, 'author: Li Bing')
      .replace(/^authorRole: .*$/m, 'authorRole: Deputy Party Secretary of the company')
      .replace(/^publisher: .*$/m, 'publisher: Pingguo Aluminium Company')
      .replace(
        /^summary: .*$/m,
        'summary: The 2008 review of team building and the Five-Good office campaign at Pingguo Aluminium Company.',
      )
      .replace(/^draft: true$/m, 'draft: false')}---\n\n${englishBody}`;
    const english: Record<string, string> = {
      'people.trainedSafety': 'Employees in safety skills training',
      'suggestions.total': 'Rationalisation proposals received',
      'suggestions.adopted': 'Rationalisation proposals adopted',
      'suggestions.adoptedRate': 'Proposals adopted as a share of those received',
    };
    let figures = written.figures;
    for (const [id, label] of Object.entries(english)) {
      const zhLabel = declared.figures.find((f) => f.id === id)?.label.zh ?? '';
      figures = figures.replace(`"TO TRANSLATE: ${zhLabel}"`, JSON.stringify(label));
    }
    await writeFile(join(root, paths.zh), zh);
    await writeFile(join(root, paths.en), `---\n${en}`);
    await writeFile(join(root, paths.figures), figures);
    const marked = await runScript(root, 'scripts/check.mjs', ['--mark-translated', paths.en]);
    expect(marked.code, marked.output).toBe(0);
    const edited = {
      zh: linesEdited(written.zh, zh),
      en: linesEdited(written.en, `---\n${en}`),
      figures: linesEdited(written.figures, figures),
    };
    const total = (key: 'typed' | 'deleted') =>
      edited.zh[key] + edited.en[key] + edited.figures[key];
    console.log(
      `hand edits to publish 2008: 3 files, ${total('typed')} lines typed or changed and ` +
        `${total('deleted')} deleted (${Object.entries(edited)
          .map(([file, n]) => `${file}: ${n.typed} typed, ${n.deleted} deleted`)
          .join('; ')}), no id edited; then npm run check -- --mark-translated`,
    );
    const labels = (parse(figures) as MetricsData).figures.map((f) => f.label.en);
    expect(labels.filter((label) => label.startsWith('TO TRANSLATE'))).toEqual([]);

    const built = await runScript(root, 'scripts/build.mjs');
    expect(built.code, built.output).toBe(0);
    const html = (path: string) => readFile(join(root, 'dist', path), 'utf8');
    // /figures/ compares every measure both years report: its contents name each one.
    for (const [page, locale] of [
      ['figures/index.html', 'zh'],
      ['en/figures/index.html', 'en'],
    ] as const) {
      const text = await html(page);
      for (const figure of declared.figures.filter((f) => ids2007.has(f.id))) {
        const label = figures2007.figures.find((f) => f.id === figure.id)?.label[locale] ?? '';
        expect(text, `${page}: ${figure.id}`).toContain(label.replace(/&/g, '&amp;'));
      }
    }
    // The home page (the latest year, 2008) shows its key-figure cards, each saying how it changed since 2007.
    for (const [page, since] of [
      ['index.html', /比2007年/],
      ['en/index.html', /2007/],
    ] as const) {
      const home = await html(page);
      const changes = [
        ...home.matchAll(/class="figure-card__change"[^>]*>([\s\S]*?)<\/span>\s*<\/li>/g),
      ];
      expect(changes, page).toHaveLength(declared.cards.length);
      for (const change of changes) expect(change[1], page).toMatch(since);
    }
  },
);
