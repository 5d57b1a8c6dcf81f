// Reads a .docx with mammoth (its HTML conversion, with Word's and WPS's Chinese style names mapped)
// into blocks: paragraphs with soft line breaks joined, Word-numbered list items, tables and images.
// The zip is checked against the import's limits first (docx-package.ts), so mammoth never
// unpacks more than they allow; an image used several times is kept once.
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { ELEMENT_NODE, parse, TEXT_NODE, type ElementNode, type Node } from 'ultrahtml';
import type { Block, BlockStyle, ExtractedImage } from './blocks';
import { docxPackageBreach } from './docx-package';
import {
  documentLimits,
  DocumentRefused,
  limitRefusal,
  type DocumentLimits,
} from './import-limits';
import { lineEnd } from './line-ends';
import { decodeHtml, joinLines } from './text';

/**
 * Word's English style names are mapped by mammoth already; Chinese Word and WPS name the same
 * styles 标题 / 标题 1 …, and WPS writes them in lower case.
 */
const styleMap = [
  "p[style-name='Title'] => p.doc-title:fresh",
  "p[style-name='title'] => p.doc-title:fresh",
  "p[style-name='标题'] => p.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  "p[style-name='副标题'] => p.doc-subtitle:fresh",
  ...[1, 2, 3, 4].flatMap((level) => [
    `p[style-name='标题 ${level}'] => h${level}:fresh`,
    `p[style-name='heading ${level}'] => h${level}:fresh`,
  ]),
];

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/svg+xml': 'svg',
};

const isElement = (node: Node): node is ElementNode => node.type === ELEMENT_NODE;

/**
 * An element's text: text nodes decoded, `<br>` (a soft line break) and a line end inside a run
 * (`&#13;`, a vertical tab…) joined as Chinese text is.
 */
function textOf(node: Node): string {
  const pieces: string[] = [''];
  const visit = (current: Node) => {
    if (current.type === TEXT_NODE) {
      const [first = '', ...lines] = decodeHtml(String(current.value)).split(lineEnd);
      pieces[pieces.length - 1] += first;
      pieces.push(...lines);
    } else if (isElement(current)) {
      if (current.name === 'br') pieces.push('');
      else if (current.name === 'img') return;
      else for (const child of current.children) visit(child);
    }
  };
  visit(node);
  return pieces.reduce((text, piece) => joinLines(text, piece)).trim();
}

function imagesIn(node: Node): Array<{ file: string; alt?: string }> {
  const found: Array<{ file: string; alt?: string }> = [];
  const visit = (current: Node) => {
    if (!isElement(current)) return;
    if (current.name === 'img') {
      const alt = String(current.attributes.alt ?? '').trim();
      found.push({ file: String(current.attributes.src ?? ''), ...(alt ? { alt } : {}) });
    }
    for (const child of current.children) visit(child);
  };
  visit(node);
  return found;
}

export interface DocxContent {
  blocks: Block[];
  images: ExtractedImage[];
}

/**
 * The blocks of a .docx, in reading order, and its images (named image-1.png, …, each image once
 * however often the text uses it). Throws DocumentRefused when the .docx breaks a limit.
 */
export async function readDocx(
  bytes: Uint8Array,
  {
    file = 'document.docx',
    limits = documentLimits,
  }: { file?: string; limits?: DocumentLimits } = {},
): Promise<DocxContent> {
  const breach = docxPackageBreach(bytes, limits);
  if (breach) throw new DocumentRefused(limitRefusal(file, breach, limits));
  const images: ExtractedImage[] = [];
  const imageFiles = new Map<string, string>();
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      styleMap,
      convertImage: mammoth.images.imgElement(async (image) => {
        const data = new Uint8Array(await image.readAsBuffer());
        const hash = createHash('sha256').update(data).digest('hex');
        const known = imageFiles.get(hash);
        if (known) return { src: known };
        const name = `image-${images.length + 1}.${extensions[image.contentType] ?? 'bin'}`;
        imageFiles.set(hash, name);
        images.push({ file: name, bytes: data });
        return { src: name };
      }),
    },
  );
  const blocks: Block[] = [];
  const paragraph = (node: ElementNode, style?: BlockStyle, listNumber?: number) => {
    const text = textOf(node);
    if (text)
      blocks.push({
        type: 'paragraph',
        text,
        ...(style ? { style } : {}),
        ...(listNumber === undefined ? {} : { listNumber }),
      });
    for (const image of imagesIn(node)) blocks.push({ type: 'image', ...image });
  };
  const visit = (node: Node) => {
    if (!isElement(node)) {
      if (node.type === TEXT_NODE && textOf(node))
        blocks.push({ type: 'paragraph', text: textOf(node) });
      return;
    }
    const className = String(node.attributes.class ?? '');
    switch (node.name) {
      case 'p':
        paragraph(
          node,
          className === 'doc-title'
            ? 'title'
            : className === 'doc-subtitle'
              ? 'subtitle'
              : undefined,
        );
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        paragraph(node, (node.name > 'h4' ? 'h4' : node.name) as BlockStyle);
        return;
      case 'ol':
      case 'ul': {
        let number = 0;
        for (const item of node.children.filter(isElement)) {
          if (item.name !== 'li') continue;
          number += 1;
          const nested = item.children.filter(
            (child) => isElement(child) && (child.name === 'ol' || child.name === 'ul'),
          );
          const own = { ...item, children: item.children.filter((c) => !nested.includes(c)) };
          paragraph(own, undefined, node.name === 'ol' ? number : undefined);
          nested.forEach(visit);
        }
        return;
      }
      case 'table': {
        const rows: string[][] = [];
        const collect = (current: Node) => {
          if (!isElement(current)) return;
          if (current.name === 'tr') {
            rows.push(
              current.children
                .filter(isElement)
                .filter((cell) => cell.name === 'td' || cell.name === 'th')
                .map(textOf),
            );
            return;
          }
          current.children.forEach(collect);
        };
        collect(node);
        if (rows.length > 0) blocks.push({ type: 'table', rows });
        for (const image of imagesIn(node)) blocks.push({ type: 'image', ...image });
        return;
      }
      default:
        node.children.forEach(visit);
    }
  };
  (parse(result.value) as { children: Node[] }).children.forEach(visit);
  return { blocks, images };
}
