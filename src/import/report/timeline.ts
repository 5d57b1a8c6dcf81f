// The year's timeline drafted from the document's dated sentences: a sentence whose time is a
// month (3月, 三月份, 2008年3月20日) or a quarter (一季度, 第三季度) becomes a step of that quarter
// (and month), its Chinese text the sentence's, its English a marked placeholder for the
// translator. A sentence that only mentions a quarter as its object ("检查一季度的工作") has no
// date of its own and is left out: the import never invents a date. Pure.
import type { BoundNode, TextSegment } from './render';
import { parseChineseNumber } from '../../figures/prose-check';

export interface DraftStep {
  quarter: number;
  month?: number;
  /** The report section (level-2 heading anchor) the sentence stands in. */
  section: string;
  /** The sentence without its leading date phrase, figures quoted as `{metric:id}`. */
  zh: string;
}

/** When a sentence happened, as far as its own words say. */
export interface SentenceDate {
  quarter: number;
  month?: number;
  /** The sentence with a leading date phrase ("2008年3月，") removed. */
  rest: string;
}

/** A month or a quarter, with the year that may precede it (2008年3月, 2008年第一季度). */
const when =
  /(?:(\d{4})\s*年\s*)?(?:(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?:\s*\d{1,2}\s*日)?|第?([一二三四1-4])\s*季度)/g;
/** What makes a month or quarter the time of the sentence rather than its topic. */
const timeBefore = /(?:于|在|从|自|截至|到了)$/;
const timeAfter = /^(?:[，,]|初|底|末|中旬|上旬|下旬|中|以来|起|期间|内|里|开始)/;
/** At the start of a sentence: a date, then an optional comma. */
const leadingPunctuation = /^[\s，,、：:]+/;

/**
 * The date of one sentence, or undefined when it has none of its own. `year` is the report's: a
 * date of another year (2007年12月 in the 2008 report) does not belong on this year's timeline.
 */
export function sentenceDate(sentence: string, year: number): SentenceDate | undefined {
  for (const match of sentence.matchAll(when)) {
    const [whole, stated, monthText, quarterText] = match;
    const start = match.index;
    const before = sentence.slice(0, start);
    const after = sentence.slice(start + whole.length);
    const leading = /^[\s在于从自]*$/.test(before);
    // 三个月 is a duration, 11月 is not 1月; the end of a range (3至5月) is no date of its own.
    if (/[\d个]$/.test(before)) continue;
    if (/[至到—–~～-]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*$/.test(before))
      return undefined;
    if (!leading && !stated && !timeBefore.test(before) && !timeAfter.test(after)) continue;
    if (stated && Number(stated) !== year) return undefined;
    const number = (text: string) => Number(text) || parseChineseNumber(text);
    const month = monthText ? number(monthText) : undefined;
    const quarter = month ? Math.ceil(month / 3) : quarterText ? number(quarterText) : undefined;
    if (!quarter || (month !== undefined && (month < 1 || month > 12))) continue;
    const rest = leading ? after.replace(leadingPunctuation, '') : sentence;
    return { quarter, ...(month ? { month } : {}), rest: rest || sentence };
  }
  return undefined;
}

/** A block's text with figures written as the timeline quotes them. */
function plain(segments: ReadonlyArray<TextSegment>): string {
  return segments
    .map((segment) =>
      typeof segment === 'string'
        ? segment
        : 'metric' in segment
          ? `{metric:${segment.metric}}`
          : segment.text,
    )
    .join('');
}

/**
 * Sentences end at 。！？, and clauses at ； (a report often writes one quarter's steps as one
 * sentence, "…培训；六月，公司召开了…"): a clause becomes a sentence of its own, ending in 。.
 * A closing quote stays with its sentence.
 */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)]*|$)/g) ?? [])
    .map((sentence) => sentence.trim().replace(/[；;]$/, '。'))
    .filter(Boolean);
}

/** Every dated sentence of the report's paragraphs and list items, in the order they happened. */
export function draftTimeline(nodes: ReadonlyArray<BoundNode>, year: number): DraftStep[] {
  const steps: DraftStep[] = [];
  let section = 'body';
  const take = (segments: ReadonlyArray<TextSegment>) => {
    for (const sentence of sentencesOf(plain(segments))) {
      const date = sentenceDate(sentence, year);
      if (date)
        steps.push({
          quarter: date.quarter,
          ...(date.month ? { month: date.month } : {}),
          section,
          zh: date.rest,
        });
    }
  };
  for (const node of nodes) {
    if (node.type === 'heading' && node.level === 2) section = node.anchor;
    if (node.type === 'paragraph') take([...(node.runIn ?? []), ...node.segments]);
    if (node.type === 'list') for (const item of node.items) take(item.segments);
  }
  // In time order: a step with only a quarter stands at the quarter's first month; ties keep the document's order.
  const at = (step: DraftStep) => step.month ?? (step.quarter - 1) * 3 + 1;
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => at(a.step) - at(b.step) || a.index - b.index)
    .map(({ step }) => step);
}

const quote = (text: string) => JSON.stringify(text); // a valid YAML double-quoted string

/** The marker the English text of a drafted step carries until it is translated. */
export const toTranslate = 'TO TRANSLATE: ';

/** `src/content/timelines/<year>.yaml` in the schema the 2007 timeline uses. */
export function renderTimelineFile(
  year: number,
  sourceName: string,
  steps: ReadonlyArray<DraftStep>,
): string {
  const lines = [
    `# ${year} 年的工作进程，由 npm run import 从 ${sourceName} 中写明月份或季度的句子整理（按时间先后）。`,
    '# 核对每一步的季度和月份，删去不属于工作进程的句子，并翻译英文（en 一栏标有 TO TRANSLATE）。',
    `# The ${year} campaign steps, drafted by npm run import from the sentences of ${sourceName} that`,
    '# name a month or a quarter, in time order. Check each quarter and month, delete sentences that are',
    '# not steps of the campaign, and translate the English (marked TO TRANSLATE).',
    '# Figures are quoted as {metric:id}. Guide: docs/editing.en.md',
    `year: ${year}`,
  ];
  if (steps.length === 0) {
    lines.push(
      '# 文档中没有写明月份或季度的句子：按年度总结补写工作进程，或者删掉这个文件（没有时间线时网页不显示）。',
      '# The document has no sentence that names a month or quarter: write the steps from the report,',
      '# or delete this file (a year with no steps shows no timeline).',
      'steps: []',
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push('steps:');
  for (const step of steps) {
    lines.push(`  - quarter: ${step.quarter}`);
    if (step.month) lines.push(`    month: ${step.month}`);
    lines.push(
      `    section: ${step.section}`,
      '    text:',
      `      zh: ${quote(step.zh)}`,
      `      en: ${quote(`${toTranslate}${step.zh}`)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
