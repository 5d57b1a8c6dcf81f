import { dateNoteText, refusalText } from './messages';
import type { ImportPlan } from './plan';
import { hasControlCharacters, shownName } from './shown-name';

const fileSize = (size: number) =>
  size >= 1_000_000
    ? `${(size / 1_000_000).toFixed(1)} MB`
    : `${String(Math.ceil(size / 1000))} KB`;

export interface ReportOptions {
  /** The folder as the editor typed it. */
  folder: string;
  /** Where the photos go, relative to the project. */
  target: string;
  /** Whether the photos were written (false: the run was refused, nothing was written). */
  written: boolean;
  /** Files of the folder that are no images (listed, never dropped in silence). */
  ignored: readonly string[];
}

/** The printed report of a run, in both languages: imported, skipped, refused, what to do next. */
export function formatReport(plan: ImportPlan, options: ReportOptions): string {
  const lines: string[] = [`导入照片 Importing photos: ${options.folder} → ${options.target}/`];
  const { photos, duplicates, refused } = plan;
  if (photos.length > 0) {
    lines.push(
      '',
      options.written
        ? `✓ 已导入 Imported ${String(photos.length)}:`
        : `○ 可以导入、但这次没有写入 Importable, but not written this time ${String(photos.length)}:`,
    );
    for (const photo of photos) {
      const date = dateNoteText(photo.dateNote);
      lines.push(
        `  ${shownName(photo.source)} → ${photo.slug}${photo.extension} · order ${String(photo.order)} · ` +
          `${String(photo.width)}×${String(photo.height)} · ${fileSize(photo.size)}`,
        `    日期 date: ${photo.date ?? '—'} · ${date.zh}`,
        `      ${date.en}`,
      );
      if (photo.warning) lines.push(`    ⚠ ${photo.warning.zh}`, `      ${photo.warning.en}`);
      if (hasControlCharacters(photo.source))
        lines.push(
          '    ⚠ 原文件名含有换行或其他控制字符（上面按转义显示），导入的照片已改用新名字；建议也把原文件改名',
          '      the original name holds a line break or another control character (shown escaped above); the ' +
            'imported photo has its new name; rename the original too',
        );
    }
  }
  if (duplicates.length > 0) {
    lines.push('', `↷ 跳过重复 Skipped duplicates ${String(duplicates.length)}:`);
    for (const duplicate of duplicates)
      lines.push(
        `  ${shownName(duplicate.name)}：与 ${shownName(duplicate.sameAs)} 内容相同 ` +
          `the same bytes as ${shownName(duplicate.sameAs)}`,
      );
  }
  if (refused.length > 0) {
    lines.push('', `✗ 拒绝 Refused ${String(refused.length)}:`);
    for (const file of refused) {
      const text = refusalText(file.refusal);
      lines.push(`  ${shownName(file.name)}：${text.zh}`, `    ${text.en}`);
    }
  }
  if (options.ignored.length > 0) {
    lines.push(
      '',
      `· 不是图片，未理会 Not images, left alone ${String(options.ignored.length)}: ` +
        options.ignored.map(shownName).join(', '),
    );
  }
  lines.push('');
  if (!options.written && refused.length > 0) {
    lines.push(
      '✗ 什么都没有导入：有文件被拒绝。处理好（或移走）被拒绝的文件后再运行一次，或者加上 --skip-bad 先导入其余照片。',
      '  Nothing was imported: some files were refused. Fix (or move away) the refused files and run again, ' +
        'or add --skip-bad to import the others now.',
    );
  } else if (photos.length === 0) {
    lines.push('没有新照片需要导入。No new photos to import.');
  } else {
    const files = photos.map((photo) => `${options.target}/${photo.slug}.yaml`);
    const whereZh =
      files.length === 1 ? ` ${files[0] ?? ''} ` : `这 ${String(files.length)} 个文件`;
    const whereEn = files.length === 1 ? (files[0] ?? '') : `these ${String(files.length)} files`;
    lines.push(
      `下一步：在${whereZh}中填写 caption（图注）、alt（替代文字：照片里看得到什么）和 credit（摄影者或来源），` +
        '中英文都要；然后运行 npm run check，它会列出还没填的字段。',
      `Next: in ${whereEn}, fill in caption, alt (what the photo shows) and credit (photographer or source), ` +
        'in Chinese and English; then run npm run check, which lists every field still empty.',
    );
    if (files.length > 1) lines.push(...files.map((file) => `  ${file}`));
  }
  return lines.join('\n');
}
