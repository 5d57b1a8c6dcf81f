// The rules a year's figures file must follow, as one pure function over its parsed data. The
// schema (src/figures/schema.ts) runs it, so `npm run check` and the build refuse the same files.
import type { CardDeclaration, ChartDeclaration, FigureDeclaration } from './declarations';

/** One broken rule: where (path in the file), what, and the fix, in English and Chinese. */
export interface FigureIssue {
  path: Array<string | number>;
  message: string;
  fix: string;
  zh: { message: string; fix: string };
}

/** A figures file as the schema has parsed it, before this check. */
export interface FigureFileInput {
  year: number;
  figures: FigureDeclaration[];
  charts: ChartDeclaration[];
  cards: CardDeclaration[];
}

const notReported = 'not reported';

/** `{metric:id}`, `{metric:id:bare}`, `{metric:id:share}` in captions, summaries, notes and the timeline. */
export const placeholderPattern = /\{metric:([\w.]+)(?::(\w+))?\}/g;
export const placeholderModifiers = ['bare', 'share'] as const;

function issue(path: FigureIssue['path'], en: [string, string], zh: [string, string]): FigureIssue {
  return { path, message: en[0], fix: en[1], zh: { message: zh[0], fix: zh[1] } };
}

/** What a figure is computed from: the ids it names, with the field that names each. */
export function dependencies(figure: FigureDeclaration): Array<{ field: string[]; id: string }> {
  const deps: Array<{ field: string[]; id: string }> = [];
  if (figure.share)
    deps.push(
      { field: ['share', 'part'], id: figure.share.part },
      { field: ['share', 'of'], id: figure.share.of },
    );
  if (figure.difference) {
    deps.push(
      { field: ['difference', 'from'], id: figure.difference.from },
      { field: ['difference', 'minus'], id: figure.difference.minus },
    );
  }
  return deps;
}

/**
 * "Can never exceed" relations between figures: declared `partOf`, the part of a share, and for
 * counts the subtrahend and result of a difference (qualified-only = qualified − excellent, so
 * excellent ≤ qualified and qualified-only ≤ qualified).
 */
export function partWholeEdges(
  figures: FigureDeclaration[],
): Array<{ part: string; whole: string }> {
  const edges: Array<{ part: string; whole: string }> = [];
  for (const figure of figures) {
    if (figure.partOf) edges.push({ part: figure.id, whole: figure.partOf });
    if (figure.share) edges.push({ part: figure.share.part, whole: figure.share.of });
    if (figure.difference && figure.kind === 'count') {
      edges.push(
        { part: figure.difference.minus, whole: figure.difference.from },
        { part: figure.id, whole: figure.difference.from },
      );
    }
  }
  return edges;
}

const resolved = new WeakMap<FigureDeclaration[], Map<string, number | null>>();

/**
 * Exact values of every figure that can be computed (null: not reported, or an input is not), once
 * per list of declarations: the file's rules and its computed figures share one resolution.
 */
export function resolveValues(figures: FigureDeclaration[]): Map<string, number | null> {
  let values = resolved.get(figures);
  if (!values) {
    values = resolveOnce(figures);
    resolved.set(figures, values);
  }
  return values;
}

function resolveOnce(figures: FigureDeclaration[]): Map<string, number | null> {
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  const values = new Map<string, number | null>();
  const visiting = new Set<string>();
  const resolve = (id: string): number | null => {
    if (values.has(id)) return values.get(id) ?? null;
    const figure = byId.get(id);
    if (!figure || visiting.has(id)) return null; // missing or circular: reported by the rules below
    visiting.add(id);
    let value: number | null = null;
    if (figure.value !== undefined) value = figure.value === notReported ? null : figure.value;
    else if (figure.share) {
      const part = resolve(figure.share.part);
      const whole = resolve(figure.share.of);
      value = part === null || whole === null || whole === 0 ? null : (part * 100) / whole;
    } else if (figure.difference) {
      const from = resolve(figure.difference.from);
      const minus = resolve(figure.difference.minus);
      value = from === null || minus === null ? null : from - minus;
    }
    visiting.delete(id);
    values.set(id, value);
    return value;
  };
  for (const figure of figures) resolve(figure.id);
  return values;
}

