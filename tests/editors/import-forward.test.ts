// The import continues the yearbook, end to end on a fixture copy of the project, walking the editors'
// guide (docs/editing.*.md, 7b, "Publishing the imported year") step by step: a made-up 2008 summary
// (worded differently from 2007, with new measures and a renamed one) goes through the real
// `npm run import`; its figures take 2007's ids with no hand edits; published as it stands, the check
// refuses it, naming the markers; the editor then fills every place the guide lists (both report
// files with their provenance, the new figures' English labels, the timeline, the unit the text
// names), runs the guide's own commands (mark translated, check, build: the one build), and the site's
// /figures/ and key-figure cards compare 2007 and 2008. The hand edits are counted and printed.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, expect, test } from 'vitest';
import { runCheck } from '../../src/check/run';
import { listFigures } from '../../src/editing/list-figures-fs';
import type { MetricsData } from '../../src/figures/declarations';
import { runImport } from '../../src/import/report/cli';
import { projectRoot } from '../support/build-site';
import { copyProject, removeFixtures, runScript } from '../support/fixture';
import { docx2008, published2007 } from '../support/report-documents';

afterAll(removeFixtures);

/**
 * A command's function run in this process, as its script calls it (`npm run import` and
 * `npm run check` run as commands in import-report.test.ts and commands.test.ts; the guide's own
 * commands at the end of this test run as commands here).
 */
