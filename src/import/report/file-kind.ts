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
  | { ok: true; kind: 'txt'; text: string; encoding: 'utf-8' | 'gb18030' }
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
 * a zip with word/document.xml; a .txt must be UTF-8 (or GB18030, what Chinese Windows saves).
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
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    return refuse(
      `${file} 含有二进制数据，不是纯文本（可能是 UTF-16 编码或其他格式）。改法：在记事本中“另存为”，编码选 UTF-8`,
      `${file} holds binary data, not plain text (perhaps UTF-16 or another ` +
        `format). Fix: in a text editor, Save As with the encoding UTF-8`,
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
    try {
      // What Chinese Windows' Notepad and WPS save as "ANSI".
      return {
        ok: true,
        kind: 'txt',
        text: new TextDecoder('gb18030', { fatal: true }).decode(body),
        encoding: 'gb18030',
      };
    } catch {
      return refuse(
        `${file} 不是 UTF-8 或 GB18030 编码的文字。改法：在记事本中“另存为”，编码选 UTF-8`,
        `${file} is not text in UTF-8 or GB18030. Fix: in a text editor, Save As with the encoding UTF-8`,
      );
    }
  }
}
