// npm run import -- report <file.docx|file.txt> --year <year> [--force]
// Reads the year's summary, checks everything it would write, and only then writes the draft
// report (both languages), the figures file and the import folder, each through a temporary file
// renamed into place. Every refusal says what is wrong and what to do, in Chinese and English.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseYamlSource } from '../../model/yaml-source';
import { metricsSchema, type MetricsData } from '../../figures/schema';
import { entryFile } from '../../model/registry';
import { splitFrontmatter } from '../../model/translation';
import { matchTableLines } from './figure-matching';
import { readDocumentFile } from './document-file';
import { readDocx } from './docx-reader';
import { sniffDocument, type ImportRefusal } from './file-kind';
import { importReport, reportPaths, type ImportResult } from './import-report';
import { documentLimits, DocumentRefused, limitRefusal } from './import-limits';
import { needsTranslationMarker } from './render';
import { readPlainText } from './text-reader';
import { earlierUnitsOf, unitDrafts, type UnitDrafts } from './unit-drafts-fs';
import type { Block, ExtractedImage } from './blocks';

const usage = [
  '用法 Usage: npm run import -- report <文件.docx|文件.txt> --year <年份> [--force [--replace-published]]',
  '  例 e.g.: npm run import -- report ~/Desktop/2008年度总结.docx --year 2008',
].join('\n');

class Refusal extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.en);
  }
}
const refuse = (zh: string, en: string) => new Refusal({ zh, en });

/** Whether an English report is still the import's untranslated draft (only those may be replaced). */
export function isUntranslatedImport(source: string): boolean {
  const { frontmatter } = splitFrontmatter(source);
  return (
    frontmatter !== undefined &&
    frontmatter.split(/\r?\n/).some((line) => line.startsWith(needsTranslationMarker)) &&
    /^draft:\s*true\s*$/m.test(frontmatter)
  );
}

async function readDocument(
  path: string,
): Promise<{ blocks: Block[]; images: ExtractedImage[]; captions: string[]; note?: string }> {
  try {
    const bytes = await readDocumentFile(path);
    const sniffed = sniffDocument(basename(path), bytes);
    if (!sniffed.ok) throw new Refusal(sniffed.refusal);
    if (sniffed.kind === 'txt') {
      const { blocks, captions } = readPlainText(sniffed.text);
      if (blocks.length > documentLimits.paragraphs)
        throw new Refusal(limitRefusal(path, { kind: 'paragraphs', paragraphs: blocks.length }));
      const notes = {
        'utf-8': undefined,
        gb18030: '按 GB18030 编码读取 Read as GB18030',
        'utf-16le': '按 UTF-16 编码读取 Read as UTF-16',
        'utf-16be': '按 UTF-16 编码读取 Read as UTF-16',
      };
      const note = notes[sniffed.encoding];
      return { blocks, images: [], captions, ...(note ? { note } : {}) };
    }
    return { ...(await readDocx(bytes, { file: path })), captions: [] };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (error instanceof DocumentRefused) throw new Refusal(error.refusal);
    throw refuse(
      `无法读取 Word 文档 ${path}（${(error as Error).message}）。改法：用 Word 或 WPS 打开它，另存为新的 .docx 后再导入`,
      `cannot read the Word document ${path} (${(error as Error).message}). ` +
        `Fix: open it in Word or WPS, save it again as a new .docx, and import that`,
    );
  }
}

/** The figures files of every other year that parse and pass their schema (the check reports the others). */
async function otherYearsFigures(projectRoot: string, year: number): Promise<MetricsData[]> {
  const folder = join(projectRoot, 'src/content/metrics');
  const names = (await readdir(folder).catch(() => [] as string[])).filter(
    (name) => /^\d{4}\.yaml$/.test(name) && name !== `${year}.yaml`,
  );
  const years: MetricsData[] = [];
  for (const name of names.sort()) {
    const parsed = metricsSchema.safeParse(
      parseYamlSource(await readFile(join(folder, name), 'utf8')).data,
    );
    if (parsed.success) years.push(parsed.data);
  }
  return years;
}

interface PlannedWrite {
  path: string;
  content: string | Uint8Array;
}

