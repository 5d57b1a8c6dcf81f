// How much a document may hold before the importer reads it, and the refusals that name each limit.
//
// The limits are set from what a real annual summary needs, with wide headroom: the 2007 summary is
// about 4,000 characters (12 KB of UTF-8) in some 50 paragraphs with a handful of photos, and its
// .docx is 15 KB without the photos. A year with ten times the text and twenty phone photos (each
// 3–8 MB as a camera JPEG) still passes every limit by a wide margin; what does not is a document
// that would take the importer's memory or disk (a zip bomb, millions of empty paragraphs, one huge
// image used many times), which before these limits ran Node out of memory or filled `imported/`
// without a word. Pure: no I/O.
import type { ImportRefusal } from './file-kind';

export interface DocumentLimits {
  /** The .docx file itself, before it is read: images make most of a .docx's size. */
  docxFileBytes: number;
  /** The .txt file itself: text only. */
  txtFileBytes: number;
  /** Parts (zip entries) in a .docx: Word writes a dozen or two, plus one per image. */
  zipEntries: number;
  /** Any one XML part of a .docx unpacked (the text is word/document.xml). */
  xmlPartBytes: number;
  /** Any one image (or other embedded file) unpacked. */
  imageBytes: number;
  /** All images and embedded files together, unpacked. */
  imagesBytes: number;
  /** Everything in the .docx together, unpacked. */
  inflatedBytes: number;
  /** Paragraphs (Word's `<w:p>`, or the .txt's paragraphs). */
  paragraphs: number;
}

const MB = 1024 * 1024;

export const documentLimits: DocumentLimits = {
  // 100 MB: the images total below, plus room; the 2007 .docx is 15 KB without its photos.
  docxFileBytes: 100 * MB,
  // 4 MB of UTF-8 is well over a million Chinese characters: a hundred times the 2007 text.
  txtFileBytes: 4 * MB,
  // A Word document has 10–30 parts and one per image: 2,000 allows hundreds of images.
  zipEntries: 2000,
  // The 2007 text is 12 KB; Word's markup makes a document.xml some ten times its text. 16 MB is
  // over a hundred times that, and mammoth still reads it in about 8 s (measured, 19,000 long paragraphs).
  xmlPartBytes: 16 * MB,
  // A 50-megapixel camera JPEG (the gallery's own limit) is some 15–25 MB.
  imageBytes: 32 * MB,
  // Twenty full-size phone photos are about 100 MB.
  imagesBytes: 128 * MB,
  // The images' total and the XML parts together.
  inflatedBytes: 160 * MB,
  // The 2007 summary has about 50 paragraphs; a 300-page book has some 10,000. At 20,000 mammoth
  // reads for about 7 s and the import takes 5 s more (measured on a busy 2-core machine).
  paragraphs: 20_000,
};

/** A size for messages: 1.5 MB, 300 KB. */
export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

const count = (value: number) => value.toLocaleString('en-US');

const resave = {
  zh: '用 Word 或 WPS 打开它，另存为新的 .docx 后再导入',
  en: 'open it in Word or WPS, save it as a new .docx, and import that',
};
const compressPictures = {
  zh: '在 Word 中选中图片，“图片格式 > 压缩图片”（WPS：“图片工具 > 压缩图片”），或换成较小的 JPEG；图片也可以删掉，只导入文字',
  en:
    'in Word select the pictures and use Picture Format > Compress Pictures (WPS: Picture Tools > ' +
    'Compress), or replace them with smaller JPEGs; or delete the pictures and import the text only',
};

/** Why a document is refused for its size or shape: each names the limit and what to do. */
export type LimitBreach =
  | { kind: 'file'; extension: 'docx' | 'txt'; bytes: number }
  | { kind: 'entries'; entries: number }
  | { kind: 'xml-part'; part: string; bytes: number }
  | { kind: 'image'; part: string; bytes: number }
  | { kind: 'images'; bytes: number }
  | { kind: 'inflated'; bytes: number }
  | { kind: 'paragraphs'; paragraphs: number }
  | { kind: 'false-size'; part: string; declared: number }
  | { kind: 'damaged'; detail: string };

