// `npm run figures -- <year>`: a year's figures as the site writes them, for editors looking for an id.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblems } from '../utils/problems';
import { schemaProblems } from '../model/schema-issues';
import { parseYamlSource } from '../model/yaml-source';
import { metricsSchema, type MetricsData } from '../figures/schema';
import { formatFigure, yearFigures } from '../figures/compute';
import { counterFor } from '../utils/counted';

const folder = 'src/content/metrics';

/** The listing of one year's figures (or what is wrong with its file), and the exit code. */
export async function listFigures(
  root: string,
  year: string | undefined,
): Promise<{ code: number; text: string }> {
  const years = (await readdir(join(root, folder)).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => n.slice(0, -5))
    .sort();
  if (!year || !years.includes(year)) {
    return {
      code: 1,
      text: [
        year
          ? `没有 ${folder}/${year}.yaml。There is no ${folder}/${year}.yaml.`
          : '用法 Usage: npm run figures -- <year>',
        `已有的年份 Years with a figures file: ${years.join(', ') || '(none)'}`,
      ].join('\n'),
    };
  }
  const file = `${folder}/${year}.yaml`;
  const yaml = parseYamlSource(await readFile(join(root, file), 'utf8'));
  const parsed =
    yaml.errors.length === 0
      ? schemaProblems(file, yaml.data, metricsSchema, yaml.lineOf)
      : undefined;
  if (!parsed || parsed.problems.length > 0) {
    const problems =
      parsed?.problems ??
      yaml.errors.map((e) => ({
        file,
        line: e.line,
        field: '(YAML)',
        message: `is not valid YAML: ${e.message}`,
        fix: 'check quotes, colons and indentation on that line',
        zh: { message: `YAML 格式错误：${e.message}`, fix: '检查该行的引号、冒号和缩进' },
      }));
    return { code: 1, text: formatProblems(problems) };
  }
  const figures = yearFigures(parsed.parsed as MetricsData);
  const rows = figures.figures.map((f) => {
    const zh =
      formatFigure(f, 'zh-cn', '未报告') + (f.counter && f.displayed !== null ? f.counter.zh : '');
    const en =
      formatFigure(f, 'en', 'not reported') +
      (f.counter && f.displayed !== null ? ` ${counterFor(f.counter.en, f.displayed, 'en')}` : '');
    const how = f.origin === 'computed' ? ' (computed 计算)' : '';
    const target = f.target ? ` — target for 目标针对 ${f.target.for} (${f.target.direction})` : '';
    return `  ${f.id}\n      ${zh} · ${en}${how}${target}\n      ${f.label.zh} · ${f.label.en}`;
  });
  const charts = figures.charts.map(
    (c) => `  ${c.id} (${c.kind}): ${c.bars.map((b) => b.figure).join(', ')}`,
  );
  return {
    code: 0,
    text: [
      `${year} 年的数字 Figures of ${year} (${file}) — 在 MDX 中写 write <Metric id="…" />`,
      ...rows,
      `图表 Charts:`,
      ...(charts.length > 0 ? charts : ['  (none)']),
      `关键数字卡片 Key-figure cards: ${figures.cards.map((c) => c.figure).join(', ') || '(none)'}`,
    ].join('\n'),
  };
}
