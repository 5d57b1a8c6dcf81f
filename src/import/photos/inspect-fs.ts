// Reads the photo folder from disk: each file's format, size, hash and EXIF date. Names, sizes and
// the first bytes come first: a file that is no image by name and by content (a video, a backup)
// is listed and never read further, and one larger than any photo the gallery takes is refused
// from its size. Only then is a photo hashed (streamed, never held whole) and opened by sharp.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { imageProblems, photoRules } from '../../check/images';
import { formatLabel, formatOfBytes, formatOfName, type ImageFormat } from './file-format';
import type { Refusal } from './messages';
import type { InspectedFile } from './plan';

/**
 * The largest photo file the import reads. The gallery takes photos of at most 50 megapixels
 * (`photoRules`): a 50-megapixel camera JPEG is some 15–25 MB and a PNG of that size rarely more
 * than 100 MB; a phone photo is 3–8 MB. A larger "photo" is a scan at print resolution or no
 * photo at all, and would only cost memory.
 */
export const photoFileLimit = 100 * 1024 * 1024;

/** SHA-256 of a file's bytes, as hex, read as a stream (a photo is never held whole for it). */
export async function hashOfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A file's size and first bytes (enough to tell every image format by content), or undefined when
 * it is no regular file by the time it is opened. Opened without blocking: a FIFO swapped in for
 * the file would otherwise wait for a writer forever.
 */
async function headOf(path: string): Promise<{ head: Uint8Array; size: number } | undefined> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    const head = new Uint8Array(32);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

/** The camera's DateTimeOriginal (its local time, no zone), or undefined when the EXIF has none. */
function takenAtOf(exif: Buffer | undefined): string | undefined {
  if (!exif) return undefined;
  try {
    const taken = exifReader(exif).Photo?.DateTimeOriginal;
    // exif-reader reads the camera's local clock time as if it were UTC: keep it as written.
    return taken instanceof Date && !Number.isNaN(taken.getTime())
      ? taken.toISOString().slice(0, 19)
      : undefined;
  } catch {
    return undefined; // unreadable EXIF is no date, not a damaged photo
  }
}

const publishable = (format: ImageFormat): format is 'jpeg' | 'png' | 'webp' =>
  format === 'jpeg' || format === 'png' || format === 'webp';

function extensionOf(name: string): string {
  return extname(name) || '(no extension)';
}

async function verdictOf(
  path: string,
  name: string,
  head: Uint8Array,
): Promise<InspectedFile['verdict']> {
  const actual = formatOfBytes(head);
  const claimed = formatOfName(name);
  const refuse = (refusal: Refusal): InspectedFile['verdict'] => ({ ok: false, refusal });
  // Content first: an iPhone photo renamed .jpg is still HEIC, and the fix is the same.
  if (actual === 'heif') return refuse({ kind: 'heic' });
  if (!actual) return refuse({ kind: 'not-image', claimed: extensionOf(name) });
  if (claimed !== actual) {
    return refuse({
      kind: 'mismatch',
      claimed: extensionOf(name),
      actual: formatLabel(actual),
      extension: actual === 'jpeg' ? '.jpg' : `.${actual}`,
    });
  }
  if (!publishable(actual)) return refuse({ kind: 'format', actual: formatLabel(actual) });
  // The same checks as `npm run check` (damaged, too small, CMYK, transparent…): an imported
  // photo must not fail them later.
  // The report already names the file: the messages' own "(name)" is left out.
  const [problem] = await imageProblems(name, 'image', path, '\0', photoRules);
  if (problem) {
    const unnamed = (text: string) => text.replace(/ ?[(（]\0[)）]/g, '');
    return refuse({
      kind: 'image-problem',
      zh: `${unnamed(problem.zh.message)}：${problem.zh.fix}`,
      en: `${unnamed(problem.message)}: ${problem.fix}`,
    });
  }
  const metadata = await sharp(path).metadata();
  return {
    ok: true,
    format: actual,
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    takenAt: takenAtOf(metadata.exif),
  };
}

/**
 * Every file of the folder (not its subfolders): images with what the importer learned about
 * them, and the names of the rest (no image by name or content), to be listed.
 */
export async function inspectFolder(
  folder: string,
): Promise<{ files: InspectedFile[]; ignored: string[] }> {
  const files: InspectedFile[] = [];
  const ignored: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) {
      ignored.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
      continue;
    }
    const path = join(folder, entry.name);
    const opened = await headOf(path);
    if (!opened || (!formatOfBytes(opened.head) && !formatOfName(entry.name))) {
      ignored.push(entry.name);
      continue;
    }
    const { head, size } = opened;
    if (size > photoFileLimit) {
      files.push({
        name: entry.name,
        size,
        // Not read, so not hashed: a name stands in, unique in the folder.
        hash: `unread:${entry.name}`,
        verdict: { ok: false, refusal: { kind: 'too-large', size, limit: photoFileLimit } },
      });
      continue;
    }
    files.push({
      name: entry.name,
      size,
      hash: await hashOfFile(path),
      verdict: await verdictOf(path, entry.name, head),
    });
  }
  return { files, ignored };
}