/** The bilingual refusal of a document that breaks a limit (or whose zip is not what it says). */
export function limitRefusal(
  file: string,
  breach: LimitBreach,
  limits: DocumentLimits = documentLimits,
): ImportRefusal {
  switch (breach.kind) {
    case 'file':
      return breach.extension === 'docx'
        ? {
            zh:
              `${file} 有 ${sizeText(breach.bytes)}，导入只读不超过 ${sizeText(limits.docxFileBytes)} 的 .docx` +
              `（2007 年的年度总结不到 1 MB）。改法：${compressPictures.zh}`,
            en:
              `${file} is ${sizeText(breach.bytes)}; the import reads a .docx of at most ` +
              `${sizeText(limits.docxFileBytes)} (the 2007 summary is under 1 MB). Fix: ${compressPictures.en}`,
          }
        : {
            zh:
              `${file} 有 ${sizeText(breach.bytes)}，导入只读不超过 ${sizeText(limits.txtFileBytes)} 的 .txt` +
              `（2007 年的年度总结约 12 KB）。改法：检查是否选错了文件；只导入这一年的年度总结`,
            en:
              `${file} is ${sizeText(breach.bytes)}; the import reads a .txt of at most ` +
              `${sizeText(limits.txtFileBytes)} (the 2007 summary is about 12 KB). Fix: check that ` +
              "this is the right file, and import the year's summary only",
          };
    case 'entries':
      return {
        zh:
          `${file} 里有 ${count(breach.entries)} 个部件（zip 条目），导入最多接受 ${count(limits.zipEntries)} 个` +
          `（普通 Word 文档只有几十个）。它不像普通的 Word 文档。改法：${resave.zh}`,
        en:
          `${file} holds ${count(breach.entries)} parts (zip entries); the import takes at most ` +
          `${count(limits.zipEntries)} (a Word document has a few dozen), so it is no ordinary Word ` +
          `document. Fix: ${resave.en}`,
      };
    case 'xml-part':
      return {
        zh:
          `${file} 的 ${breach.part} 解压后有 ${sizeText(breach.bytes)}，导入每个文字部件最多接受 ` +
          `${sizeText(limits.xmlPartBytes)}（2007 年的年度总结不到 1 MB）。改法：只导入这一年的年度总结；` +
          `文档确实这么长时，把它分成几份分别导入`,
        en:
          `${file}: its part ${breach.part} unpacks to ${sizeText(breach.bytes)}; the import takes ` +
          `text parts of at most ${sizeText(limits.xmlPartBytes)} each (the 2007 summary's is under 1 MB). ` +
          "Fix: import the year's summary only; if it really is this long, split it into several documents",
      };
    case 'image':
      return {
        zh:
          `${file} 中的图片 ${breach.part} 解压后有 ${sizeText(breach.bytes)}，导入每张图片最多接受 ` +
          `${sizeText(limits.imageBytes)}。改法：${compressPictures.zh}`,
        en:
          `${file}: the image ${breach.part} unpacks to ${sizeText(breach.bytes)}; the import takes ` +
          `images of at most ${sizeText(limits.imageBytes)} each. Fix: ${compressPictures.en}`,
      };
    case 'images':
      return {
        zh:
          `${file} 中的图片解压后共有 ${sizeText(breach.bytes)}，导入最多接受 ${sizeText(limits.imagesBytes)}` +
          `（约二十张手机照片）。改法：${compressPictures.zh}`,
        en:
          `${file}: its images unpack to ${sizeText(breach.bytes)} in all; the import takes at most ` +
          `${sizeText(limits.imagesBytes)} (some twenty phone photos). Fix: ${compressPictures.en}`,
      };
    case 'inflated':
      return {
        zh:
          `${file} 解压后共有 ${sizeText(breach.bytes)}，导入最多接受 ${sizeText(limits.inflatedBytes)}。` +
          `改法：${compressPictures.zh}`,
        en:
          `${file} unpacks to ${sizeText(breach.bytes)} in all; the import takes at most ` +
          `${sizeText(limits.inflatedBytes)}. Fix: ${compressPictures.en}`,
      };
    case 'paragraphs':
      return {
        zh:
          `${file} 有 ${count(breach.paragraphs)} 个段落，导入最多接受 ${count(limits.paragraphs)} 个` +
          `（2007 年的年度总结约 50 段）。改法：只导入这一年的年度总结；删掉大量空段落后另存为新的文档`,
        en:
          `${file} has ${count(breach.paragraphs)} paragraphs; the import takes at most ` +
          `${count(limits.paragraphs)} (the 2007 summary has about 50). Fix: import the year's summary ` +
          'only; delete runs of empty paragraphs and save it as a new document',
      };
    case 'false-size':
      return {
        zh:
          `${file} 已损坏或被改动过：其中的 ${breach.part} 解压后超过它自己登记的大小（${sizeText(breach.declared)}）。` +
          `改法：${resave.zh}`,
        en:
          `${file} is damaged or was tampered with: its part ${breach.part} unpacks to more than its own ` +
          `recorded size (${sizeText(breach.declared)}). Fix: ${resave.en}`,
      };
    case 'damaged':
      return {
        zh: `无法读取 Word 文档 ${file}（zip 结构已损坏：${breach.detail}）。改法：${resave.zh}`,
        en: `cannot read the Word document ${file} (damaged zip structure: ${breach.detail}). Fix: ${resave.en}`,
      };
  }
}

/** A document refused by a limit, thrown by the readers and printed by the command. */
export class DocumentRefused extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.en);
  }
}
