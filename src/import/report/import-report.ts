// The whole import in memory: blocks → structure → figures → the three files, then every file
// checked as `npm run check` would (schemas, MDX allowlist, figures rules, prose check) before
// anything is written. Pure apart from mammoth reading the .docx bytes.
import { parseYamlSource } from '../../model/yaml-source';
import { allowedComponents } from '../../model/mdx-allowlist';
import { checkMdxBody } from '../../check/mdx';
import { reportSchema } from '../../schemas/report';
import { metricsSchema, type MetricsData } from '../../figures/schema';
import { metricTable, yearFigures } from '../../figures/compute';
import { findContradictingFigures } from '../../figures/prose-check';
import { sourceFingerprint, splitFrontmatter } from '../../model/translation';
import type { ContentProblem } from '../../utils/problems';
import type { Block, ExtractedImage } from './blocks';
import { FigureBinder, type EditorNote, type ImportedFigure } from './figures';
import { carriedComputedFigures, carryOver } from './carry-over';
import { earlierFigures, matchFigures, type MatchOutcome } from './figure-matching';
import {
  renderBody,
  renderChineseReport,
  renderEnglishReport,
  renderFiguresFile,
  type BoundNode,
  type TextSegment,
} from './render';
import { structure, type FrontMatterFound } from './structure';
import { draftTimeline, renderTimelineFile, type DraftStep } from './timeline';
import { checkedSteps, timelineProblems } from './timeline-check';
import { linkUnitNames, type EarlierUnit, type NamedUnit } from './units';

export interface ImportInput {
  year: number;
  /** The document's file name, for the comments and messages. */
  sourceName: string;
  blocks: Block[];
  images: ExtractedImage[];
  /** Captions set apart from a .txt's layout (after ▲ and arrow marks). */
  captions: string[];
  /** The figures files of the other years, to continue the yearbook: matched figures keep their ids. */
  otherYears?: MetricsData[];
  /** The units of earlier years (their newest file before this year): the text's names of them are linked. */
  earlierUnits?: EarlierUnit[];
}

export interface ImportCounts {
  sections: number;
  subsections: number;
  paragraphs: number;
  listItems: number;
  tables: number;
  /** Counts and percentages found in the text (and bare numbers quoting them). */
  figuresFound: number;
  /** Of those, the ones now a <Metric>. */
  figuresBound: number;
  shares: number;
  sharesChecked: number;
}

export interface ImportResult {
  zh: string;
  en: string;
  figures: string;
  front: FrontMatterFound;
  declared: ImportedFigure[];
  /** Each figure found against the earlier years' figures: the match table. */
  matches: MatchOutcome;
  counts: ImportCounts;
  /** What the editor must look at: missing front matter, disagreeing shares, numbers left as typed, images. */
  notes: EditorNote[];
  /** Problems the generated files would have in `npm run check`: the import writes nothing when there are any. */
  problems: ContentProblem[];
  images: Array<{ file: string; alt?: string; near: string }>;
  noSections: boolean;
  /** `src/content/timelines/<year>.yaml`, drafted from the dated sentences (no steps when there are none). */
  timeline: string;
  timelineSteps: DraftStep[];
  /** Units of earlier years the text names, linked with <UnitLink> in both report files. */
  units: NamedUnit[];
}

export const reportPaths = (year: number) => ({
  zh: `src/content/reports/zh-cn/${year}.mdx`,
  en: `src/content/reports/en/${year}.mdx`,
  figures: `src/content/metrics/${year}.yaml`,
  timeline: `src/content/timelines/${year}.yaml`,
  folder: `imported/report-${year}`,
});

/** Checks one generated report file as the content check would: frontmatter schema and MDX body. */
function reportProblems(file: string, source: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { frontmatter, body, bodyLine } = splitFrontmatter(source);
  const parsed = parseYamlSource(frontmatter ?? '', 2);
  for (const error of parsed.errors)
    problems.push({
      file,
      line: error.line,
      field: '(frontmatter)',
      message: error.message,
      fix: error.fix ?? '',
    });
  const result = reportSchema.safeParse(parsed.data);
  if (!result.success)
    for (const issue of result.error.issues)
      problems.push({
        file,
        field: issue.path.join('.'),
        message: issue.message,
        fix: 'importer fault',
      });
  problems.push(...checkMdxBody(file, body, bodyLine, Object.keys(allowedComponents)).problems);
  return problems;
}

