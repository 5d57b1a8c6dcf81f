// `npm run figures -- rename <year> <old> <new>`: renames a figure of one year in its figures file
// and in every text of that year that quotes it (both report files, unit pages, the timeline),
// keeping up-to-date translations up to date. Refuses, in both languages, when the old id is not a
// figure of the year, the new one already is, or another year uses the new id for a different kind
// of measure; nothing is written then. Files are written to temporary names and renamed into place.
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { figureIdSchema } from '../figures/declarations';
import { editPair, renameInFiguresFile, renameInText } from './rename-figure';

interface Declared {
  id: string;
  kind?: string;
  counter?: { zh?: string; en?: string };
}

const figuresOf = (yamlText: string): Declared[] => {
  try {
    const data = parse(yamlText) as { figures?: Declared[] } | null;
    return Array.isArray(data?.figures) ? data.figures : [];
  } catch {
    return [];
  }
};

export async function renameFigure(
  root: string,
  args: string[],
): Promise<{ code: number; text: string }> {
  const [year, from, to] = args;
  const refuse = (zh: string, en: string) => ({ code: 1, text: `✗ ${zh}\n✗ ${en}` });
  if (!year || !from || !to || args.length !== 3 || !/^\d{4}$/.test(year))
    return refuse(
      '用法：npm run figures -- rename <年份> <旧 id> <新 id>，' +
        '例如 npm run figures -- rename 2008 suggestions.adopted suggestions.adoptedCount',
      'usage: npm run figures -- rename <year> <old id> <new id>, ' +
        'e.g. npm run figures -- rename 2008 suggestions.adopted suggestions.adoptedCount',
    );
  const figuresPath = `src/content/metrics/${year}.yaml`;
  if (!existsSync(join(root, figuresPath)))
    return refuse(
      `没有 ${figuresPath}：${year} 年没有数字文件`,
      `there is no ${figuresPath}: ${year} has no figures file`,
    );
  if (!figureIdSchema.safeParse(to).success)
    return refuse(
      `“${to}”不能作为 id：用英文字母和数字，单词之间用点连接，小写字母开头，如 teams.total`,
      `"${to}" cannot be an id: use letters and digits, words joined by dots, starting lower-case, e.g. teams.total`,
    );
  const figuresText = await readFile(join(root, figuresPath), 'utf8');
  const declared = figuresOf(figuresText);
  const old = declared.find((f) => f.id === from);
  if (!old)
    return refuse(
      `${figuresPath} 中没有“${from}”，没有改动任何文件。运行 npm run figures -- ${year} 查看全部 id`,
      `${figuresPath} has no figure "${from}"; nothing was changed. Run npm run figures -- ${year} to list the ids`,
    );
  if (declared.some((f) => f.id === to))
    return refuse(
      `${figuresPath} 中已经有“${to}”，没有改动任何文件：换一个新 id，或先改掉已有的那个`,
      `${figuresPath} already has a figure "${to}"; nothing was changed: choose another id, or rename that one first`,
    );
  // The new id may be another year's: then it must be the same kind of measure.
  const metricsFolder = join(root, 'src/content/metrics');
  for (const name of (await readdir(metricsFolder)).filter((n) => /^\d{4}\.yaml$/.test(n)).sort()) {
    if (name === `${year}.yaml`) continue;
    const other = figuresOf(await readFile(join(metricsFolder, name), 'utf8')).find(
      (f) => f.id === to,
    );
    if (
      other &&
      (other.kind !== old.kind ||
        other.counter?.zh !== old.counter?.zh ||
        other.counter?.en !== old.counter?.en)
    ) {
      const what = (f: Declared) =>
        f.kind === 'percent' ? 'percent' : `count ${f.counter?.zh ?? '?'}/${f.counter?.en ?? '?'}`;
      return refuse(
        `“${to}”在 ${name} 中是另一类数字（${what(other)}，这里是 ${what(old)}）：同一个 id 每年必须是同一个量，没有改动任何文件`,
        `"${to}" is another kind of figure in ${name} (${what(other)}, here ${what(old)}): ` +
          'one id must mean one measure in every year; nothing was changed',
      );
    }
  }

  const writes: Array<{ path: string; content: string }> = [];
  const changed = (path: string, before: string, after: string) => {
    if (after !== before) writes.push({ path, content: after });
  };
  changed(figuresPath, figuresText, renameInFiguresFile(figuresText, from, to));
  const read = async (path: string) =>
    existsSync(join(root, path)) ? readFile(join(root, path), 'utf8') : undefined;
  const restamped: string[] = [];
  const stale: string[] = [];
  const pair = async (zhPath: string, enPath: string) => {
    const zh = await read(zhPath);
    const en = await read(enPath);
    const edit = (text: string) => renameInText(text, from, to);
    if (zh !== undefined && en !== undefined) {
      const result = editPair(zh, en, edit);
      changed(zhPath, zh, result.zh);
      changed(enPath, en, result.en);
      if (result.en !== en) (result.restamped ? restamped : stale).push(enPath);
      return;
    }
    for (const [path, text] of [
      [zhPath, zh],
      [enPath, en],
    ] as const)
      if (text !== undefined) changed(path, text, edit(text));
  };
  await pair(`src/content/reports/zh-cn/${year}.mdx`, `src/content/reports/en/${year}.mdx`);
  const unitFolder = (locale: string) => `src/content/units/${locale}/${year}`;
  const unitFiles = new Set<string>();
  for (const locale of ['zh-cn', 'en'])
    for (const name of await readdir(join(root, unitFolder(locale))).catch(() => [] as string[]))
      if (/\.mdx?$/.test(name)) unitFiles.add(name);
  for (const name of [...unitFiles].sort())
    await pair(`${unitFolder('zh-cn')}/${name}`, `${unitFolder('en')}/${name}`);
  const timeline = `src/content/timelines/${year}.yaml`;
  const timelineText = await read(timeline);
  if (timelineText !== undefined)
    changed(timeline, timelineText, renameInText(timelineText, from, to));

  for (const write of writes)
    await writeFile(join(root, `${write.path}.rename.tmp`), write.content);
  for (const write of writes)
    await rename(join(root, `${write.path}.rename.tmp`), join(root, write.path));
  const lines = [
    `已把 ${year} 年的“${from}”改名为“${to}” Renamed ${from} to ${to} in ${year}:`,
    ...writes.map((w) => `  changed ${w.path}`),
  ];
  if (restamped.length > 0)
    lines.push(
      `  译文原本是最新的，仍标记为最新 Translations up to date before are still marked up to date: ${restamped.join(', ')}`,
    );
  if (stale.length > 0)
    lines.push(
      `  译文原本就待更新，仍待更新 Translations already out of date stay so: ${stale.join(', ')}`,
    );
  return { code: 0, text: lines.join('\n') };
}
