/**
 * The renditions of every photo, in one place so pages, the lightbox, Open Graph and the content
 * check share them. Grid thumbnails are at most ~360 CSS px wide; the photo page and the lightbox
 * go up to 1920 px.
 */
export const renditions = {
  thumb: { widths: [360, 720], sizes: '(min-width: 48rem) 22rem, 92vw' },
  full: { widths: [800, 1280, 1920], sizes: '(min-width: 64rem) 60rem, 100vw' },
} as const;
export type RenditionKind = keyof typeof renditions;
/** Modern formats first; JPEG is the fallback every browser (and WeChat) shows. */
export const pictureFormats = ['avif', 'webp'] as const;
export const fallbackFormat = 'jpg';

/** The widest rendition: a photo narrower than this on its long side would be enlarged. */
export const largestRenditionWidth = Math.max(...renditions.full.widths);
