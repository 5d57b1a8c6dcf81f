// The previous year's charts and key-figure cards, carried into the imported year where every
// figure they draw or quote exists this year; the others are listed with the ids they miss. A card's
// note is that year's own sub-line ("after more than two years of team building"), so it stays
// behind. Pure.
import type { CardDeclaration, ChartDeclaration, MetricsData } from '../../figures/declarations';
import { placeholderPattern } from '../../figures/rules';
import type { EditorNote, ImportedFigure } from './figures';

export interface CarriedOver {
  charts: ChartDeclaration[];
  cards: CardDeclaration[];
  notes: EditorNote[];
}

const quoted = (text: { zh: string; en: string } | undefined) =>
  text ? [...`${text.zh} ${text.en}`.matchAll(placeholderPattern)].map((m) => m[1] ?? '') : [];

export function carryOver(
  previous: MetricsData | undefined,
  ids: ReadonlySet<string>,
): CarriedOver {
  const carried: CarriedOver = { charts: [], cards: [], notes: [] };
  if (!previous) return carried;
  const missing = (needed: string[]) => [...new Set(needed.filter((id) => !ids.has(id)))];
  for (const chart of previous.charts) {
    const lacking = missing([
      ...chart.bars.map((b) => b.figure),
      ...(chart.whole ? [chart.whole] : []),
      ...quoted(chart.caption),
      ...quoted(chart.summary),
    ]);
    if (lacking.length === 0) {
      carried.charts.push(chart);
      continue;
    }
    carried.notes.push({
      zh: `${previous.year} 年的图表 ${chart.id}（${chart.title.zh}）没有带过来：本年没有 ${lacking.join('、')}`,
      en:
        `the ${previous.year} chart ${chart.id} (${chart.title.en}) was not carried over: ` +
        `this year has no ${lacking.join(', ')}`,
    });
  }
  for (const card of previous.cards) {
    if (ids.has(card.figure)) {
      carried.cards.push({ figure: card.figure, ...(card.label ? { label: card.label } : {}) });
      continue;
    }
    carried.notes.push({
      zh: `${previous.year} 年的关键数字卡片 ${card.figure} 没有带过来：本年没有这个数字`,
      en: `the ${previous.year} key-figure card ${card.figure} was not carried over: this year has no such figure`,
    });
  }
  return carried;
}

/**
 * The previous year's computed figures (a difference, a share the text does not state) whose
 * inputs this year has, so its charts draw the same bars: "合格但未达优秀" is 合格 minus 优秀 in
 * every year.
 */
export function carriedComputedFigures(
  previous: MetricsData | undefined,
  declared: ReadonlyArray<ImportedFigure>,
): ImportedFigure[] {
  if (!previous) return [];
  const ids = new Set(declared.map((f) => f.id));
  const carried: ImportedFigure[] = [];
  for (let added = true; added;) {
    added = false;
    for (const figure of previous.figures) {
      const inputs = figure.difference
        ? [figure.difference.from, figure.difference.minus]
        : figure.share && figure.value === undefined
          ? [figure.share.part, figure.share.of]
          : undefined;
      if (!inputs || ids.has(figure.id) || !inputs.every((id) => ids.has(id))) continue;
      // A difference this year's numbers make negative is not the same measure any more.
      const value = (id: string) => declared.find((f) => f.id === id)?.value;
      const [from, minus] = figure.difference ? inputs.map(value) : [];
      if (from !== undefined && minus !== undefined && from < minus) continue;
      ids.add(figure.id);
      added = true;
      carried.push({
        id: figure.id,
        kind: figure.kind,
        label: figure.label.zh,
        labelEn: figure.label.en,
        ...(figure.counter ? { counter: { ...figure.counter } } : {}),
        ...(figure.share ? { share: { ...figure.share } } : {}),
        ...(figure.difference ? { difference: { ...figure.difference } } : {}),
        // Where this year's text states its inputs (the sections' anchors are this year's).
        section: declared.find((f) => f.id === inputs[0])?.section ?? figure.section,
        quote: `（计算所得，与 ${previous.year} 年相同 computed as in ${previous.year}）`,
      });
    }
  }
  return carried;
}
