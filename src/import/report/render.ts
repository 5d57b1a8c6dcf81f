// Writes the imported report: the Chinese MDX (draft), its English counterpart (draft, marked as
// needing translation: same headings, anchors and <Metric>s, the Chinese text left to translate),
// and the year's figures file. Text from the document is escaped so that nothing in it is read as
// MDX syntax (a "{" or "<" in a Word document must stay a character). Pure.
import { stringify } from 'yaml';
import { needsTranslationMarker } from '../../model/unfinished';
import type { CardDeclaration, ChartDeclaration } from '../../figures/declarations';
import type { FrontMatterFound } from './structure';
import type { ImportedFigure, Segment } from './figures';

/** A unit's name in the text, written as `<UnitLink unit="slug">name</UnitLink>`. */
export interface UnitNameSegment {
  unit: string;
  text: string;
}

/** Text, a figure, or a unit's name. */
export type TextSegment = Segment | UnitNameSegment;

/** A body node whose texts are bound to figures (and unit names to their units). */
export type BoundNode =
  | { type: 'heading'; level: 2 | 3; segments: TextSegment[]; anchor: string }
  | { type: 'paragraph'; segments: TextSegment[]; runIn?: TextSegment[] }
  | { type: 'list'; items: Array<{ number: number; segments: TextSegment[] }> }
  | { type: 'table'; rows: TextSegment[][][] };

/** The line the English file carries until it is translated; `--force` replaces only such files. */
export { needsTranslationMarker };

