import { dateNoteText } from './messages';
import type { PlannedPhoto } from './plan';
import { hasControlCharacters, shownName } from './shown-name';

/** A YAML comment carrying any text safely (a file name may hold anything, even a line break). */
const comment = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** The original name, quoted; control characters escaped so that they cannot end the comment. */
const quotedName = (name: string) =>
  hasControlCharacters(name) ? shownName(name) : JSON.stringify(name);

/**
 * The new photo entry. The fields only the editor can write (caption, alt and credit, both
 * languages) are left empty, not filled with stand-in text that could be published: the check
 * and the build refuse the entry, naming each empty field, until the editor writes them.
 */
export function photoEntryYaml(
  photo: PlannedPhoto,
  options: { event?: string | undefined; year?: number | undefined },
): string {
  const lines = [
    `# 由 npm run import -- photos 导入 Imported by npm run import -- photos`,
    `# 原文件 Original file: ${comment(quotedName(photo.source))}`,
    `image: ./${photo.slug}${photo.extension}`,
    `order: ${String(photo.order)}`,
  ];
  if (options.event) lines.push(`event: ${options.event}`);
  else if (options.year !== undefined) lines.push(`year: ${String(options.year)}`);
  if (photo.date) lines.push(`date: ${photo.date}`);
  else {
    const note = dateNoteText(photo.dateNote);
    lines.push(`# 日期 Date: ${comment(note.zh)}`, `#   ${comment(note.en)}`);
  }
  lines.push(
    '# 待填 TO FILL: caption, alt, credit (zh + en). npm run check 会列出每个空字段 lists every empty field.',
    '# 图注：原刊的图注照抄；没有就写一句照片说明 Caption: as the source prints it, else one sentence',
    'caption:',
    '  zh: ""',
    '  en: ""',
    '# 替代文字：照片里看得到什么（不是图注，不是文件名）Alt text: what the photo shows (not the caption, not the file name)',
    'alt:',
    '  zh: ""',
    '  en: ""',
    '# 摄影者或来源 Photographer or source',
    'credit:',
    '  zh: ""',
    '  en: ""',
    '',
  );
  return lines.join('\n');
}
