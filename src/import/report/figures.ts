// Every number of the prose bound to a figure: each count (108个) and percentage (66%) becomes a
// figure of the year's figures file and a <Metric> in the text; a percentage stated beside its part
// ("71个，占公司班组总数的66%") becomes a share of that part and of the whole the same paragraph
// gives, checked with the project's rounding; a bare list of percentages named before they are
// stated ("“50、95、95”") quotes those figures with `bare`. Numbers that are neither (dates, 第3)
// are left as typed and listed for the editor. Pure.
import { parseChineseNumber } from '../../figures/prose-check';
import { roundPercent } from '../../figures/compute';
import { chineseNoun, englishCounter } from './counters';

/** A figure the import declares, ready to be written into the figures file. */
export interface ImportedFigure {
  id: string;
  kind: 'count' | 'percent';
  label: string;
  counter?: { zh: string; en: string };
  /** As the document states it; absent for a share. */
  value?: number;
  share?: { part: string; of: string };
  /** Carried over from an earlier year: a figure computed from two of this year's. */
  difference?: { from: string; minus: string };
  section: string;
  /** The words of the document the figure was found in. */
  quote: string;
  /** A stated percentage its counts do not give (kept as stated, with a note for the editor). */
  disagreement?: { stated: number; computed: number; part: string; of: string };
  /** Written as a Chinese numeral in the document (三十个): the page will show digits. */
  fromNumeral?: boolean;
  /** The Chinese noun the count counts (建议), where the text names one: a new figure's label names it. */
  noun?: string;
  /** The English label, when an earlier year's figure of the same measure gives it. */
  labelEn?: string;
  /** Carried over from an earlier year's figure of the same measure. */
  partOf?: string;
  target?: { for: string; direction: 'at-least' | 'at-most' };
}

export type Segment = string | { metric: string; bare?: boolean };

/** Something the editor must look at, in both languages. */
export interface EditorNote {
  zh: string;
  en: string;
}

const counterWords = '个|個|家|项|名|人|位|件|条|次|处';
const notCounted = '(?!百分点|月|小时|季度|年)';
const digit = '[0-9０-９]';
/** A whole number, with thousands separators as typed (1,080 · 1，080): read as 1080, never as 80. */
const wholeNumber = `${digit}{1,3}(?:[,，]${digit}{3})+(?!${digit})|${digit}+`;
const zhNumeral = '[零〇一二两三四五六七八九十百千]+';
const halfWidth = (text: string) =>
  text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[,，](?=[0-9]{3}(?![0-9]))/g, '');

interface Span {
  start: number;
  end: number;
  kind: 'count' | 'percent';
  value: number;
  counter?: string;
  digits: number;
  fromNumeral?: boolean;
}

