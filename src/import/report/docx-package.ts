// Checks a .docx's zip against the import's limits before mammoth unpacks it. The zip's central
// directory (at its end) lists every part with its unpacked size: those sizes are checked first,
// without unpacking anything. A zip may lie about them, so each part is then unpacked with its
// declared size as a hard ceiling (zlib stops there), and the paragraphs of word/document.xml are
// counted. Only a .docx that passes all of this reaches mammoth, whose own unpacking is then bounded
// by sizes that are known to be true.
import { inflateRawSync } from 'node:zlib';
import { documentLimits, type DocumentLimits, type LimitBreach } from './import-limits';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const isXmlPart = (name: string) => /\.(?:xml|rels)$/i.test(name);

/** The central directory's entries, or what makes it unreadable. */
function centralDirectory(
  zip: Buffer,
  limits: DocumentLimits,
): { entries: ZipEntry[] } | { breach: LimitBreach } {
  const damaged = (detail: string) => ({ breach: { kind: 'damaged', detail } as const });
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return damaged('no end of central directory');
  const total = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryStart = zip.readUInt32LE(end + 16);
  // ZIP64 marks: only archives far beyond every limit need them.
  if (total === 0xffff || directoryStart === 0xffffffff)
    return {
      breach: { kind: 'entries', entries: total === 0xffff ? 0xffff : limits.zipEntries + 1 },
    };
  if (total > limits.zipEntries) return { breach: { kind: 'entries', entries: total } };
  if (directoryStart + directorySize > zip.length)
    return damaged('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let index = 0; index < total; index++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      return damaged(`entry ${index + 1} of the central directory`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries };
}

/** Declared sizes against the limits: nothing unpacked yet. */
function declaredBreach(entries: ZipEntry[], limits: DocumentLimits): LimitBreach | undefined {
  let images = 0;
  let all = 0;
  for (const entry of entries) {
    all += entry.size;
    if (isXmlPart(entry.name)) {
      if (entry.size > limits.xmlPartBytes)
        return { kind: 'xml-part', part: entry.name, bytes: entry.size };
    } else {
      images += entry.size;
      if (entry.size > limits.imageBytes)
        return { kind: 'image', part: entry.name, bytes: entry.size };
    }
  }
  if (images > limits.imagesBytes) return { kind: 'images', bytes: images };
  if (all > limits.inflatedBytes) return { kind: 'inflated', bytes: all };
  return undefined;
}

/** One part unpacked, never past its declared size; undefined when it holds more. */
function unpack(zip: Buffer, entry: ZipEntry): Buffer | 'false-size' | 'damaged' {
  const at = entry.localHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) return 'damaged';
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) return 'damaged';
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length === entry.size ? data : 'false-size';
  if (entry.method !== 8) return 'damaged';
  try {
    // zlib stops with ERR_BUFFER_TOO_LARGE as soon as the output passes the ceiling.
    const unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    return unpacked.length === entry.size ? unpacked : 'false-size';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
      ? 'false-size'
      : 'damaged';
  }
}

/** `<w:p>` and `<w:p …>` (not `<w:pPr>`): one per paragraph, in any namespace prefix. */
const paragraphStart = /<(?:[A-Za-z_][\w.-]*:)?p[\s/>]/g;

/**
 * What keeps a .docx from being read within the limits, or undefined when it may be read: the
 * central directory's declared sizes first, then each part unpacked up to its declared size, then
 * the paragraphs of the text.
 */
export function docxPackageBreach(
  bytes: Uint8Array,
  limits: DocumentLimits = documentLimits,
): LimitBreach | undefined {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (zip.length < 22) return { kind: 'damaged', detail: 'too short to be a zip' };
  const directory = centralDirectory(zip, limits);
  if ('breach' in directory) return directory.breach;
  const declared = declaredBreach(directory.entries, limits);
  if (declared) return declared;
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    const unpacked = unpack(zip, entry);
    if (unpacked === 'false-size')
      return { kind: 'false-size', part: entry.name, declared: entry.size };
    if (unpacked === 'damaged') return { kind: 'damaged', detail: entry.name };
    if (entry.name === 'word/document.xml') {
      const paragraphs = unpacked.toString('latin1').match(paragraphStart)?.length ?? 0;
      if (paragraphs > limits.paragraphs) return { kind: 'paragraphs', paragraphs };
    }
  }
  return undefined;
}
