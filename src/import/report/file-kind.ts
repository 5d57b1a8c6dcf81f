// What a file really is, from its first bytes, before any reader touches it: an old binary Word
// or WPS file and a password-protected .docx are both OLE2 containers ("D0 CF 11 E0"), a .docx is
// a zip holding word/document.xml, and a .txt must be text. Pure: bytes in, verdict out.

/** A refusal the command prints in both languages; nothing is written. */
export interface ImportRefusal {
  zh: string;
  en: string;
}

export type SniffedDocument =
  | { ok: true; kind: 'docx' }
  | {
      ok: true;
      kind: 'txt';
      text: string;
      encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
    }
  | { ok: false; refusal: ImportRefusal };

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>) =>
  prefix.every((byte, index) => bytes[index] === byte);
const ascii = (bytes: Uint8Array, length = 8) => String.fromCharCode(...bytes.subarray(0, length));

/** Whether an OLE2 container holds a stream with this name (names are stored in UTF-16LE). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** A guess at what a file is, for the message when it is not what its extension says. */
function describe(bytes: Uint8Array): { zh: string; en: string } {
  const head = ascii(bytes, 16);
  if (head.startsWith('%PDF')) return { zh: 'PDF 文件', en: 'a PDF file' };
  if (head.startsWith('{\\rtf')) return { zh: 'RTF 文件', en: 'an RTF file' };
  if (/^\s*<(?:!doctype|html)/i.test(head)) return { zh: '网页（HTML）', en: 'a web page (HTML)' };
  if (startsWith(bytes, [0x50, 0x4b])) return { zh: 'zip 压缩文件', en: 'a zip archive' };
  if (startsWith(bytes, ole2))
    return { zh: '旧版 Word/WPS 文件（.doc/.wps）', en: 'an old Word/WPS file (.doc/.wps)' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { zh: 'JPEG 图片', en: 'a JPEG image' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { zh: 'PNG 图片', en: 'a PNG image' };
  return { zh: '无法识别的文件', en: 'a file of unknown kind' };
}

const saveAsDocx = {
  zh: '用 Word 或 WPS 打开它，选“另存为”，文件类型选“Word 文档（*.docx）”，再导入新的 .docx 文件',
  en: 'open it in Word or WPS, choose Save As, pick the type "Word Document (*.docx)", and import the new .docx file',
};

function oleRefusal(file: string, bytes: Uint8Array): ImportRefusal {
  // Word and WPS keep an encrypted .docx inside an OLE2 container with these two streams.
  if (hasStream(bytes, 'EncryptionInfo') || hasStream(bytes, 'EncryptedPackage')) {
    return {
      zh:
        `${file} 设有打开密码（已加密），无法读取。改法：在 Word 中“文件 > 信息 > 保护文档 > 用密码进行加密”，` +
        `删掉密码后保存（WPS：“文件 > 文档加密 > 密码加密”，清空密码），再导入`,
      en:
        `${file} is protected by a password (encrypted) and cannot be read. Fix: in Word, File > Info > ` +
        `Protect Document > Encrypt with Password, clear the password and save (WPS: File > Document ` +
        `Encryption > Password Encryption, clear it); then import it again`,
    };
  }
  return {
    zh: `${file} 是旧版 Word/WPS 二进制文件（.doc/.wps 格式），导入只读 .docx。改法：${saveAsDocx.zh}`,
    en: `${file} is an old binary Word/WPS file (.doc/.wps format); the import reads .docx only. Fix: ${saveAsDocx.en}`,
  };
}

/**
 * Decides from a file's bytes and name whether the importer can read it, and how. A .docx must be
 * a zip with word/document.xml; a .txt must be UTF-8, UTF-16 with its byte-order mark, or GB18030
 * (what Chinese Windows saves as "ANSI") that reads as Simplified Chinese.
 */
export function sniffDocument(file: string, bytes: Uint8Array): SniffedDocument {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const refuse = (zh: string, en: string): SniffedDocument => ({ ok: false, refusal: { zh, en } });
  if (extension === 'doc' || extension === 'wps') {
    if (startsWith(bytes, ole2)) return { ok: false, refusal: oleRefusal(file, bytes) };
    return refuse(
      `${file} 是 .${extension} 文件，导入只读 .docx 和 .txt。改法：${saveAsDocx.zh}`,
      `${file} is a .${extension} file; the import reads .docx and .txt only. Fix: ${saveAsDocx.en}`,
    );
  }
  if (extension !== 'docx' && extension !== 'txt') {
    return refuse(
      `${file}：导入只读 Word 文档（.docx）和纯文本（.txt）。改法：把它另存为 .docx，或把文字复制到 .txt 文件中`,
      `${file}: the import reads Word documents (.docx) and plain text (.txt) only. ` +
        `Fix: save it as .docx, or copy its text into a .txt file`,
    );
  }
  if (bytes.length === 0) {
    return refuse(
      `${file} 是空文件（0 字节），没有可导入的内容。改法：检查是否选错了文件，或重新保存文档`,
      `${file} is empty (0 bytes): there is nothing to import. Fix: ` +
        `check that this is the right file, or save the document again`,
    );
  }
  if (extension === 'docx') {
    if (startsWith(bytes, ole2)) return { ok: false, refusal: oleRefusal(file, bytes) };
    const is = describe(bytes);
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
      return refuse(
        `${file} 的扩展名是 .docx，但它其实是${is.zh}，不是 Word 文档。改法：用 Word 或 WPS 打开原文件，另存为“Word 文档（*.docx）”`,
        `${file} is named .docx but is ${is.en}, not a Word document. Fix: open ` +
          `the original in Word or WPS and save it as "Word Document (*.docx)"`,
      );
    }
    // A zip's file names are stored as plain bytes, so the main part's name shows without unzipping.
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!names.includes('word/document.xml')) {
      const other = names.includes('xl/workbook')
        ? { zh: 'Excel 表格（.xlsx）', en: 'an Excel workbook (.xlsx)' }
        : names.includes('ppt/presentation')
          ? { zh: 'PowerPoint 演示文稿（.pptx）', en: 'a PowerPoint presentation (.pptx)' }
          : names.includes('content.xml')
            ? { zh: 'OpenDocument 文件（.odt 等）', en: 'an OpenDocument file (.odt or similar)' }
            : { zh: 'zip 压缩文件', en: 'a zip archive' };
      return refuse(
        `${file} 的扩展名是 .docx，但它其实是${other.zh}，不是 Word 文档。改法：把年度总结另存为“Word 文档（*.docx）”再导入`,
        `${file} is named .docx but is ${other.en}, not a Word document. Fix: ` +
          `save the year's summary as "Word Document (*.docx)" and import that`,
      );
    }
    return { ok: true, kind: 'docx' };
  }
  // .txt
  if (
    startsWith(bytes, ole2) ||
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    ascii(bytes, 4) === '%PDF'
  ) {
    const is = describe(bytes);
    return refuse(
      `${file} 的扩展名是 .txt，但它其实是${is.zh}。改法：Word 文档请直接导入 .docx 文件；PDF 请把文字复制到记事本，保存为 UTF-8 编码的 .txt`,
      `${file} is named .txt but is ${is.en}. Fix: import a Word document as its .docx ` +
        `file; for a PDF, copy the text into a plain-text editor and save it as UTF-8 .txt`,
    );
  }
  return sniffText(file, bytes);
}

