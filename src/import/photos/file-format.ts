/** The image formats a photo folder may hold, as their bytes say (not their names). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heif' | 'avif' | 'gif' | 'tiff' | 'bmp';

/** HEIF brands written by iPhones and other phones (`ftyp` box, bytes 8–11): HEIC photos and HEIF stills. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

/** The image format a file's first bytes show, or undefined when they are no image this importer knows. */
export function formatOfBytes(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (heifBrands.has(brand)) return 'heif';
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  return undefined;
}

const formatsByExtension: Record<string, ImageFormat> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.jpe': 'jpeg',
  '.png': 'png',
  '.webp': 'webp',
  '.heic': 'heif',
  '.heif': 'heif',
  '.hif': 'heif',
  '.avif': 'avif',
  '.gif': 'gif',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.bmp': 'bmp',
};

/** The format a file's name claims (`IMG_2041.JPG` → jpeg), or undefined for names that claim no image. */
export function formatOfName(name: string): ImageFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : formatsByExtension[name.slice(dot).toLowerCase()];
}

/** How the guide and the messages name a format. */
export function formatLabel(format: ImageFormat): string {
  return format === 'heif' ? 'HEIC/HEIF' : format.toUpperCase();
}

/** The file extension an imported photo of this format gets. */
export function extensionFor(format: 'jpeg' | 'png' | 'webp'): string {
  return format === 'jpeg' ? '.jpg' : `.${format}`;
}
