// Reads the photo folder from disk: each file's bytes, format, size and EXIF date.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { imageProblems, photoRules } from '../../check/images';
import { formatLabel, formatOfBytes, formatOfName, type ImageFormat } from './file-format';
import type { Refusal } from './messages';
import type { InspectedFile } from './plan';

/** SHA-256 of a file's bytes, as hex. */
export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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
  bytes: Buffer,
): Promise<InspectedFile['verdict']> {
  const actual = formatOfBytes(bytes);
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
  const metadata = await sharp(bytes).metadata();
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
    const bytes = await readFile(path);
    if (!formatOfBytes(bytes) && !formatOfName(entry.name)) {
      ignored.push(entry.name);
      continue;
    }
    files.push({
      name: entry.name,
      size: bytes.length,
      hash: hashOf(bytes),
      verdict: await verdictOf(path, entry.name, bytes),
    });
  }
  return { files, ignored };
}