export async function importReport(input: ImportInput): Promise<ImportResult> {
  const paths = reportPaths(input.year);
  const doc = structure(input.blocks);
  const binder = new FigureBinder();
  const firstAnchor = doc.body.find((n) => n.type === 'heading');
  binder.enterSection(firstAnchor?.type === 'heading' ? firstAnchor.anchor : 'body');
  const bound: BoundNode[] = [];
  const images: ImportResult['images'] = [];
  const counts: ImportCounts = {
    sections: 0,
    subsections: 0,
    paragraphs: 0,
    listItems: 0,
    tables: 0,
    figuresFound: 0,
    figuresBound: 0,
    shares: 0,
    sharesChecked: 0,
  };
  for (const node of doc.body) {
    switch (node.type) {
      case 'heading':
        binder.enterSection(node.anchor);
        if (node.level === 2 && !doc.noSections) counts.sections += 1;
        if (node.level === 3) counts.subsections += 1;
        bound.push({
          type: 'heading',
          level: node.level,
          anchor: node.anchor,
          segments: binder.bind(node.text),
        });
        break;
      case 'paragraph':
        counts.paragraphs += 1;
        bound.push({
          type: 'paragraph',
          ...(node.runIn ? { runIn: binder.bind(node.runIn) } : {}),
          segments: binder.bind(node.text),
        });
        break;
      case 'list':
        counts.listItems += node.items.length;
        bound.push({
          type: 'list',
          items: node.items.map((item) => ({
            number: item.number,
            segments: binder.bind(item.text),
          })),
        });
        break;
      case 'table':
        counts.tables += 1;
        bound.push({
          type: 'table',
          // A cell's figure is what its row counts under its column's heading ("铝合金厂 班组").
          rows: node.rows.map((row, r) =>
            row.map((cell, c) =>
              binder.bind(
                cell,
                r === 0 ? '' : `${c > 0 ? (row[0] ?? '') : ''}${node.rows[0]?.[c] ?? ''}`,
              ),
            ),
          ),
        });
        break;
      case 'image':
        images.push({ file: node.file, ...(node.alt ? { alt: node.alt } : {}), near: node.near });
        break;
    }
  }
  const metricCount = (nodes: BoundNode[]) =>
    JSON.stringify(nodes).match(/"metric":/g)?.length ?? 0;
  const otherYears = input.otherYears ?? [];
  const previousYear = otherYears
    .filter((data) => data.year < input.year)
    .reduce<MetricsData | undefined>(
      (latest, data) => (!latest || data.year > latest.year ? data : latest),
      undefined,
    );
  const matches = matchFigures(
    binder.figures,
    earlierFigures(otherYears, input.year),
    input.year,
    previousYear
      ? { year: previousYear.year, ids: new Set(previousYear.figures.map((f) => f.id)) }
      : undefined,
  );
  renameMetrics(bound, matches.ids);
  const declared = [...matches.figures];
  declared.push(...carriedComputedFigures(previousYear, declared));
  const notes: EditorNote[] = [];
  if (declared.length === 0) {
    // A figures file needs one figure; "not reported" states that the document gave none, and invents nothing.
    declared.push({
      id: 'report.figures',
      kind: 'count',
      label: '待填写：本年度的数字（文档正文中没有找到数字）',
      counter: { zh: '个', en: 'items' },
      section: firstAnchor?.type === 'heading' ? firstAnchor.anchor : 'body',
      quote: '',
    });
    notes.push({
      zh: `正文中没有找到任何计数或百分比：${paths.figures} 只有一个占位的数字（not reported），请按报告补充`,
      en:
        `no count or percentage was found in the text: ${paths.figures} ` +
        `holds one placeholder figure (not reported); add the report's figures`,
    });
  }
  counts.figuresBound = metricCount(bound);
  counts.shares = declared.filter((f) => f.share || f.disagreement).length;
  counts.sharesChecked = declared.filter((f) => f.share).length;

  const linked = linkUnitNames(bound, input.earlierUnits ?? []);
  const body = renderBody(linked.nodes);
  let timelineSteps = draftTimeline(bound, input.year);
  const renderTimeline = (steps: ReadonlyArray<DraftStep>) =>
    renderTimelineFile(input.year, input.sourceName, steps);
  let timeline = renderTimeline(timelineSteps);
  const meta = { year: input.year, sourceName: input.sourceName, front: doc.front };
  const zh = renderChineseReport(meta, body);
  const en = renderEnglishReport(meta, body, sourceFingerprint(zh));
  const carried = carryOver(previousYear, new Set(declared.map((d) => d.id)));
  let figures = renderFiguresFile(input.year, input.sourceName, declared, {
    from: previousYear?.year ?? input.year,
    ...carried,
  });
  // A carried chart or card the check refuses for this year (a targets chart whose targets are not
  // targets here, say) stays behind with a note, instead of failing the import.
  const refused = new Set(
    (metricsSchema.safeParse(parseYamlSource(figures).data).error?.issues ?? [])
      .filter((issue) => issue.path[0] === 'charts' || issue.path[0] === 'cards')
      .map((issue) => `${String(issue.path[0])}.${String(issue.path[1])}`),
  );
  if (refused.size > 0) {
    const keep = <T>(list: T[], kind: string) =>
      list.filter((_, i) => !refused.has(`${kind}.${i}`));
    for (const key of refused)
      carried.notes.push({
        zh: `${previousYear?.year} 年的 ${key} 没有带过来：它与本年的数字不符（npm run check 会说明原因）`,
        en: `${key} of ${previousYear?.year} was not carried over: it does not fit this year's figures`,
      });
    carried.charts = keep(carried.charts, 'charts');
    carried.cards = keep(carried.cards, 'cards');
    figures = renderFiguresFile(input.year, input.sourceName, declared, {
      from: previousYear?.year ?? input.year,
      ...carried,
    });
  }

  const problems: ContentProblem[] = [
    ...reportProblems(paths.zh, zh),
    ...reportProblems(paths.en, en),
  ];
  const parsedFigures = parseYamlSource(figures);
  const checked = metricsSchema.safeParse(parsedFigures.data);
  if (!checked.success) {
    for (const issue of checked.error.issues)
      problems.push({
        file: paths.figures,
        field: issue.path.join('.'),
        message: issue.message,
        fix: 'importer fault',
      });
  } else {
    const table = metricTable(yearFigures(checked.data as MetricsData));
    // Anything the prose check still sees typed by hand is a figure the import found but did not bind.
    for (const [file, source] of [
      [paths.zh, zh],
      [paths.en, en],
    ] as const)
      problems.push(...findContradictingFigures(file, source, table, input.year));
    const steps = checkedSteps(timelineSteps, renderTimeline, table, input.year);
    timelineSteps = steps.kept;
    timeline = renderTimeline(timelineSteps);
    for (const { step, problem } of steps.left)
      notes.push({
        zh: `写明时间的句子“${step.zh}”没有收进时间线（${problem.zh?.message ?? problem.message}）：需要时请自己加上`,
        en:
          `the dated sentence "${step.zh}" was left out of the timeline (${problem.message}): ` +
          'add it yourself if it is a step',
      });
    problems.push(...timelineProblems(paths.timeline, timeline, table, input.year));
  }
  counts.figuresFound = counts.figuresBound + problems.filter((p) => p.field === '(prose)').length;

  const f = doc.front;
  const missing: Array<[string | undefined, string, string]> = [
    [f.title, '没有找到标题行', 'no title line found'],
    [f.slogan, '没有找到口号', 'no slogan found'],
    [f.author, '没有找到作者行', 'no author line found'],
    [f.authorRole ?? (f.author ? undefined : ''), '没有找到作者职务', "no author's role found"],
  ];
  for (const [value, zhText, enText] of missing)
    if (value === undefined)
      notes.push({
        zh: `${zhText}：在 ${paths.zh} 中填写（标有“待填写”）`,
        en: `${enText}: fill it in ${paths.zh} (marked TO FILL IN)`,
      });
  notes.push({
    zh: `publisher（发布单位）和 summary（摘要）文档中没有：在 ${paths.zh} 中填写`,
    en: `publisher and summary are not in the document: fill them in ${paths.zh}`,
  });
  if (doc.noSections)
    notes.push({
      zh: '没有识别出章节（“一、”这样的标题，或 Word 标题样式）：全文导入为一节“正文 {#body}”。请按原文分节并改写标题',
      en:
        'no sections were recognised (headings such as 一、 or Word heading styles): the whole ' +
        "text is one section, 正文 {#body}. Split it into the report's sections and name them",
    });
  notes.push(...binder.notes.map((note) => renameInNote(note, matches.ids)));
  notes.push(...matches.notes, ...carried.notes);
  for (const u of binder.unbound)
    notes.push({
      zh: `数字“${u.number}”（${u.section} 节：“${u.context}”）不是计数或百分比，按原样保留：如果它是一个数字指标，请加进数字文件并改成 <Metric>`,
      en:
        `the number "${u.number}" (section ${u.section}: "${u.context}") is neither a count nor a ` +
        `percentage and was left as typed: if it is a figure, add it to the figures file and write a <Metric>`,
    });
  for (const figure of declared.filter((d) => d.fromNumeral))
    notes.push({
      zh: `“${figure.quote}”用汉字写数：已作为 ${figure.id} 绑定，网页上会显示为阿拉伯数字`,
      en: `"${figure.quote}" is written in Chinese numerals: bound as ${figure.id}, the page will show digits`,
    });
  if (images.length > 0)
    notes.push({
      zh: `文档中有 ${images.length} 张图片，已存到 ${paths.folder}/，没有发布：需要说明文字和替代文字后才能放进网站`,
      en:
        `the document has ${images.length} image(s), saved in ${paths.folder}/ ` +
        `and not published: they need captions and alt text first`,
    });
  if (input.captions.length > 0)
    notes.push({
      zh: `有 ${input.captions.length} 段图片说明（前面有 ▲ 或箭头符号），不属于正文，已存到 ${paths.folder}/captions.txt`,
      en:
        `${input.captions.length} photo caption(s) (after ▲ or arrow marks) ` +
        `are not part of the text; saved in ${paths.folder}/captions.txt`,
    });
  return {
    zh,
    en,
    figures,
    front: doc.front,
    declared,
    matches,
    counts,
    notes,
    problems,
    images,
    noSections: doc.noSections,
    timeline,
    timelineSteps,
    units: linked.named,
  };
}

/** Points every <Metric> of the bound text at its figure's final id. */
function renameMetrics(nodes: BoundNode[], ids: ReadonlyMap<string, string>): void {
  const rename = (segments: TextSegment[]) =>
    segments.forEach((segment, i) => {
      if (typeof segment !== 'string' && 'metric' in segment)
        segments[i] = { ...segment, metric: ids.get(segment.metric) ?? segment.metric };
    });
  for (const node of nodes) {
    if (node.type === 'heading') rename(node.segments);
    else if (node.type === 'paragraph') {
      rename(node.segments);
      if (node.runIn) rename(node.runIn);
    } else if (node.type === 'list') node.items.forEach((item) => rename(item.segments));
    else node.rows.forEach((row) => row.forEach(rename));
  }
}

/** A binder's note under the figures' final ids. */
function renameInNote(note: EditorNote, ids: ReadonlyMap<string, string>): EditorNote {
  const rename = (text: string) =>
    text.replace(/\b[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*\b/g, (id) => ids.get(id) ?? id);
  return { zh: rename(note.zh), en: rename(note.en) };
}