/** Text saved by Windows' Notepad as "Unicode": UTF-16 with its byte-order mark. */
const utf16Boms = [
  { bom: [0xff, 0xfe], encoding: 'utf-16le' },
  { bom: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/**
 * Whether bytes that decode as GB18030 read as Simplified Chinese: text saved as GB2312/GBK by
 * Chinese Windows uses GB2312's hanzi (lead byte B0–F7) and punctuation (A1–A3) almost only. Big5
 * (Traditional Chinese) and Shift-JIS (Japanese) also decode as GB18030 without an error, but as
 * rare characters and private-use codes: their lead and trail bytes fall mostly outside those rows.
 */
export function readsAsGb2312Text(bytes: Uint8Array): boolean {
  let multibyte = 0;
  let usual = 0;
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) continue;
    const trail = bytes[index + 1] ?? 0;
    multibyte += 1;
    if (trail >= 0x30 && trail <= 0x39) {
      index += 3; // a four-byte GB18030 sequence: never in text Notepad saves as "ANSI"
      continue;
    }
    index += 1;
    const gb2312Row = (lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7);
    if (gb2312Row && trail >= 0xa1 && trail <= 0xfe) usual += 1;
  }
  // A few GBK-only characters (镕 in a name, say) are normal; half the text is not.
  return multibyte === 0 || usual / multibyte >= 0.9;
}

const saveAsUtf8 = {
  zh: '用记事本打开它，选“另存为”，“编码”选 UTF-8，保存后再导入（WPS：“文件 > 另存为”，编码选 UTF-8）',
  en:
    'open it in Notepad, choose Save As, set Encoding to UTF-8, save, and import that ' +
    '(WPS: File > Save As, encoding UTF-8)',
};

/** A .txt's text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 that reads as Chinese. */
function sniffText(file: string, bytes: Uint8Array): SniffedDocument {
  const refuse = (zh: string, en: string): SniffedDocument => ({ ok: false, refusal: { zh, en } });
  for (const { bom, encoding } of utf16Boms) {
    if (!startsWith(bytes, bom)) continue;
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
      if (!text.includes('\0')) return { ok: true, kind: 'txt', text, encoding };
    } catch {
      // damaged UTF-16: refused below
    }
    return refuse(
      `${file} 标明是 UTF-16 编码，但内容不是有效的 UTF-16 文字。改法：${saveAsUtf8.zh}`,
      `${file} is marked as UTF-16 but is not valid UTF-16 text. Fix: ${saveAsUtf8.en}`,
    );
  }
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    return refuse(
      `${file} 含有二进制数据，不是纯文本（可能是没有字节顺序标记的 UTF-16，或其他格式）。改法：${saveAsUtf8.zh}`,
      `${file} holds binary data, not plain text (perhaps UTF-16 without a byte-order mark, or another ` +
        `format). Fix: ${saveAsUtf8.en}`,
    );
  }
  try {
    return {
      ok: true,
      kind: 'txt',
      text: new TextDecoder('utf-8', { fatal: true }).decode(body),
      encoding: 'utf-8',
    };
  } catch {
    // not UTF-8: perhaps what Chinese Windows' Notepad and WPS save as "ANSI"
  }
  let text: string | undefined;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    text = undefined;
  }
  if (text !== undefined && readsAsGb2312Text(body))
    return { ok: true, kind: 'txt', text, encoding: 'gb18030' };
  return refuse(
    `${file} 不是 UTF-8 编码的文字，按简体中文的 GB18030（GBK）读也不成文：可能是繁体中文的 Big5、日文的 Shift-JIS ` +
      `或其他编码。照这样读只会得到乱码，所以没有导入。改法：${saveAsUtf8.zh}`,
    `${file} is not UTF-8 text, and read as Simplified Chinese GB18030 (GBK) it makes no sense: it may be ` +
      `Big5 (Traditional Chinese), Shift-JIS (Japanese) or another encoding. Read that way it would be ` +
      `garbage, so it was not imported. Fix: ${saveAsUtf8.en}`,
  );
}