/** Escapes document text so MDX reads it as text: braces, tags, Markdown punctuation, entities. */
export function escapeMdx(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~]/g, (char) => `\\${char}`)
    .replace(/&(?=[#a-z0-9]+;)/gi, '\\&')
    .replace(/\s+/g, (space) => (space.includes('\n') ? ' ' : space));
}

/** At the start of a block, what Markdown would read as a list, quote, heading or rule. */
function escapeBlockStart(text: string): string {
  return (
    text
      .replace(/^(\s+)/, '')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^([-+=])/, '\\$1')
      // MDX reads a block starting "import " or "export " as JavaScript: start it with a character reference.
      .replace(/^(?:import|export)\b/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`)
  );
}

const metric = (segment: Exclude<Segment, string>) =>
  `<Metric id="${segment.metric}"${segment.bare ? ' bare' : ''} />`;

const unitLink = (segment: UnitNameSegment) =>
  `<UnitLink unit="${segment.unit}">${escapeMdx(segment.text)}</UnitLink>`;

export function renderSegments(segments: ReadonlyArray<TextSegment>, blockStart = true): string {
  const text = segments
    .map((s) => (typeof s === 'string' ? escapeMdx(s) : 'unit' in s ? unitLink(s) : metric(s)))
    .join('');
  return blockStart ? escapeBlockStart(text) : text;
}

/** A list is loose (blank lines between items) when any item has more than one sentence. */
const isLoose = (items: ReadonlyArray<{ segments: TextSegment[] }>) =>
  items.some((item) => {
    const text = item.segments.filter((s) => typeof s === 'string').join('');
    return (text.match(/[。！？]/g) ?? []).length > 1;
  });

export function renderBody(nodes: ReadonlyArray<BoundNode>): string {
  const blocks: string[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        blocks.push(
          `${'#'.repeat(node.level)} ${renderSegments(node.segments, false)} {#${node.anchor}}`,
        );
        break;
      case 'paragraph':
        blocks.push(
          node.runIn
            ? `<strong>${renderSegments(node.runIn, false)}</strong>${renderSegments(node.segments, false)}`
            : renderSegments(node.segments),
        );
        break;
      case 'list':
        blocks.push(
          node.items
            .map((item) => `${item.number}. ${renderSegments(item.segments)}`)
            .join(isLoose(node.items) ? '\n\n' : '\n'),
        );
        break;
      case 'table': {
        const width = Math.max(...node.rows.map((row) => row.length));
        const row = (cells: TextSegment[][]) =>
          `| ${Array.from({ length: width }, (_, i) => renderSegments(cells[i] ?? [], false) || ' ').join(' | ')} |`;
        const [head = [], ...rest] = node.rows;
        blocks.push([row(head), `|${' --- |'.repeat(width)}`, ...rest.map(row)].join('\n'));
        break;
      }
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

const quote = (text: string) => JSON.stringify(text); // a valid YAML double-quoted string

export interface ReportMeta {
  year: number;
  sourceName: string;
  front: FrontMatterFound;
}

/** Frontmatter values the document did not give: placeholders the editor must replace (never invented). */
export const placeholders = {
  title: '待填写：标题（文档中没有找到标题行）',
  slogan: '待填写：口号（文档中没有找到）',
  author: '待填写：作者（文档中没有找到作者行）',
  authorRole: '待填写：作者职务（文档中没有找到）',
  publisher: '待填写：发布单位（文档中没有）',
  summary: '待填写：用一两句话概括本年度总结（导入不替你写）',
};

export function renderChineseReport(meta: ReportMeta, body: string): string {
  const f = meta.front;
  const field = (name: keyof typeof placeholders, value: string | undefined) =>
    `${name}: ${quote(value ?? placeholders[name])}${value ? '' : '   # 待填写 TO FILL IN'}`;
  return [
    '---',
    `# 由 npm run import 从 ${meta.sourceName} 导入的草稿。核对正文、标题锚点和 src/content/metrics/${meta.year}.yaml 中的数字，`,
    '# 填好标有“待填写”的字段，准备发布时把 draft 改为 false（英文版也要改）。',
    `# A draft imported by npm run import from ${meta.sourceName}: check the text, the anchors and the figures,`,
    '# fill in the fields marked TO FILL IN, and set draft to false (in the English file too) to publish.',
    `year: ${meta.year}`,
    field('title', f.title),
    field('slogan', f.slogan),
    field('author', f.author),
    field('authorRole', f.authorRole),
    field('publisher', undefined),
    field('summary', undefined),
    'provenance:',
    `  source: ${quote('待填写：正文出自哪里（刊物名称、期号；是否删改）')}   # 待填写 TO FILL IN`,
    ...(f.date ? [`date: ${f.date}`] : []),
    'draft: true',
    '---',
    '',
    body,
  ].join('\n');
}

export function renderEnglishReport(meta: ReportMeta, body: string, sourceHash: string): string {
  const zh = (text: string | undefined, what: string) =>
    quote(text ? `TO TRANSLATE: ${text}` : `TO FILL IN: ${what}`);
  return [
    '---',
    `${needsTranslationMarker} written by npm run import from src/content/reports/zh-cn/${meta.year}.mdx. 待翻译。`,
    '# Translate the headings and paragraphs below (the Chinese text is there to translate); keep every',
    '# {#anchor} and <Metric … /> as it is. When done, delete the first line, set draft to false in both',
    `# files, and run: npm run check -- --mark-translated src/content/reports/en/${meta.year}.mdx`,
    `year: ${meta.year}`,
    `title: ${zh(meta.front.title, "the report's title")}`,
    `slogan: ${zh(meta.front.slogan, 'the slogan')}`,
    `author: ${zh(meta.front.author, "the author's name")}`,
    `authorRole: ${zh(meta.front.authorRole, "the author's role")}`,
    `publisher: ${zh(undefined, 'the publisher')}`,
    `summary: ${zh(undefined, 'one or two sentences summarising the report')}`,
    'provenance:',
    `  translation: ${zh(undefined, 'how the English was made (translated in full or in part, by whom)')}`,
    ...(meta.front.date ? [`date: ${meta.front.date}`] : []),
    'draft: true',
    // Quoted: a fingerprint of digits only (or like 12e34…) would otherwise be read as a number.
    `sourceHash: "${sourceHash}"`,
    '---',
    '',
    body,
  ].join('\n');
}

export function renderFiguresFile(
  year: number,
  sourceName: string,
  figures: ReadonlyArray<ImportedFigure>,
  carried?: { from: number; charts: ChartDeclaration[]; cards: CardDeclaration[] },
): string {
  const lines = [
    `# ${year} 年的数字，由 npm run import 从 ${sourceName} 的正文中找到。与往年是同一个量的，沿用往年的 id、名称和量词；`,
    '# 新数字的 label 取自数字所在的句子，请核对，并把 TO TRANSLATE 换成英文。改 id 用 npm run figures -- rename（正文一起改）。',
    `# The figures of ${year}, found in the text of ${sourceName} by npm run import. A figure that is the same measure`,
    "# as an earlier year's keeps that year's id, labels and counter words; a new one's label comes from its sentence:",
    '# check it and translate the TO TRANSLATE ones. Rename an id with npm run figures -- rename (the texts follow).',
    '# Guide: docs/editing.en.md. See: npm run figures -- ' + year,
    `year: ${year}`,
    'figures:',
  ];
  for (const figure of figures) {
    lines.push(`  - id: ${figure.id}`);
    lines.push(`    # 原文 In the document: ${quote(figure.quote)}`);
    if (figure.fromNumeral)
      lines.push(
        '    # 原文用汉字写数，网页上会显示为阿拉伯数字 Written in Chinese numerals: the page shows digits',
      );
    lines.push(
      `    label: { zh: ${quote(figure.label)}, en: ${quote(figure.labelEn ?? `TO TRANSLATE: ${figure.label}`)} }`,
    );
    lines.push(`    kind: ${figure.kind}`);
    if (figure.counter)
      lines.push(
        `    counter: { zh: ${quote(figure.counter.zh)}, en: ${quote(figure.counter.en)} }`,
      );
    if (figure.share)
      lines.push(`    share: { part: ${figure.share.part}, of: ${figure.share.of} }`);
    else if (figure.difference)
      lines.push(
        `    difference: { from: ${figure.difference.from}, minus: ${figure.difference.minus} }`,
      );
    else lines.push(`    value: ${figure.value ?? 'not reported'}`);
    if (figure.disagreement) {
      const d = figure.disagreement;
      lines.push(
        `    # 核对 CHECK: ${d.part} / ${d.of} 四舍五入是 ${d.computed}%，文中写的是 ` +
          `${d.stated}% (the counts give ${d.computed}%, the text says ${d.stated}%)`,
      );
      lines.push(
        `    notes: { zh: ${quote(`文中的百分比与计数不符，待核对（计数得 ${d.computed}%）`)}, en: ` +
          `${quote(`The stated percentage disagrees with its counts (they give ${d.computed}%); to be checked`)} }`,
      );
    }
    if (figure.partOf) lines.push(`    partOf: ${figure.partOf}`);
    if (figure.target)
      lines.push(
        `    target: { for: ${figure.target.for}, direction: ${figure.target.direction} }`,
      );
    lines.push(`    section: ${figure.section}`);
  }
  if (carried && (carried.charts.length > 0 || carried.cards.length > 0)) {
    lines.push(
      '',
      `# 图表和关键数字卡片：从 ${carried.from} 年带过来（本年有它们的全部数字）。卡片的 note 是当年的说明，按需要补写。`,
      `# Charts and key-figure cards carried over from ${carried.from} (this year has every figure they use).`,
      "# A card's note is that year's own sub-line: write this year's where you want one.",
      stringify(
        { charts: carried.charts, cards: carried.cards },
        { lineWidth: 0, flowCollectionPadding: true },
      ).trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}
