// Reads plain text copied out of a PDF or a magazine layout into paragraphs. Such text is broken
// into lines of the column's width: a line that fills the column continues on the next one (even
// across a blank line, where a page or column ended), a shorter line ends its paragraph. Layout
// marks before captions (▲, arrows) are dropped and the captions set apart, and the typesetting
// spaces between Chinese and digits ("2007年 1月") removed. Pure: text in, blocks out.
import type { ParagraphBlock } from './blocks';
import { normaliseLineEnds } from './line-ends';
import { isCjk, joinLines, layoutMarks, sentenceEnd, visualWidth } from './text';

/** Lines that always start a new paragraph: 一、 （一） 1. / 1、, a dash line, an indent. */
const startsParagraph =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d)|[—–-]{2,}|\u3000|\s{2,})/;

const headingStart = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

export interface PlainTextContent {
  blocks: ParagraphBlock[];
  /** Lines that followed a layout mark (photo captions of the layout), marks removed, in order. */
  captions: string[];
}

/** Removes the spaces a typesetter put between Chinese and digits or Latin letters. */
export function dropTypesettingSpaces(text: string): string {
  return text.replace(/([^\s])[ \u00a0]+(?=([^\s]))/g, (match, before: string, after: string) =>
    isCjk(before) !== isCjk(after) ||
    (isCjk(before) && /[\u3000-\u303f\uff00-\uffef“”]/.test(before + after))
      ? before
      : match,
  );
}

/** The width a full line of the text's column has: most lines of running text are about this wide. */
function columnWidth(lines: string[]): number {
  const widths = lines
    .map((line) => visualWidth(line.trim()))
    .filter((width) => width >= 8)
    .sort((a, b) => a - b);
  if (widths.length === 0) return Infinity;
  return widths[Math.floor(widths.length / 2)] ?? Infinity;
}

export function readPlainText(text: string): PlainTextContent {
  const lines = normaliseLineEnds(text.replace(/^\ufeff/, '')).split('\n');
  const column = columnWidth(lines);
  const full = column - 3;
  const blocks: ParagraphBlock[] = [];
  const captions: string[] = [];
  let current: string | undefined;
  let caption: string | undefined;
  let continues = false;
  let headingOpen = false;
  // A line that fills the column continues; one wider than the column stands alone (a title set
  // across the page), and a full line that ends a sentence before a blank line ends its paragraph.
  const fills = (line: string) => {
    const width = visualWidth(line.trim());
    return width >= full && width <= column + 6;
  };
  const endParagraph = () => {
    if (current !== undefined && current.trim())
      blocks.push({ type: 'paragraph', text: dropTypesettingSpaces(current.trim()) });
    current = undefined;
  };
  const endCaption = () => {
    if (caption !== undefined && caption.trim())
      captions.push(dropTypesettingSpaces(caption.trim()));
    caption = undefined;
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      endCaption();
      // A blank line after a full line is a page or column break inside the paragraph.
      if (!continues || (current !== undefined && sentenceEnd.test(current))) endParagraph();
      continue;
    }
    if (layoutMarks.test(line)) {
      endCaption();
      endParagraph();
      caption = line.replace(layoutMarks, '');
      continues = false;
      continue;
    }
    if (caption !== undefined) {
      caption = joinLines(caption, line.trim());
      continue;
    }
    // A heading broken before its last word or two ("……的总" / "体要求") gets them back.
    const last = blocks.at(-1);
    if (
      current === undefined &&
      headingOpen &&
      last &&
      visualWidth(line.trim()) <= 6 &&
      !startsParagraph.test(line)
    ) {
      last.text = joinLines(last.text, dropTypesettingSpaces(line.trim()));
      headingOpen = false;
      continue;
    }
    headingOpen = false;
    if (current === undefined || startsParagraph.test(line)) {
      endParagraph();
      current = line.trim();
    } else current = joinLines(current, line.trim());
    continues = fills(line);
    if (!continues) {
      headingOpen =
        current !== undefined && headingStart.test(current) && !/[\p{P}]$/u.test(current);
      endParagraph();
    }
  }
  endCaption();
  endParagraph();
  return { blocks, captions };
}