async function inProcess(
  run: (args: string[], root: string, print: (text: string) => void) => Promise<number>,
  root: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await run(args, root, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

const paths = {
  zh: 'src/content/reports/zh-cn/2008.mdx',
  en: 'src/content/reports/en/2008.mdx',
  figures: 'src/content/metrics/2008.yaml',
  timeline: 'src/content/timelines/2008.yaml',
  hotelZh: 'src/content/units/zh-cn/2008/hotel.mdx',
  hotelEn: 'src/content/units/en/2008/hotel.mdx',
} as const;

/** The guide's commands that publish the imported year (the ```sh block of its last step), per language. */
async function publishCommands(file: string): Promise<string[]> {
  const markdown = await readFile(join(projectRoot, file), 'utf8');
  const block = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)]
    .map((match) => match[1] ?? '')
    .find((text) => text.includes('--mark-translated src/content/reports/en/2008.mdx'));
  return (block ?? '').split('\n').filter((line) => line.startsWith('npm run '));
}

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
    'the year. Teams at the <UnitLink unit="hotel">Pingguo Aluminium Hotel</UnitLink> and in the ' +
    "Alumina Plant's calcination " +
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
    const imported = await inProcess(runImport, root, [document, '--year', '2008']);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain('班组 112个 → teams.total 班组总数 (2007: 108个)');
    expect(imported.output).toContain(
      '与往年对照 Matched with earlier years: 11 个确定 sure, 0 个待确认 to confirm',
    );
    // The match table: one line `<the document's words> <value> → <id> …` per figure found.
    const matchTable = imported.output.split('\n').filter((line) => /^ {4}\S.* → /.test(line));
    expect(matchTable).toHaveLength(15);
    console.log(
      `import of the 2008 .docx (match table: ${matchTable.length} lines):\n${imported.output
        .split('\n')
        .filter((line) => line.includes('→') || line.includes('Matched with'))
        .join('\n')}`,
    );

    const read = (path: string) => readFile(join(root, path), 'utf8');
    const write = (path: string, text: string) => writeFile(join(root, path), text);
    const written: Record<keyof typeof paths, string> = {
      zh: await read(paths.zh),
      en: await read(paths.en),
      figures: await read(paths.figures),
      timeline: await read(paths.timeline),
      hotelZh: await read(paths.hotelZh),
      hotelEn: await read(paths.hotelEn),
    };
    const figures2007 = parse(published2007().figures) as MetricsData;
    const ids2007 = new Set(figures2007.figures.map((f) => f.id));
    const declared = parse(written.figures) as MetricsData;
    // No hand edits to ids: every measure 2007 also reports has 2007's id.
    expect(declared.figures.filter((f) => ids2007.has(f.id)).map((f) => f.id)).toHaveLength(13);

    // Guide step 1: the figures command lists the year's figures, each with its id.
    const { code: listedCode, text: listedText } = await listFigures(root, '2008');
    const listed = { code: listedCode, output: listedText };
    expect(listed.code, listed.output).toBe(0);
    for (const figure of declared.figures) expect(listed.output).toContain(figure.id);

    // Published as imported (draft: false in both report files), the check refuses the year and
    // names every marker the tools wrote, in every file of the year, and the link to the unit draft.
    const publishedAsImported = (text: string) => text.replace(/^draft: true$/m, 'draft: false');
    await write(paths.zh, publishedAsImported(written.zh));
    await write(paths.en, publishedAsImported(written.en));
    const refused = await inProcess(runCheck, root, []);
    expect(refused.code, refused.output).not.toBe(0);
    for (const [file, field, marker] of [
      [paths.zh, 'provenance.source', '待填写'],
      [paths.zh, 'publisher', '待填写'],
      [paths.en, '(translation)', '# needs-translation:'],
      [paths.en, 'author', 'TO TRANSLATE'],
      [paths.en, 'provenance.translation', 'TO FILL IN'],
      [paths.en, '(heading)', '还是中文'],
      [paths.figures, 'figures.11.label.en', 'TO TRANSLATE'],
      [paths.timeline, 'steps.0.text.en', 'TO TRANSLATE'],
      [paths.zh, '<UnitLink unit>', 'which is still a draft'],
    ] as const) {
      // The problem's heading line names file and field; its Chinese or its English line the marker.
      const at = `${file}:\\d+ — (?:字段 )?field "${field.replace(/[.()<>]/g, '\\$&')}"`;
      expect(refused.output, `${file} ${field}`).toMatch(
        new RegExp(`${at}(?:[^\\n]*\\n)?[^\\n]*${marker}`),
      );
    }
    await write(paths.zh, written.zh);
    await write(paths.en, written.en);

    // Guide steps 2–7, in order, as an editor types them.
    // 2. The Chinese report: publisher, summary, provenance.source (whole 待填写 lines replaced).
    const zhFilled = written.zh
      .replace(/^publisher: .*$/m, 'publisher: 平果铝业公司')
      .replace(
        /^summary: .*$/m,
        'summary: 平果铝业公司2008年度班组建设和“五好”科（部）室创建工作的总结。',
      )
      .replace(
        /^ {2}source: .*$/m,
        '  source: 内容依据平果铝业公司2008年度班组建设工作总结原文整理，未作删改。',
      );
    // 3. The English report: frontmatter translated and filled, the body translated, the first line gone.
    const enFilled = `---\n${written.en
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
      .replace(
        /^ {2}translation: .*$/m,
        '  translation: Translated in full from the Chinese summary by the publicity office.',
      )}---\n\n${englishBody}`;
    // 4. The figures file: the new figures' English labels.
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
    // 5. The timeline: its one step (the third-quarter inspection) is a step of the campaign; translated.
    const drafted = parse(written.timeline) as { steps: Array<{ quarter: number }> };
    expect(drafted.steps.map((step) => step.quarter)).toEqual([3]);
    const timeline = written.timeline.replace(
      /^( {6}en: ).*$/m,
      '$1"The inspection found {metric:inspections.septemberProblems} problems, all since put right."',
    );
    // 6. The unit the text names (the hotel): its highlights in both languages, published.
    const hotelZh = written.hotelZh
      .replace(
        /^待填写：.*$/m,
        [
          '<ReportQuote year={2008} unit="hotel">',
          '',
          '平果铝宾馆和氧化铝厂焙烧车间的班组开展了合理化建议活动，共收到合理化建议<Metric id="suggestions.total" />条，' +
            '采纳<Metric id="suggestions.adopted" />条，采纳率<Metric id="suggestions.adoptedRate" />。',
          '',
          '</ReportQuote>',
        ].join('\n'),
      )
      .replace(/^draft: true$/m, 'draft: false');
    const hotelEn = written.hotelEn
      .replace(
        /^TO FILL IN: .*$/m,
        [
          '<ReportQuote year={2008} unit="hotel">',
          '',
          "Teams at the Pingguo Aluminium Hotel and in the Alumina Plant's calcination workshop ran a " +
            'rationalisation-proposal campaign: <Metric id="suggestions.total" /> suggestions were received ' +
            'and <Metric id="suggestions.adopted" /> adopted, an adoption rate of ' +
            '<Metric id="suggestions.adoptedRate" />.',
          '',
          '</ReportQuote>',
        ].join('\n'),
      )
      .replace(/^draft: true$/m, 'draft: false');
    // 7. Both report files published.
    const filled: Record<keyof typeof paths, string> = {
      zh: publishedAsImported(zhFilled),
      en: publishedAsImported(enFilled),
      figures,
      timeline,
      hotelZh,
      hotelEn,
    };
    for (const key of Object.keys(paths) as Array<keyof typeof paths>) {
      expect(filled[key], `${key} was edited`).not.toBe(written[key]);
      await write(paths[key], filled[key]);
    }
    const edited = Object.fromEntries(
      (Object.keys(paths) as Array<keyof typeof paths>).map((key) => [
        key,
        linesEdited(written[key], filled[key]),
      ]),
    );
    const total = (key: 'typed' | 'deleted') =>
      Object.values(edited).reduce((sum, lines) => sum + lines[key], 0);
    console.log(
      `hand edits to publish 2008: ${Object.keys(edited).length} files, ${total('typed')} lines typed or ` +
        `changed and ${total('deleted')} deleted (${Object.entries(edited)
          .map(([file, n]) => `${file}: ${n.typed} typed, ${n.deleted} deleted`)
          .join('; ')}), no id edited; then the guide's commands`,
    );
    const labels = (parse(figures) as MetricsData).figures.map((f) => f.label.en);
    expect(labels.filter((label) => label.startsWith('TO TRANSLATE'))).toEqual([]);

    // 8. The guide's own commands, as written (the same in both languages): mark the English files
    // translated, check (it passes), build (the one build of this test).
    const commands = await publishCommands('docs/editing.en.md');
    expect(await publishCommands('docs/editing.zh-CN.md')).toEqual(commands);
    expect(commands.map((line) => line.split(' ')[2])).toEqual(['check', 'check', 'build']);
    for (const line of commands) {
      const [, , script, , ...args] = line.split(' ');
      const result = await runScript(root, `scripts/${script}.mjs`, args);
      expect(result.code, `${line}\n${result.output}`).toBe(0);
      if (line === 'npm run check') expect(result.output).toContain('Content check passed');
    }
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
    // What the editor filled is what is published: the year's page with its provenance and timeline
    // step, the hotel's 2008 page; no marker reaches either language.
    for (const [page, filledText] of [
      ['2008/index.html', '内容依据平果铝业公司2008年度班组建设工作总结原文整理，未作删改。'],
      [
        'en/2008/index.html',
        'Translated in full from the Chinese summary by the publicity office.',
      ],
      ['en/2008/index.html', 'all since put right'],
      ['2008/units/hotel/index.html', '开展了合理化建议活动'],
      ['en/2008/units/hotel/index.html', 'rationalisation-proposal campaign'],
    ] as const) {
      const text = await html(page);
      expect(text, page).toContain(filledText);
      expect(text, page).not.toMatch(/待填写|TO FILL IN|TO TRANSLATE|needs-translation/);
    }
  },
);