/** The counts and percentages of a text, in order; a count's span is its number (the counter word stays text). */
export function findFigureSpans(text: string): Span[] {
  const spans: Span[] = [];
  const add = (span: Span) => {
    if (spans.some((s) => span.start < s.end && s.start < span.end)) return;
    spans.push(span);
  };
  for (const m of text.matchAll(
    new RegExp(`(?<![0-9０-９.．])(${digit}+(?:[.．]${digit}+)?)\\s*[%％]`, 'g'),
  )) {
    const number = halfWidth(m[1] ?? '');
    add({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'percent',
      value: Number(number),
      digits: number.split('.')[1]?.length ?? 0,
    });
  }
  for (const m of text.matchAll(new RegExp(`百分之(${zhNumeral})|(${zhNumeral})\\s*[%％]`, 'g'))) {
    const value = parseChineseNumber(m[1] ?? m[2] ?? '');
    if (value !== undefined)
      add({
        start: m.index,
        end: m.index + m[0].length,
        kind: 'percent',
        value,
        digits: 0,
        fromNumeral: true,
      });
  }
  for (const m of text.matchAll(
    new RegExp(`(?<![0-9０-９.．])(${wholeNumber})(\\s*)(${counterWords})${notCounted}`, 'g'),
  )) {
    add({
      start: m.index,
      end: m.index + (m[1] ?? '').length,
      kind: 'count',
      value: Number(halfWidth(m[1] ?? '')),
      counter: m[3] === '個' ? '个' : (m[3] ?? '个'),
      digits: 0,
    });
  }
  // Chinese numerals from ten up (三十个); 一个、两个 are words, not figures (as the prose check reads them).
  for (const m of text.matchAll(
    new RegExp(`(${zhNumeral})(\\s*)(${counterWords})${notCounted}`, 'g'),
  )) {
    const value = parseChineseNumber(m[1] ?? '');
    if (value !== undefined && value >= 10)
      add({
        start: m.index,
        end: m.index + (m[1] ?? '').length,
        kind: 'count',
        value,
        counter: m[3] === '個' ? '个' : (m[3] ?? '个'),
        digits: 0,
        fromNumeral: true,
      });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const clauseBreak = /[，。；：！？,;:!?]/;
const phraseBreak = /[，。；：！？,;:!?、]/;
const sentenceBreak = /[。；！？;!?]/;

/** The clause (or, with another `breaks`, phrase or sentence) of `text` around [start, end). */
function clauseAround(
  text: string,
  start: number,
  end: number,
  breaks = clauseBreak,
): { from: number; to: number } {
  let from = start;
  while (from > 0 && !breaks.test(text[from - 1] ?? '')) from -= 1;
  let to = end;
  while (to < text.length && !breaks.test(text[to] ?? '')) to += 1;
  return { from, to };
}

/** A label from the figure's clause: its words without the number, cut to a readable length ('' if none). */
function labelFrom(text: string, span: Span): string {
  const { from, to } = clauseAround(text, span.start, span.end, phraseBreak);
  const counterEnd =
    span.kind === 'count'
      ? span.end + (/^\s*./.exec(text.slice(span.end))?.[0].length ?? 0)
      : span.end;
  let before = text.slice(from, span.start);
  const after = text.slice(counterEnd, to);
  if (span.kind === 'percent' && before.endsWith('的')) before += '比例';
  const label = `${before}${after}`.replace(/[“”"「」『』]/g, '').trim();
  const short = label.length > 40 ? `${label.slice(0, 39)}…` : label;
  return short;
}

const camel = (anchor: string) => anchor.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const stemOf = (noun: string) => camel(noun.replace(/\s+/g, '-'));

/** Binds the figures of a whole document, text by text, keeping ids unique. */
export class FigureBinder {
  readonly figures: ImportedFigure[] = [];
  readonly notes: EditorNote[] = [];
  /** Numbers left as typed (not counts or percentages), for the summary. */
  readonly unbound: Array<{ number: string; context: string; section: string }> = [];
  private readonly counters = new Map<string, number>();
  /** Count figures of the current section, for shares whose whole is stated in an earlier paragraph. */
  private sectionCounts: Array<{ figure: ImportedFigure; value: number }> = [];
  private section = 'body';

  enterSection(anchor: string): void {
    this.section = anchor;
    this.sectionCounts = [];
  }

  private nextId(stem: string): string {
    const key = `${camel(this.section)}.${stem}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return `${key}${n}`;
  }

  /** The text as segments: plain text and <Metric> references, with every figure declared. */
  /**
   * `context`: words that say what the text's numbers count when the text itself does not (a
   * table cell's row and column headings), for the labels and counter nouns.
   */
  bind(text: string, context = ''): Segment[] {
    const label = (span: Span) => {
      const own = labelFrom(text, span);
      if (context) return `${context}${own}`;
      const { from, to } = clauseAround(text, span.start, span.end);
      return own || text.slice(from, to).trim() || '（待命名）';
    };
    const spans = findFigureSpans(text);
    const bound: Array<{ span: Span; metric: string; bare?: boolean }> = [];
    const paragraphCounts: Array<{ figure: ImportedFigure; value: number; span: Span }> = [];
    let previous: { figure: ImportedFigure; span: Span } | undefined;
    for (const span of spans) {
      const quote = text.slice(
        clauseAround(text, span.start, span.end).from,
        clauseAround(text, span.start, span.end).to,
      );
      if (span.kind === 'count') {
        const counter = span.counter ?? '个';
        const before =
          context +
          text.slice(clauseAround(text, span.start, span.end, sentenceBreak).from, span.start);
        const after = text.slice(span.end).replace(/^\s*./, '');
        const noun = englishCounter(counter, before, after);
        const nounZh = /[人名位]/.test(counter) ? undefined : chineseNoun(before, after);
        const figure: ImportedFigure = {
          id: this.nextId(stemOf(noun)),
          kind: 'count',
          label: label(span),
          counter: { zh: counter, en: noun },
          value: span.value,
          section: this.section,
          quote,
          ...(span.fromNumeral ? { fromNumeral: true } : {}),
          ...(nounZh ? { noun: nounZh } : {}),
        };
        this.figures.push(figure);
        bound.push({ span, metric: figure.id });
        paragraphCounts.push({ figure, value: span.value, span });
        previous = { figure, span };
        continue;
      }
      // "71个，占……66%" or "71个，优秀率66%": a percentage right after a count (no other figure, no
      // sentence end between) that says 占, 率 or 比例 is that count's share of a whole.
      const between = previous ? text.slice(previous.span.end, span.start) : '';
      const part =
        previous?.span.kind === 'count' && /^[^。；;！？!?]*(?:占|率|比例|比重)/.test(between)
          ? previous
          : undefined;
      const figure: ImportedFigure = {
        id: this.nextId(part ? 'share' : 'percent'),
        kind: 'percent',
        label: label(span),
        section: this.section,
        quote,
        ...(span.fromNumeral ? { fromNumeral: true } : {}),
      };
      if (part) this.shareOf(figure, part, span, paragraphCounts);
      else figure.value = span.value;
      this.figures.push(figure);
      bound.push({ span, metric: figure.id });
      previous = { figure, span };
    }
    this.sectionCounts.push(...paragraphCounts.map(({ figure, value }) => ({ figure, value })));
    bound.push(...this.bareLists(text, bound));
    this.collectUnbound(
      text,
      bound.map((b) => b.span),
    );
    // Segments in text order.
    bound.sort((a, b) => a.span.start - b.span.start);
    const segments: Segment[] = [];
    let at = 0;
    for (const { span, metric, bare } of bound) {
      if (span.start > at) segments.push(text.slice(at, span.start));
      segments.push(bare ? { metric, bare } : { metric });
      at = span.end;
    }
    if (at < text.length) segments.push(text.slice(at));
    return segments;
  }

  /**
   * Declares a percentage stated beside its part as a share of the whole that gives it: a count
   * of the same counter word stated before it (in the paragraph, else the section), preferring
   * the largest. When no whole gives the stated percentage, the stated value is kept and the
   * disagreement reported.
   */
  private shareOf(
    figure: ImportedFigure,
    part: { figure: ImportedFigure; span: Span },
    span: Span,
    paragraphCounts: Array<{ figure: ImportedFigure; value: number }>,
  ): void {
    const partValue = part.figure.value ?? 0;
    const sameCounter = (c: { figure: ImportedFigure; value: number }) =>
      c.figure !== part.figure &&
      c.figure.counter?.zh === part.figure.counter?.zh &&
      c.value >= partValue &&
      c.value > 0;
    const inParagraph = paragraphCounts.filter(sameCounter);
    const candidates =
      inParagraph.length > 0 ? inParagraph : this.sectionCounts.filter(sameCounter);
    const computed = (whole: number) => roundPercent((partValue * 100) / whole, span.digits) ?? NaN;
    const matching = candidates.filter((c) => computed(c.value) === span.value);
    const largest = (list: typeof candidates) =>
      list.reduce(
        (best, c) => (c.value > best.value ? c : best),
        list[0] as (typeof candidates)[number],
      );
    if (matching.length > 0) {
      figure.share = { part: part.figure.id, of: largest(matching).figure.id };
      return;
    }
    figure.value = span.value;
    if (candidates.length === 0) {
      this.notes.push({
        zh: `“${figure.quote}”是占比，但同一段没有给出总数：保留为数字 ${figure.id}（${span.value}%）；如果报告其他地方给出了总数，请改写成 share`,
        en:
          `"${figure.quote}" is a share, but its paragraph gives no whole: kept as the figure ` +
          `${figure.id} (${span.value}%); if the report states the whole elsewhere, declare it as a share`,
      });
      return;
    }
    const whole = largest(candidates);
    const exact = ((partValue * 100) / whole.value).toFixed(2);
    figure.disagreement = {
      stated: span.value,
      computed: computed(whole.value),
      part: part.figure.id,
      of: whole.figure.id,
    };
    this.notes.push({
      zh:
        `“${figure.quote}”与它的数字不符：${partValue}/${whole.value} = ` +
        `${exact}%，四舍五入为 ${computed(whole.value)}%，文中写的是 ${span.value}%。` +
        `导入暂按文中的 ${span.value}% 写入 ${figure.id}：请核对原文，改正计数或百分比，然后把它改成 ` +
        `share: { part: ${part.figure.id}, of: ${whole.figure.id} }`,
      en:
        `"${figure.quote}" disagrees with its counts: ${partValue}/${whole.value} ` +
        `= ${exact}%, which rounds (half up) to ${computed(whole.value)}%, ` +
        `but the text says ${span.value}%. Kept as stated in ${figure.id} ` +
        `for now: check the source, correct the count or the percentage, ` +
        `then declare it as share: { part: ${part.figure.id}, of: ${whole.figure.id} }`,
    });
  }

  /**
   * “50、95、95”: bare numbers listed before the same percentages are stated in the paragraph
   * quote those percentages' figures without the % sign.
   */
  private bareLists(text: string, bound: Array<{ span: Span; metric: string }>) {
    const extra: Array<{ span: Span; metric: string; bare: boolean }> = [];
    const list = new RegExp(
      `(?<![0-9０-９.．%％])${digit}{1,3}(?:、${digit}{1,3})+(?![0-9０-９.．%％]|\\s*(?:${counterWords}|年|月|日))`,
      'g',
    );
    for (const m of text.matchAll(list)) {
      const numbers: Span[] = [];
      let offset = m.index;
      for (const part of m[0].split('、')) {
        numbers.push({
          start: offset,
          end: offset + part.length,
          kind: 'percent',
          value: Number(halfWidth(part)),
          digits: 0,
        });
        offset += part.length + 1;
      }
      const later = bound.filter(
        (b) => b.span.kind === 'percent' && b.span.start >= m.index + m[0].length,
      );
      const used = new Set<number>();
      const matched = numbers.map((n) => {
        const index = later.findIndex((b, i) => !used.has(i) && b.span.value === n.value);
        if (index >= 0) used.add(index);
        return index >= 0 ? later[index] : undefined;
      });
      if (matched.every(Boolean))
        numbers.forEach((n, i) =>
          extra.push({ span: n, metric: matched[i]?.metric ?? '', bare: true }),
        );
    }
    return extra;
  }

  private collectUnbound(text: string, spans: Span[]) {
    for (const m of text.matchAll(
      // One number, thousands separators and all (产值1,234万元 is one number left as typed, not two).
      new RegExp(`(?<![0-9０-９.．])(?:${wholeNumber})(?:[.．]${digit}+)?`, 'g'),
    )) {
      if (spans.some((s) => m.index < s.end && s.start < m.index + m[0].length)) continue;
      const after = text.slice(m.index + m[0].length);
      const before = text.slice(0, m.index);
      // Dates, times, ordinals and names of things (第3, 3号楼) are not figures.
      if (
        /^\s*(?:年|月|日|号|时|点|分|秒|周年|届|期|季度|年度|天|岁|级|星|版|楼|层|:|：)/.test(after)
      )
        continue;
      if (/第\s*$/.test(before)) continue;
      const { from, to } = clauseAround(text, m.index, m.index + m[0].length);
      this.unbound.push({ number: m[0], context: text.slice(from, to), section: this.section });
    }
  }
}