/** Writes every file to a temporary name first, then renames them all into place. */
async function writeAll(root: string, files: PlannedWrite[]): Promise<void> {
  const temporary: string[] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.import-${process.pid}.tmp`;
      temporary.push(temp);
      await writeFile(temp, file.content);
    }
  } catch (error) {
    await Promise.all(temporary.map((temp) => rm(temp, { force: true })));
    throw error;
  }
  for (const [index, file] of files.entries())
    await rename(temporary[index] ?? '', join(root, file.path));
}

/** What the import wrote besides the report: the timeline and the units' draft entries. */
interface YearExtras {
  timelineKept: boolean;
  units: UnitDrafts;
}

/** The lines of the summary on the timeline and the units (the import's "rest of the year"). */
function extrasSummary(result: ImportResult, extras: YearExtras, year: number): string[] {
  const path = reportPaths(year).timeline;
  const steps = result.timelineSteps.length;
  const lines = [
    extras.timelineKept
      ? `  时间线 Timeline: 保留已有的 kept the existing ${path}（没有覆盖 not replaced）`
      : steps > 0
        ? `  时间线 Timeline: ${steps} 步，取自写明月份或季度的句子 steps from the sentences that name a ` +
          `month or quarter → ${path}（核对并翻译 check and translate）`
        : `  时间线 Timeline: 文档中没有写明月份或季度的句子，时间线是空的 no dated sentences were found: ` +
          `${path} has no steps (write them, or delete the file)`,
  ];
  const named = result.units.length;
  lines.push(
    named === 0
      ? '  单位 Units: 正文没有提到往年已有的单位 the text names no unit of an earlier year'
      : `  单位 Units: 正文提到往年的 ${named} 个单位，已加 <UnitLink> the text names ${named} unit(s) ` +
          `of earlier years, linked: ${result.units.map((u) => `${u.foundAs} → ${u.slug}`).join('、')}`,
  );
  for (const unit of extras.units.created)
    lines.push(
      `    created ${entryFile('units', unit.slug, 'zh-cn', year)}（+ en）${unit.name}` +
        (unit.forParent ? `（${unit.forParent} 的上级 parent of ${unit.forParent}）` : '') +
        '：草稿，名称、类别、上级沿用往年 draft; name, kind and parent carried over',
    );
  lines.push(
    `    本年新出现的单位（往年没有）导入找不到：用 npm run new -- unit <文件名> --year ${year} --zh <名称> ` +
      '--en <name> --kind <类别> 添加，再在正文中写 <UnitLink>',
    `    a unit new this year (not in earlier years) is not found by the import: add it with npm run new -- ` +
      `unit <slug> --year ${year} --zh <名称> --en <name> --kind <kind>, then write <UnitLink> in the text`,
  );
  for (const slug of extras.units.kept)
    lines.push(
      `    保留 kept ${entryFile('units', slug, 'zh-cn', year)}（已经有了，没有覆盖 already there, not replaced）`,
    );
  return lines;
}

function summary(
  result: ImportResult,
  written: string[],
  kept: string[],
  seconds: number,
  sourceName: string,
  year: number,
  extras: YearExtras,
  extra?: string,
): string {
  const c = result.counts;
  const lines = [
    `导入 Imported: ${sourceName} → ${year} 年度总结（草稿）/ the ${year} report (draft)${extra ? `；${extra}` : ''}`,
    `  章节 Sections: ${c.sections}${result.noSections ? '（没有识别出章节 none recognised）' : ''}，` +
      `小节 subsections: ${c.subsections}`,
    `  段落 Paragraphs: ${c.paragraphs}，列表项 list items: ${c.listItems}，` +
      `表格 tables: ${c.tables}，图片 images: ${result.images.length}`,
    `  数字 Figures: 找到 found ${c.figuresFound}，绑定为 <Metric> bound ${c.figuresBound}；` +
      `数字文件中的数字 declared ${result.declared.length}（占比 shares ${c.shares}，` +
      `与计数核对一致 checked against their counts ${c.sharesChecked}）`,
    `  标题 Title: ${result.front.title ?? '—'} · 口号 Slogan: ${result.front.slogan ?? '—'} · 作者 ` +
      `Author: ${[result.front.authorRole, result.front.author].filter(Boolean).join(' ') || '—'}`,
  ];
  const matched = result.matches.table.filter((row) => row.status === 'matched').length;
  const uncertain = result.matches.table.filter((row) => row.status === 'uncertain').length;
  const earlierCount = result.matches.table.filter((row) => row.earlier).length;
  lines.push(
    `  与往年对照 Matched with earlier years: ${matched} 个确定 sure, ${uncertain} 个待确认 to confirm, ` +
      `${result.matches.table.length - earlierCount} 个新数字 new` +
      (result.matches.previous
        ? `；与 ${result.matches.previous.year} 年同 id 的数字 ids shared with ${result.matches.previous.year}: ` +
          `${result.matches.previous.shared}`
        : ''),
    ...matchTableLines(result.matches).map((line) => `    ${line}`),
  );
  lines.push(...extrasSummary(result, extras, year));
  if (result.notes.length > 0) {
    lines.push(`  需要编辑处理 Needs the editor (${result.notes.length}):`);
    for (const note of result.notes) lines.push(`    - ${note.zh}`, `      ${note.en}`);
  }
  lines.push('  写入的文件 Files written:');
  for (const file of written) lines.push(`    created ${file}`);
  for (const file of kept)
    lines.push(
      `    保留 kept ${file}（已翻译，没有覆盖；中文改了，译文需要更新 already translated, not replaced: update it to the new Chinese text）`,
    );
  if (kept.length === 0)
    lines.push(
      `  英文版是待翻译的草稿 The English file is a draft marked as needing translation: ${reportPaths(year).en}`,
    );
  lines.push(
    `  下一步 Next: npm run figures -- ${year} · npm run check · npm run dev（预览草稿 preview the draft）`,
    `  用时 Took ${seconds.toFixed(2)} s`,
  );
  return lines.join('\n');
}

export async function runImport(
  args: string[],
  projectRoot: string,
  log: (text: string) => void,
): Promise<number> {
  const started = performance.now();
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          year: { type: 'string' },
          force: { type: 'boolean' },
          'replace-published': { type: 'boolean' },
        },
      });
    } catch (error) {
      throw refuse(
        `参数有误：${(error as Error).message}\n${usage}`,
        `wrong arguments: ${(error as Error).message}`,
      );
    }
    const [file, ...more] = parsed.positionals;
    if (!file || more.length > 0)
      throw refuse(
        `${file ? '只能导入一个文件' : '缺少要导入的文件'}\n${usage}`,
        file ? 'give one file to import' : 'the file to import is missing',
      );
    const yearText = parsed.values.year;
    if (
      !yearText ||
      !/^\d{4}$/.test(yearText) ||
      Number(yearText) < 1950 ||
      Number(yearText) > 2100
    )
      throw refuse(
        `${yearText ? `--year ${yearText} 不是年份` : '缺少 --year'}：写成 --year 2008 这样的四位年份（1950–2100）\n${usage}`,
        `${yearText ? `--year ${yearText} is not a year` : '--year is missing'}: ` +
          `write a four-digit year such as --year 2008 (1950–2100)`,
      );
    const year = Number(yearText);
    const paths = reportPaths(year);
    // npm runs scripts from the project folder; a relative path is the editor's, from where they typed it.
    const source = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    const existing = [paths.zh, paths.en, paths.figures].filter((path) =>
      existsSync(join(projectRoot, path)),
    );
    if (existing.length > 0 && !parsed.values.force)
      throw refuse(
        `${year} 年已经有年度总结或数字文件：${existing.join('、')}。什么都没有写入。改法：换一个 --year；或者确定要用这份文档替换时加上 --force（已翻译的英文版不会被覆盖）`,
        `${year} already has a report or figures file: ${existing.join(', ')}. ` +
          `Nothing was written. Fix: choose another --year, ` +
          'or add --force to replace them with this document (an ' +
          'English file that is already translated is never replaced)',
      );

    // A published year is the company's record: --force alone replaces drafts, never it.
    const published = [paths.zh, paths.en].filter((path) => {
      const full = join(projectRoot, path);
      if (!existsSync(full)) return false;
      const { frontmatter } = splitFrontmatter(readFileSync(full, 'utf8'));
      return !/^draft:\s*true\s*$/m.test(frontmatter ?? '');
    });
    if (published.length > 0 && !parsed.values['replace-published'])
      throw refuse(
        `${year} 年的年度总结已经发布（${published.join('、')} 中不是 draft: true）。什么都没有写入。` +
          `--force 只替换草稿。确实要用这份文档替换已发布的 ${year} 年总结和数字文件时，` +
          `再加上 --replace-published（中文版和数字文件会变回草稿；已翻译的英文版保留不动，需要按新中文更新）`,
        `the ${year} report is published (${published.join(', ')} not draft: true). Nothing was written. ` +
          `--force replaces drafts only. To replace the published ${year} report and figures with this ` +
          'document, add --replace-published as well (the Chinese file and the figures become a draft ' +
          'again; a translated English file is kept as it is and must then be updated to the new Chinese)',
      );

    const document = await readDocument(source);
    const meaningful = document.blocks.some(
      (block) => block.type !== 'paragraph' || block.text.trim(),
    );
    if (!meaningful)
      throw refuse(
        `${file} 中没有文字${document.images.length ? `（只有 ${document.images.length} 张图片）` : ''}，` +
          `没有可导入的内容。什么都没有写入。改法：检查是否选错了文件`,
        `${file} has no text${document.images.length ? ` (only ${document.images.length} image(s))` : ''}: ` +
          `there is nothing to import. Nothing was written. Fix: check that this is the right file`,
      );

    const earlierUnits = await earlierUnitsOf(projectRoot, year);
    const result = await importReport({
      year,
      sourceName: basename(source),
      blocks: document.blocks,
      images: document.images,
      captions: document.captions,
      otherYears: await otherYearsFigures(projectRoot, year),
      earlierUnits,
    });
    if (result.problems.length > 0) {
      const list = result.problems.map(
        (p) =>
          `  ${p.file}${p.line ? `:${p.line}` : ''} ${p.field}: ${p.zh?.message ?? p.message} / ${p.message}`,
      );
      throw refuse(
        `导入生成的草稿通不过检查，所以什么都没有写入（这是导入程序的问题，请把文档交给维护人员）：\n${list.join('\n')}`,
        'the draft the import made would not pass the check, so nothing was written ' +
          '(a fault of the importer: please pass the document to the maintainers)',
      );
    }

    const writes: PlannedWrite[] = [
      { path: paths.zh, content: result.zh },
      { path: paths.figures, content: result.figures },
    ];
    const kept: string[] = [];
    // The timeline and units are the editor's once written: an existing one is never replaced.
    const timelineKept = existsSync(join(projectRoot, paths.timeline));
    if (!timelineKept) writes.push({ path: paths.timeline, content: result.timeline });
    const units = await unitDrafts(
      projectRoot,
      year,
      result.units,
      earlierUnits,
      result.declared[0]?.id ?? 'teams.total',
    );
    writes.push(...units.files.map((file) => ({ path: file.path, content: file.content ?? '' })));
    const enPath = join(projectRoot, paths.en);
    if (existsSync(enPath) && !isUntranslatedImport(await readFile(enPath, 'utf8')))
      kept.push(paths.en);
    else writes.push({ path: paths.en, content: result.en });
    if (document.images.length > 0 || document.captions.length > 0) {
      const readme = [
        `# 从 ${basename(source)} 导入的附件 / Imported with ${basename(source)}`,
        '',
        '不会发布。图片有了说明文字和替代文字（alt）后，才能作为图片放进网站。',
        'Not published. An image reaches the site only once it has a caption and alt text.',
        '',
        ...result.images.map(
          (image) =>
            `- ${image.file}${image.alt ? `（${image.alt}）` : ''} — 位于 near: “${image.near}”`,
        ),
        ...(document.captions.length
          ? ['- captions.txt — 图片说明 photo captions from the layout']
          : []),
        '',
      ].join('\n');
      writes.push({ path: `${paths.folder}/README.md`, content: readme });
      for (const image of document.images)
        writes.push({ path: `${paths.folder}/${image.file}`, content: image.bytes });
      if (document.captions.length)
        writes.push({
          path: `${paths.folder}/captions.txt`,
          content: `${document.captions.join('\n')}\n`,
        });
    }
    await writeAll(projectRoot, writes);
    log(
      summary(
        result,
        writes.map((w) => w.path),
        kept,
        (performance.now() - started) / 1000,
        basename(source),
        year,
        { timelineKept, units },
        document.note,
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      log(`✗ ${error.refusal.zh}\n✗ ${error.refusal.en}`);
      return 1;
    }
    throw error;
  }
}
