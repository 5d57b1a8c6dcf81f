// Reads the document the editor named, only once it is known to be an ordinary file of a size the
// import takes. It is opened without blocking and looked at through the open handle: a FIFO, a
// device or a socket would otherwise hang the import (or read forever), and looking at the path
// first and opening it after would leave a moment in which it could be swapped.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  documentLimits,
  DocumentRefused,
  limitRefusal,
  type DocumentLimits,
} from './import-limits';

/** The bytes of the document at `path`; throws DocumentRefused when it is no file the import reads. */
export async function readDocumentFile(
  path: string,
  limits: DocumentLimits = documentLimits,
): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. Windows has none.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw notAFile(path, { zh: '文件夹', en: 'a folder' });
    if (code === 'EACCES' || code === 'EPERM')
      throw new DocumentRefused({
        zh: `没有权限读取 ${path}：检查文件的权限，或把它复制到自己的文件夹后再导入`,
        en: `no permission to read ${path}: check its permissions, or copy it into your own folder and import that`,
      });
    throw new DocumentRefused({
      zh: `找不到文件 ${path}：检查路径和文件名（路径中有空格时要加引号）`,
      en: `cannot find the file ${path}: check the path and name (quote a path that has spaces)`,
    });
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw notAFile(path, { zh: '文件夹', en: 'a folder' });
    if (info.isFIFO()) throw notAFile(path, { zh: '管道（FIFO）', en: 'a pipe (FIFO)' });
    if (info.isSocket()) throw notAFile(path, { zh: '套接字', en: 'a socket' });
    if (info.isCharacterDevice() || info.isBlockDevice())
      throw notAFile(path, { zh: '设备文件', en: 'a device' });
    if (!info.isFile()) throw notAFile(path, { zh: '特殊文件', en: 'a special file' });
    const extension = /\.txt$/i.test(path) ? 'txt' : 'docx';
    const limit = extension === 'txt' ? limits.txtFileBytes : limits.docxFileBytes;
    if (info.size > limit)
      throw new DocumentRefused(
        limitRefusal(path, { kind: 'file', extension, bytes: info.size }, limits),
      );
    // Read no more than the limit even if the file grows meanwhile.
    const bytes = new Uint8Array(Math.min(info.size, limit) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === bytes.length)
        throw new DocumentRefused(
          limitRefusal(path, { kind: 'file', extension, bytes: length }, limits),
        );
    }
    return bytes.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function notAFile(path: string, what: { zh: string; en: string }): DocumentRefused {
  return new DocumentRefused({
    zh: `${path} 是${what.zh}，不是文档：请给出 .docx 或 .txt 文件`,
    en: `${path} is ${what.en}, not a document: give a .docx or .txt file`,
  });
}
