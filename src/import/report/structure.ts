// From blocks to the shape of a report: title, slogan and author lines (where the document has
// them), sections (一、), subsections (（一）), numbered items (1. / 1、) and paragraphs, whether or
// not the document used Word's heading styles. Pure.
import { headingAnchor } from './anchors';
import type { Block, ParagraphBlock } from './blocks';
import { parseChineseNumber } from '../../figures/prose-check';

export interface FrontMatterFound {
  title?: string;
  slogan?: string;
  author?: string;
  authorRole?: string;
  /** YYYY-MM-DD, from a date line such as 2008年1月20日. */
  date?: string;
}

export type BodyNode =
  | { type: 'heading'; level: 2 | 3; text: string; anchor: string }
  /** `runIn`: a heading sentence at the start of the paragraph, set in bold before the text. */
  | { type: 'paragraph'; text: string; runIn?: string }
  | { type: 'list'; items: Array<{ number: number; text: string }> }
  | { type: 'table'; rows: string[][] }
  | { type: 'image'; file: string; alt?: string; near: string };

export interface StructuredDocument {
  front: FrontMatterFound;
  body: BodyNode[];
  /** No 一、 section and no heading style: the text was put under one heading, 正文. */
  noSections: boolean;
}

const sectionMarker = /^[一二三四五六七八九十]+、/;
const subsectionMarker = /^[（(][一二三四五六七八九十]+[）)]/;
const itemMarker = /^(\d{1,2})[.、．](?!\d)\s*/;
const sentenceInside = /[。！？；!?;]/;
const roles =
  '书记|经理|主任|部长|厂长|主席|局长|处长|科长|总监|董事长|总经理|干事|秘书|委员|副总|总工程师|队长|会长';
const authorLine = new RegExp(`^(.{0,24}?(?:${roles}))[\\s\\u3000:：]*([\\u4e00-\\u9fff·]{2,4})$`);
const bylineLine = /^(?:作者|撰稿|执笔|文)[:：\s]\s*([\u4e00-\u9fff·]{2,4})$/;
const sloganLine = /^[\u4e00-\u9fff]{2,8}(?:[ \u3000、，·]+[\u4e00-\u9fff]{2,8}){1,5}$/;
const dateLine = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** The same date written in Chinese numerals: 二〇〇八年一月二十日. */
const hanDateLine =
  /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
/**
 * A line that says what it is: 口号：…, 主题：…, 标语：…, 标题：…, 作者：…, 日期：…. Short, and no
 * sentence inside, so that a paragraph that merely starts with 主题 is not taken.
 */
const labelledLine = /^(口号|主题|标语|标题|题目|作者|撰稿|执笔|日期)\s*[:：]\s*(.{1,60})$/;
const labelRoles: Record<string, FrontRole> = {
  口号: 'slogan',
  主题: 'slogan',
  标语: 'slogan',
  标题: 'title',
  题目: 'title',
  作者: 'author',
  撰稿: 'author',
  执笔: 'author',
  日期: 'date',
};

/** The value of a labelled front-matter line (quotes around a slogan or title dropped). */
function labelled(text: string): { role: FrontRole; value: string } | undefined {
  const match = labelledLine.exec(text.trim());
  const role = labelRoles[match?.[1] ?? ''];
  const value = match?.[2]?.trim().replace(/^[“"「『]\s*(.*?)\s*[”"」』]$/, '$1');
  if (!role || !value || sentenceInside.test(value.slice(0, -1))) return undefined;
  return { role, value };
}

