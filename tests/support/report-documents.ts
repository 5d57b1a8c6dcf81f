// Documents for the report importer's tests, made in the tests with the `docx` package: the 2007
// summary rebuilt from the published report's own text and structure (figures written out as the
// Word document would have them), and small documents for one behaviour each. Also the reader's
// text of a report, to compare an imported draft with the published report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { parse } from 'yaml';
import type { MetricsData } from '../../src/figures/declarations';
import { metricTable, yearFigures } from '../../src/figures/compute';
import { splitFrontmatter } from '../../src/model/translation';
import { projectRoot } from './build-site';

/** Each figure id of a figures file (YAML text) with its value as the site writes it: 108, 66%. */
export function figureTexts(yamlText: string): Map<string, { text: string; bare: string }> {
  const table = metricTable(yearFigures(parse(yamlText) as MetricsData));
  return new Map(
    Object.entries(table).map(([id, metric]) => {
      const bare = metric.displayed === null ? '未报告' : String(metric.displayed);
      return [id, { bare, text: metric.kind === 'percent' ? `${bare}%` : bare }];
    }),
  );
}

/**
 * What a reader reads in a report's body, one block per entry: each <Metric> replaced by its value,
 * tags (<UnitLink>, <Highlight>, <strong>) and heading anchors dropped, Markdown escapes undone.
 * Anchors and Metric ids do not show; the words, numbers and their order do.
 */
export function readerBlocks(
  mdx: string,
  figures: Map<string, { text: string; bare: string }>,
): string[] {
  const { body } = splitFrontmatter(mdx);
  return body
    .replace(/<Metric id="([^"]+)"( bare)? \/>/g, (_, id: string, bare?: string) => {
      const value = figures.get(id);
      if (!value) throw new Error(`<Metric id="${id}" /> has no figure`);
      return bare ? value.bare : value.text;
    })
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/\s*\{#[a-z0-9-]+\}\s*$/gm, '')
    .replace(/^#+\s+/gm, '')
    .replace(/\\(.)/g, '$1')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The published 2007 report and figures. */
export function published2007(): { zh: string; figures: string } {
  return {
    zh: readFileSync(join(projectRoot, 'src/content/reports/zh-cn/2007.mdx'), 'utf8'),
    figures: readFileSync(join(projectRoot, 'src/content/metrics/2007.yaml'), 'utf8'),
  };
}

export interface DocxOptions {
  /** Give section and subsection headings Word's heading styles (else plain paragraphs, as often typed). */
  headingStyles?: boolean;
  /** Break each paragraph into lines of this many characters with soft line breaks (Shift+Enter). */
  softBreaksEvery?: number;
}

function paragraphOf(
  text: string,
  options: DocxOptions,
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel],
): Paragraph {
  const every = options.softBreaksEvery;
  const pieces = every ? (text.match(new RegExp(`[\\s\\S]{1,${every}}`, 'g')) ?? [text]) : [text];
  return new Paragraph({
    ...(heading && options.headingStyles ? { heading } : {}),
    children: pieces.map(
      (piece, index) => new TextRun({ text: piece, ...(index > 0 ? { break: 1 } : {}) }),
    ),
  });
}

/**
 * The 2007 summary as a Word document: slogan, title and author line at the top (as the magazine
 * prints them), then the published report's body paragraph by paragraph, with every figure written
 * out as a number ("108个", "66%", "“50、95、95”") the way the source has it.
 */
export async function docx2007(options: DocxOptions = {}): Promise<Buffer> {
  const { zh, figures } = published2007();
  const values = figureTexts(figures);
  const front = parse(splitFrontmatter(zh).frontmatter ?? '') as Record<string, string>;
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: front.slogan ?? '', bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`———${front.title}`)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${front.authorRole} ${front.author}`)],
    }),
  ];
  for (const block of splitFrontmatter(zh).body.split(/\n\s*\n/)) {
    for (const line of block.split('\n')) {
      const text = line
        .replace(/<Metric id="([^"]+)"( bare)? \/>/g, (_, id: string, bare?: string) =>
          bare ? (values.get(id)?.bare ?? '') : (values.get(id)?.text ?? ''),
        )
        .replace(/<\/?[A-Za-z][^<>]*>/g, '')
        .trim();
      if (!text) continue;
      const heading = /^(#+)\s+(.*?)\s*\{#[a-z0-9-]+\}$/.exec(text);
      if (heading) {
        paragraphs.push(
          paragraphOf(
            heading[2] ?? '',
            options,
            heading[1] === '##' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          ),
        );
        continue;
      }
      // Numbered items as typed in Word or WPS: "1.激发了……".
      paragraphs.push(paragraphOf(text.replace(/^(\d+)\.\s+/, '$1.'), options));
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** A small Word document from paragraphs (strings), for one behaviour at a time. */
export async function docxOf(paragraphs: Array<string | Paragraph>): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: paragraphs.map((p) =>
            typeof p === 'string' ? new Paragraph({ children: [new TextRun(p)] }) : p,
          ),
        },
      ],
    }),
  );
}

/**
 * A made-up 2008 summary, worded differently from 2007: the same measures in other words (班组
 * "共有…112个", 优秀率 beside its count, the Five-Good units as 单位和部门), a renamed measure (the
 * third-quarter inspection's problems, 查出问题), new measures (safety training, suggestions and
 * their adoption rate, a count with a thousands separator) and units named in the text.
 */
export const report2008Paragraphs: ReadonlyArray<string | { heading: string }> = [
  '凝心聚力　再创佳绩',
  '———平果铝业公司2008年度班组建设工作总结',
  '公司党委副书记 李兵',
  '2008年，公司班组建设和“五好”科（部）室创建工作在巩固中提高。现将全年工作总结如下：',
  { heading: '一、总体情况' },
  '截至年底，全公司共有班组112个，其中评为优秀的班组80个，优秀率71%；合格以上的班组110个，合格率98%。',
  '参与“五好”创建的单位和部门共23家。全公司共有科室（部室）102个，其中参加创建的科室100个，' +
    '通过公司级“五好”科（部）室验收的46个，占科室总数的45%。',
  '三季度检查中共查出问题25个，已全部整改。',
  { heading: '二、新的做法' },
  '全年参加安全技能培训的员工1,080人。平果铝宾馆和氧化铝厂焙烧车间的班组开展了合理化建议活动，' +
    '共收到合理化建议356条，采纳218条，采纳率61%。',
  { heading: '三、明年打算' },
  '继续巩固班组建设成果，使更多的班组成为优秀班组。',
];

/** The made-up 2008 summary as a Word document (section headings as typed, without heading styles). */
export async function docx2008(): Promise<Buffer> {
  return docxOf(report2008Paragraphs.map((p) => (typeof p === 'string' ? p : p.heading)));
}
