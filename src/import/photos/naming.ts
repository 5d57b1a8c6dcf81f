/** The start of every imported photo's file name: the event's slug, or `photo-<year>` for a photo with no event. */
export function namePrefix(options: {
  event?: string | undefined;
  year?: number | undefined;
}): string {
  if (options.event) return options.event;
  return `photo-${String(options.year ?? '')}`;
}

/**
 * `count` new file names (without extension) `<prefix>-01`, `<prefix>-02`, …, skipping every
 * name in `taken` (existing photos, whatever their extension), at least two digits.
 */
export function newPhotoNames(prefix: string, count: number, taken: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (let counter = 1; names.length < count; counter++) {
    const name = `${prefix}-${String(counter).padStart(2, '0')}`;
    if (!taken.has(name)) names.push(name);
  }
  return names;
}
