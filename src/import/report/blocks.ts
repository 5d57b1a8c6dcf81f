/**
 * What a document is made of once read, whatever its format (.docx through mammoth, .txt as
 * copied out of a PDF): paragraphs of plain text in reading order, tables, and images. The rest of
 * the importer (structure, figures, MDX) works on these only.
 */

/** Word's paragraph style as far as the importer cares: title, subtitle or a heading level. */
export type BlockStyle = 'title' | 'subtitle' | 'h1' | 'h2' | 'h3' | 'h4';

export interface ParagraphBlock {
  type: 'paragraph';
  /** The paragraph's text, soft line breaks already joined. */
  text: string;
  style?: BlockStyle;
  /** The number Word's own list numbering gave the paragraph (its text then lacks "1."). */
  listNumber?: number;
}

export interface TableBlock {
  type: 'table';
  /** Cell texts, row by row; the first row is the header. */
  rows: string[][];
}

export interface ImageBlock {
  type: 'image';
  /** File name the image is saved under in the import folder, e.g. `image-1.png`. */
  file: string;
  /** The document's own description of the image (Word's alt text), if any. */
  alt?: string;
}

export type Block = ParagraphBlock | TableBlock | ImageBlock;

/** An image taken out of the document, to be written next to the import notes. */
export interface ExtractedImage {
  file: string;
  bytes: Uint8Array;
}