function templatesIn(
  text: { zh: string; en: string } | undefined,
): Array<{ id: string; modifier: string | undefined }> {
  if (!text) return [];
  return [text.zh, text.en].flatMap((part) =>
    [...part.matchAll(placeholderPattern)].map((m) => ({ id: m[1] ?? '', modifier: m[2] })),
  );
}

/** Every rule of one figures file; an empty list when the file is sound. */
export function figureFileIssues(data: FigureFileInput): FigureIssue[] {
  const issues: FigureIssue[] = [];
  const byId = new Map<string, { figure: FigureDeclaration; index: number }>();
  const idList = () => [...byId.keys()].join(', ');

  data.figures.forEach((figure, index) => {
    const at = (...field: Array<string | number>) => ['figures', index, ...field];
    const earlier = byId.get(figure.id);
    if (earlier) {
      issues.push(
        issue(
          at('id'),
          [
            `"${figure.id}" is used twice (also figure ${earlier.index + 1} of the list)`,
            'give each figure its own id, or delete the copy',
          ],
          [
            `“${figure.id}”重复（列表中第 ${earlier.index + 1} 个数字也用了它）`,
            '每个数字用自己的 id，或删掉重复的一项',
          ],
        ),
      );
    } else byId.set(figure.id, { figure, index });

    const sources = [
      figure.value !== undefined,
      figure.share !== undefined,
      figure.difference !== undefined,
    ].filter(Boolean).length;
    if (sources !== 1) {
      issues.push(
        issue(
          at('value'),
          [
            sources === 0
              ? `"${figure.id}" has no value`
              : `"${figure.id}" has more than one of value, share and difference`,
            `write exactly one: value: 108 (or value: ${notReported}), ` +
              `share: { part: …, of: … }, or difference: { from: …, minus: … }`,
          ],
          [
            sources === 0
              ? `“${figure.id}”没有数值`
              : `“${figure.id}”同时写了 value、share、difference 中的多项`,
            `只写一项：value: 108（或 value: ${notReported}）、share: { part: …, of: … } 或 difference: { from: …, minus: … }`,
          ],
        ),
      );
    }
    if (figure.kind === 'count' && !figure.counter) {
      issues.push(
        issue(
          at('counter'),
          [
            `"${figure.id}" is a count but has no counter word`,
            'add counter: { zh: 个, en: teams } (the word the report counts in: 个, 人, 家 …)',
          ],
          [
            `“${figure.id}”是计数，但没有量词`,
            '加上 counter: { zh: 个, en: teams }（报告计数用的量词：个、人、家……）',
          ],
        ),
      );
    }
    if (figure.kind === 'percent' && figure.counter) {
      issues.push(
        issue(
          at('counter'),
          [
            `"${figure.id}" is a percentage, which has no counter word`,
            'delete counter, or change kind to count',
          ],
          [`“${figure.id}”是百分比，不用量词`, '删掉 counter，或把 kind 改成 count'],
        ),
      );
    }
    if (typeof figure.value === 'number') {
      if (figure.kind === 'count' && (!Number.isInteger(figure.value) || figure.value < 0)) {
        issues.push(
          issue(
            at('value'),
            [
              `is ${figure.value}, but a count must be a whole number of 0 or more`,
              `correct the number, or write "${notReported}" where the report gives none`,
            ],
            [
              `是 ${figure.value}，但计数必须是 0 或更大的整数`,
              `改正这个数；报告没有给出时写 "${notReported}"`,
            ],
          ),
        );
      }
      if (figure.kind === 'percent' && (figure.value < 0 || figure.value > 100)) {
        issues.push(
          issue(
            at('value'),
            [
              `is ${figure.value}, but a percentage must be from 0 to 100`,
              `correct the number, or write "${notReported}" where the report gives none`,
            ],
            [
              `是 ${figure.value}，但百分比必须在 0 到 100 之间`,
              `改正这个数；报告没有给出时写 "${notReported}"`,
            ],
          ),
        );
      }
    }
    if (figure.share && figure.kind !== 'percent') {
      issues.push(
        issue(
          at('kind'),
          [
            `"${figure.id}" is a share, so it is a percentage`,
            'write kind: percent (and delete counter)',
          ],
          [`“${figure.id}”是占比，应当是百分比`, '写 kind: percent（并删掉 counter）'],
        ),
      );
    }
  });

  // References: derived inputs, partOf, target.
  data.figures.forEach((figure, index) => {
    const refs = [...dependencies(figure)];
    if (figure.partOf) refs.push({ field: ['partOf'], id: figure.partOf });
    if (figure.target) refs.push({ field: ['target', 'for'], id: figure.target.for });
    for (const ref of refs) {
      const named = byId.get(ref.id)?.figure;
      if (!named) {
        issues.push(
          issue(
            ['figures', index, ...ref.field],
            [
              `names "${ref.id}", which is not a figure of ${data.year}`,
              `use one of: ${idList()}; or add "${ref.id}" to the figures list first`,
            ],
            [
              `引用的“${ref.id}”不是 ${data.year} 年的数字`,
              `改用其中之一：${idList()}；或者先把“${ref.id}”加进 figures 列表`,
            ],
          ),
        );
        continue;
      }
      if (
        ref.field[0] === 'difference' &&
        (named.kind !== figure.kind || named.counter?.zh !== figure.counter?.zh)
      ) {
        issues.push(
          issue(
            ['figures', index, ...ref.field],
            [
              `"${ref.id}" is of another kind (${describeKind(named)}) than "${figure.id}" (${describeKind(figure)})`,
              'a difference subtracts figures of the same kind and counter word',
            ],
            [
              `“${ref.id}”（${describeKindZh(named)}）与“${figure.id}”（${describeKindZh(figure)}）不是同一类数字`,
              '差值只能在同类、同量词的数字之间计算',
            ],
          ),
        );
      }
      if (ref.field[0] === 'share' && named.kind !== 'count') {
        issues.push(
          issue(
            ['figures', index, ...ref.field],
            [
              `"${ref.id}" is a percentage; a share is computed from counts`,
              'name two counts (part and whole)',
            ],
            [`“${ref.id}”是百分比；占比要由计数算出`, '写两个计数（部分和整体）'],
          ),
        );
      }
      if (
        ref.field[0] === 'target' &&
        (named.kind !== figure.kind || named.counter?.zh !== figure.counter?.zh)
      ) {
        issues.push(
          issue(
            ['figures', index, 'target', 'for'],
            [
              `targets "${ref.id}" (${describeKind(named)}), but this target is ${describeKind(figure)}`,
              'a target must be of the same kind (and counter word) as the figure it targets',
            ],
            [
              `目标针对“${ref.id}”（${describeKindZh(named)}），但这个目标是${describeKindZh(figure)}`,
              '目标必须与它针对的数字同类（量词也相同）',
            ],
          ),
        );
      }
    }
  });

  // Cycles among derived figures.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    const entry = byId.get(id);
    if (!entry) return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id].join(' → ');
      issues.push(
        issue(
          ['figures', entry.index, entry.figure.share ? 'share' : 'difference'],
          [
            `is computed from itself: ${cycle}`,
            'compute at least one of these figures from a reported value',
          ],
          [`由它自己算出：${cycle}`, '其中至少一个数字要用报告给出的 value'],
        ),
      );
      return;
    }
    state.set(id, 'visiting');
    for (const dep of dependencies(entry.figure)) visit(dep.id, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of byId.keys()) visit(id, []);
  if (issues.length > 0) return issues;

  // Part ≤ whole, transitively: excellent ≤ qualified ≤ total holds even when qualified is not reported.
  const values = resolveValues(data.figures);
  const wholes = new Map<string, string[]>();
  for (const edge of partWholeEdges(data.figures))
    wholes.set(edge.part, [...(wholes.get(edge.part) ?? []), edge.whole]);
  for (const [id, { figure, index }] of byId) {
    const value = values.get(id);
    if (value === null || value === undefined) continue;
    const seen = new Set<string>();
    const queue = [...(wholes.get(id) ?? [])];
    while (queue.length > 0) {
      const whole = queue.shift() as string;
      if (seen.has(whole)) continue;
      seen.add(whole);
      const wholeValue = values.get(whole);
      if (wholeValue !== null && wholeValue !== undefined && value > wholeValue + 1e-9) {
        const field = figure.value !== undefined ? 'value' : figure.share ? 'share' : 'difference';
        issues.push(
          issue(
            ['figures', index, field],
            [
              `"${id}" is ${round(value)}, more than "${whole}" (${round(wholeValue)}); a part cannot exceed its whole`,
              'check both numbers against the report and correct the wrong one',
            ],
            [
              `“${id}”是 ${round(value)}，大于“${whole}”（${round(wholeValue)}）；部分不能大于整体`,
              '对照年度总结核对这两个数，改正写错的那个',
            ],
          ),
        );
        break;
      }
      queue.push(...(wholes.get(whole) ?? []));
    }
  }

  // Charts.
  const chartIds = new Set<string>();
  data.charts.forEach((chart, index) => {
    const at = (...field: Array<string | number>) => ['charts', index, ...field];
    if (chartIds.has(chart.id))
      issues.push(
        issue(
          at('id'),
          [`chart "${chart.id}" is declared twice`, 'give each chart its own id'],
          [`图表“${chart.id}”重复`, '每个图表用自己的 id'],
        ),
      );
    chartIds.add(chart.id);
    const unknown = (field: Array<string | number>, id: string) =>
      issues.push(
        issue(
          at(...field),
          [`names "${id}", which is not a figure of ${data.year}`, `use one of: ${idList()}`],
          [`引用的“${id}”不是 ${data.year} 年的数字`, `改用其中之一：${idList()}`],
        ),
      );
    if (chart.whole !== undefined && !byId.has(chart.whole)) unknown(['whole'], chart.whole);
    if (chart.kind === 'parts' && chart.whole === undefined) {
      issues.push(
        issue(
          at('kind'),
          [
            'a "parts" chart needs the whole its bars are parts of',
            'add whole: <figure id>, e.g. whole: teams.total',
          ],
          ['“parts”图表需要写明各部分所属的整体', '加上 whole: <数字 id>，如 whole: teams.total'],
        ),
      );
    }
    chart.bars.forEach((bar, barIndex) => {
      const figure = byId.get(bar.figure)?.figure;
      if (!figure) {
        unknown(['bars', barIndex, 'figure'], bar.figure);
        return;
      }
      if (chart.kind === 'targets' && !figure.target) {
        issues.push(
          issue(
            at('bars', barIndex, 'figure'),
            [
              `"${bar.figure}" is not a target; a targets chart lists target figures`,
              'name a figure that has target: { for: …, direction: at-least }',
            ],
            [
              `“${bar.figure}”不是目标；目标图表列出的是目标数字`,
              '改写带有 target: { for: …, direction: at-least } 的数字',
            ],
          ),
        );
      }
      if (chart.kind === 'targets' && figure.target && figure.kind !== 'percent') {
        issues.push(
          issue(
            at('bars', barIndex, 'figure'),
            [
              `"${bar.figure}" is a target count; a targets chart draws percentages against their targets`,
              'leave count targets out of the chart (they are still in the figures table and the open data)',
            ],
            [
              `“${bar.figure}”是计数目标；目标图表只画百分比与目标的对比`,
              '计数目标不放进图表（它仍在数字表和开放数据中）',
            ],
          ),
        );
      }
      if (chart.kind !== 'targets' && figure.kind !== 'count') {
        issues.push(
          issue(
            at('bars', barIndex, 'figure'),
            [
              `"${bar.figure}" is a percentage; a ${chart.kind} chart draws counts`,
              'name a count, or draw percentages in a targets chart',
            ],
            [
              `“${bar.figure}”是百分比；${chart.kind} 图表只画计数`,
              '改写计数，或用 targets 图表画百分比',
            ],
          ),
        );
      }
    });
    if (chart.kind === 'parts' && chart.whole !== undefined) {
      const whole = values.get(chart.whole);
      const known = chart.bars
        .map((bar) => values.get(bar.figure))
        .filter((v): v is number => typeof v === 'number');
      const sum = known.reduce((a, b) => a + b, 0);
      if (typeof whole === 'number' && sum > whole) {
        issues.push(
          issue(
            at('bars'),
            [
              `the parts add up to ${sum}, more than "${chart.whole}" (${whole})`,
              'list parts that do not overlap, or draw a counts chart',
            ],
            [
              `各部分合计 ${sum}，大于“${chart.whole}”（${whole}）`,
              '列出互不重叠的部分，或改用 counts 图表',
            ],
          ),
        );
      }
    }
    for (const field of ['caption', 'summary', 'title'] as const) {
      for (const ref of templatesIn(chart[field])) {
        if (field === 'title') {
          issues.push(
            issue(
              at('title'),
              [
                'quotes a figure, but the title is the plain caption used when a figure is not reported',
                'write the title without {metric:…}; quote figures in caption',
              ],
              [
                '标题里引用了数字；标题是数字未报告时使用的纯文字图题',
                '标题不要写 {metric:…}，数字写在 caption 里',
              ],
            ),
          );
        } else if (!byId.has(ref.id)) unknown([field], ref.id);
        else if (
          ref.modifier !== undefined &&
          !(placeholderModifiers as readonly string[]).includes(ref.modifier)
        ) {
          issues.push(
            issue(
              at(field),
              [
                `"{metric:${ref.id}:${ref.modifier}}" has an unknown ending ":${ref.modifier}"`,
                'use {metric:id}, {metric:id:bare} or {metric:id:share}',
              ],
              [
                `“{metric:${ref.id}:${ref.modifier}}”的后缀“:${ref.modifier}”无效`,
                '写 {metric:id}、{metric:id:bare} 或 {metric:id:share}',
              ],
            ),
          );
        } else if (ref.modifier === 'share' && chart.whole === undefined) {
          issues.push(
            issue(
              at(field),
              [
                `"{metric:${ref.id}:share}" needs the chart's whole`,
                'add whole: <figure id> to the chart',
              ],
              [`“{metric:${ref.id}:share}”需要图表的 whole`, '给图表加上 whole: <数字 id>'],
            ),
          );
        }
      }
    }
  });

  data.cards.forEach((card, index) => {
    if (!byId.has(card.figure)) {
      issues.push(
        issue(
          ['cards', index, 'figure'],
          [
            `names "${card.figure}", which is not a figure of ${data.year}`,
            `use one of: ${idList()}`,
          ],
          [`引用的“${card.figure}”不是 ${data.year} 年的数字`, `改用其中之一：${idList()}`],
        ),
      );
    }
    for (const ref of templatesIn(card.note)) {
      if (!byId.has(ref.id) || ref.modifier === 'share') {
        issues.push(
          issue(
            ['cards', index, 'note'],
            [
              `quotes "{metric:${ref.id}${ref.modifier ? `:${ref.modifier}` : ''}}", ` +
                `which is not a figure of ${data.year}`,
              `use {metric:id} or {metric:id:bare} with one of: ${idList()}`,
            ],
            [
              `引用的“{metric:${ref.id}}”不是 ${data.year} 年的数字`,
              `用 {metric:id} 或 {metric:id:bare}，id 为其中之一：${idList()}`,
            ],
          ),
        );
      }
    }
  });
  return issues;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function describeKind(figure: Pick<FigureDeclaration, 'kind' | 'counter'>): string {
  return figure.kind === 'percent'
    ? 'a percentage'
    : `a count in ${figure.counter?.zh ?? '?'} / ${figure.counter?.en ?? '?'}`;
}

export function describeKindZh(figure: Pick<FigureDeclaration, 'kind' | 'counter'>): string {
  return figure.kind === 'percent' ? '百分比' : `以“${figure.counter?.zh ?? '?'}”计的数`;
}