/** YYYY-MM-DD from a date line in digits or Chinese numerals; undefined for a day that does not exist. */
export function frontDate(text: string): string | undefined {
  const digits = dateLine.exec(text.trim());
  const han = digits ? undefined : hanDateLine.exec(text.trim());
  if (!digits && !han) return undefined;
  const [year, month, day] = digits
    ? [Number(digits[1]), Number(digits[2]), Number(digits[3])]
    : [
        // A year in numerals is read digit by digit (二〇〇九 → 2009), a month or day as a number.
        Number([...(han?.[1] ?? '')].map((char) => parseChineseNumber(char) ?? 0).join('')),
        parseChineseNumber(han?.[2] ?? '') ?? 0,
        parseChineseNumber(han?.[3] ?? '') ?? 0,
      ];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A heading is short and has no sentence inside it (a final 。 is allowed). */
const headingLike = (text: string) => text.length <= 60 && !sentenceInside.test(text.slice(0, -1));

type FrontRole = 'title' | 'slogan' | 'author' | 'date';

/** Which front-matter line a paragraph is, if any. */
function frontRole(block: ParagraphBlock): FrontRole | undefined {
  const text = block.text.trim();
  const label = labelled(text);
  if (label) return label.role;
  if (block.style === 'title') return 'title';
  const bare = text.replace(/^[—–-]+\s*/, '');
  if (/(?:总结|报告)$/.test(bare) && bare.length <= 80 && !sentenceInside.test(bare))
    return 'title';
  if (frontDate(text)) return 'date';
  if (authorLine.test(text) || bylineLine.test(text)) return 'author';
  if (block.style === 'subtitle' || sloganLine.test(text)) return 'slogan';
  return undefined;
}

function takeFront(front: FrontMatterFound, role: FrontRole, text: string): boolean {
  const clean = labelled(text)?.value ?? text.trim().replace(/^[—–-]+\s*/, '');
  switch (role) {
    case 'title':
      if (front.title) return false;
      front.title = clean;
      return true;
    case 'slogan':
      if (front.slogan) return false;
      front.slogan = clean;
      return true;
    case 'date': {
      const date = frontDate(clean);
      if (front.date || !date) return false;
      front.date = date;
      return true;
    }
    case 'author': {
      if (front.author) return false;
      const byline = bylineLine.exec(clean);
      const withRole = authorLine.exec(clean);
      if (byline) front.author = byline[1] ?? '';
      else if (withRole) {
        front.author = withRole[2] ?? '';
        if (withRole[1]) front.authorRole = withRole[1].trim();
      } else front.author = clean; // 作者：李兵
      return true;
    }
  }
}

/**
 * Splits "1.力度减弱。……2.根据本班组……3.个别……" (items run together in text copied from a
 * PDF) at each next number that follows the end of a sentence.
 */
export function splitRunTogetherItems(
  first: number,
  text: string,
): Array<{ number: number; text: string }> {
  const items: Array<{ number: number; text: string }> = [];
  let number = first;
  let rest = text;
  for (;;) {
    const next = new RegExp(`(?<=[。！？；!?;])${number + 1}[.、．](?!\\d)`).exec(rest);
    if (!next) break;
    items.push({ number, text: rest.slice(0, next.index).trim() });
    rest = rest.slice(next.index + next[0].length);
    number += 1;
  }
  items.push({ number, text: rest.trim() });
  return items;
}

/** The first sentence of a paragraph that starts with a heading marker, and the rest. */
function runIn(text: string): { lead: string; rest: string } | undefined {
  const end = /[。！？!?]/.exec(text);
  if (!end || end.index + 1 >= text.length) return undefined;
  return { lead: text.slice(0, end.index + 1), rest: text.slice(end.index + 1).trim() };
}

/**
 * Where some subsections of a section run into their paragraph ("（一）要提升境界……认识。大家要……"),
 * a sibling set as a one-sentence heading line followed by its paragraph runs in too: text copied
 * from a layout often breaks one of them after the heading sentence.
 */
function runInLikeSiblings(body: BodyNode[]): void {
  let start = 0;
  while (start < body.length) {
    let end = body.findIndex((node, i) => i > start && node.type === 'heading' && node.level === 2);
    if (end < 0) end = body.length;
    const section = body.slice(start, end);
    const runsIn = section.some(
      (node) => node.type === 'paragraph' && node.runIn && subsectionMarker.test(node.runIn),
    );
    if (runsIn) {
      for (let i = start; i < end - 1; i += 1) {
        const node = body[i];
        const next = body[i + 1];
        if (
          node?.type === 'heading' &&
          node.level === 3 &&
          /[。！？]$/.test(node.text) &&
          next?.type === 'paragraph' &&
          !next.runIn
        ) {
          body.splice(i, 2, { type: 'paragraph', runIn: node.text, text: next.text });
          end -= 1;
        }
      }
    }
    start = end;
  }
}

export function structure(blocks: ReadonlyArray<Block>): StructuredDocument {
  const front: FrontMatterFound = {};
  const list = [...blocks];
  // Title, slogan and author lines stand before the first section, or (in magazines) after the last.
  const firstHeading = list.findIndex(
    (block) =>
      block.type === 'paragraph' &&
      ((sectionMarker.test(block.text) && headingLike(block.text)) ||
        block.style === 'h1' ||
        block.style === 'h2'),
  );
  const isFront = (block: Block | undefined) =>
    block?.type === 'paragraph' && frontRole(block) !== undefined;
  const taken = new Set<number>();
  for (let index = 0; index < (firstHeading < 0 ? list.length : firstHeading); index += 1) {
    const block = list[index];
    if (
      block?.type === 'paragraph' &&
      isFront(block) &&
      !(block.style === 'h1' && firstHeading < 0)
    ) {
      if (takeFront(front, frontRole(block) as FrontRole, block.text)) taken.add(index);
    }
  }
  if (firstHeading >= 0) {
    for (let index = list.length - 1; index > firstHeading; index -= 1) {
      const block = list[index];
      if (block?.type === 'image') continue;
      if (block?.type !== 'paragraph' || !isFront(block)) break;
      if (!takeFront(front, frontRole(block) as FrontRole, block.text)) break;
      taken.add(index);
    }
  }

  // A line labelled 口号：/主题：/标语： is the slogan wherever it stands; it never stays a paragraph.
  list.forEach((block, index) => {
    const label = block.type === 'paragraph' ? labelled(block.text) : undefined;
    if (!taken.has(index) && label?.role === 'slogan' && block.type === 'paragraph')
      if (takeFront(front, 'slogan', block.text)) taken.add(index);
  });

  const body: BodyNode[] = [];
  const used = new Set<string>();
  let sections = 0;
  let subsections = 0;
  let sectionAnchor: string | undefined;
  let lastText = '';
  const heading = (level: 2 | 3, text: string) => {
    if (level === 2) {
      sections += 1;
      subsections = 0;
      sectionAnchor = headingAnchor(text, 2, undefined, sections, used);
      body.push({ type: 'heading', level, text, anchor: sectionAnchor });
    } else {
      subsections += 1;
      body.push({
        type: 'heading',
        level,
        text,
        anchor: headingAnchor(text, 3, sectionAnchor, subsections, used),
      });
    }
  };
  const addItems = (items: Array<{ number: number; text: string }>) => {
    const last = body.at(-1);
    if (last?.type === 'list' && items[0]?.number !== 1) last.items.push(...items);
    else body.push({ type: 'list', items });
  };
  list.forEach((block, index) => {
    if (taken.has(index)) return;
    if (block.type === 'table') {
      body.push({ type: 'table', rows: block.rows });
      return;
    }
    if (block.type === 'image') {
      body.push({
        type: 'image',
        file: block.file,
        ...(block.alt ? { alt: block.alt } : {}),
        near: lastText.slice(0, 30),
      });
      return;
    }
    const text = block.text.trim();
    if (!text) return;
    lastText = text;
    const styledLevel =
      block.style === 'h1'
        ? 2
        : block.style === 'h2' || block.style === 'h3' || block.style === 'h4'
          ? 3
          : undefined;
    if (
      sectionMarker.test(text) ||
      subsectionMarker.test(text) ||
      (styledLevel && !itemMarker.test(text))
    ) {
      const level: 2 | 3 = sectionMarker.test(text)
        ? 2
        : subsectionMarker.test(text)
          ? 3
          : (styledLevel ?? 3);
      if (headingLike(text) || styledLevel) {
        heading(level, text);
        return;
      }
      const split = runIn(text);
      if (split) {
        body.push({ type: 'paragraph', text: split.rest, runIn: split.lead });
        return;
      }
    }
    const item = itemMarker.exec(text);
    if (block.listNumber !== undefined) {
      addItems(splitRunTogetherItems(block.listNumber, text));
      return;
    }
    if (item) {
      addItems(splitRunTogetherItems(Number(item[1]), text.slice(item[0].length)));
      return;
    }
    body.push({ type: 'paragraph', text });
  });
  runInLikeSiblings(body);
  const noSections = sections === 0;
  if (noSections) {
    // Everything under one heading, so the report has a section its figures can belong to.
    const anchor = 'body';
    used.add(anchor);
    body.splice(0, 0, {
      type: 'heading',
      level: 2,
      text: '正文',
      anchor,
    });
  }
  return { front, body, noSections };
}
