// The import continues the yearbook: each figure found in the new year's document is matched
// against the figures earlier years declare (for each id, the latest year that has it) by what it
// measures — kind, counter word, the concepts of its words, its section, and for a share, whether
// it is the share of the same part in the same whole. A matched figure takes the earlier id, labels
// and counter words, so /figures/ and the key-figure cards compare the years; a match the words do
// not settle is listed for the editor to confirm; a figure no year has gets a readable id of its
// own that no other year uses. Pure.
import type { FigureDeclaration, MetricsData } from '../../figures/declarations';
import { metricTable, roundPercent, yearFigures } from '../../figures/compute';
import type { EditorNote, ImportedFigure } from './figures';
import { cleanLabel, conceptsOf, countLabel, newFigureId, shareLabel } from './figure-names';

/** A figure of an earlier year, with its value as that year's pages write it (108个, 66%). */
export interface EarlierFigure {
  year: number;
  figure: FigureDeclaration;
  shown: string;
}

/** For each id any other year declares, that figure from the latest earlier year (else the nearest later). */
export function earlierFigures(
  years: ReadonlyArray<MetricsData>,
  year: number,
): Map<string, EarlierFigure> {
  const order = [...years]
    .filter((data) => data.year !== year)
    .sort((a, b) =>
      a.year < year && b.year < year
        ? b.year - a.year
        : a.year < year
          ? -1
          : b.year < year
            ? 1
            : a.year - b.year,
    );
  const found = new Map<string, EarlierFigure>();
  for (const data of order) {
    let table: ReturnType<typeof metricTable> = {};
    try {
      table = metricTable(yearFigures(data));
    } catch {
      // A year whose figures do not resolve still names its measures; its values show as unknown.
    }
    for (const figure of data.figures) {
      if (found.has(figure.id)) continue;
      const metric = table[figure.id];
      const shown =
        metric?.displayed === null || metric === undefined
          ? '未报告'
          : `${metric.displayed}${figure.kind === 'percent' ? '%' : (figure.counter?.zh ?? '')}`;
      found.set(figure.id, { year: data.year, figure, shown });
    }
  }
  return found;
}

export type MatchStatus = 'matched' | 'uncertain' | 'new' | 'repeat';

/** One line of the match table. */
export interface FigureMatch {
  /** The import's provisional id (what the binder wrote into the text). */
  provisional: string;
  id: string;
  status: MatchStatus;
  /** The document's words and number: 公司现有班组 108个. */
  found: string;
  earlier?: EarlierFigure;
  /** Why an uncertain match was taken, or what else it could be. */
  doubt?: string;
}

export interface MatchOutcome {
  /** The figures to declare, with their final ids, labels and counter words. */
  figures: ImportedFigure[];
  /** Provisional id → final id, for every <Metric> of the text. */
  ids: Map<string, string>;
  table: FigureMatch[];
  notes: EditorNote[];
  /** The latest year before this one with a figures file, and how many of its ids this year shares. */
  previous?: { year: number; shared: number };
}

interface Candidate {
  earlier: EarlierFigure;
  score: number;
}

/** Content characters of a label, for a rough likeness of wording (the concepts do the real work). */
const contentChars = (text: string) =>
  new Set(
    [...text.replace(/[^\u4e00-\u9fff]/g, '')].filter(
      (c) => !'的数个共有了和与及在为其中'.includes(c),
    ),
  );

function likeness(a: string, b: string): number {
  const x = contentChars(a);
  const y = contentChars(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const c of x) if (y.has(c)) common += 1;
  return (2 * common) / (x.size + y.size);
}

/** How well an imported count or stated percentage fits an earlier figure; -Infinity when it cannot be it. */
export function matchScore(figure: ImportedFigure, earlier: FigureDeclaration): number {
  if (figure.kind !== earlier.kind) return -Infinity;
  if (figure.kind === 'count' && figure.counter?.zh !== earlier.counter?.zh) return -Infinity;
  const words = conceptsOf(figure.label);
  // "使50%以上的班组……": a percentage the text sets as a floor is a target.
  if (figure.kind === 'percent' && /[%％]\s*(?:及)?(?:以上|以下)/.test(figure.quote))
    words.add('target');
  const theirs = conceptsOf(`${earlier.label.zh}${earlier.short?.zh ?? ''}`);
  let score = 0;
  if (figure.kind === 'count') score += figure.counter?.en === earlier.counter?.en ? 2 : -1;
  for (const w of theirs) score += words.has(w) ? 2 : -2;
  for (const w of words) if (!theirs.has(w)) score -= 0.5;
  if (figure.section === earlier.section) score += 0.5;
  // A number the document states is more likely one an earlier document stated than one computed there.
  if (earlier.difference) score -= 1;
  score += 3 * likeness(figure.label, earlier.label.zh);
  // A target is a target: a stated percentage is one only when its words say so.
  if (earlier.target && !words.has('target')) score -= 3;
  return score;
}

// Scores: a shared concept is worth 2, a missing one costs 2; the same English noun 2. A match needs
// at least 4 and a lead of 1.5 over the next free candidate to be sure; from 3 it is taken but listed
// for the editor to confirm; below 3 the figure is new.
const matchedAt = 4;
const uncertainAt = 3;
const clearMargin = 1.5;

/**
 * Matches a year's imported figures (provisional ids, in document order) against `earlier` (see
 * earlierFigures: every id another year declares), and names the new ones. `previousYear`: the
 * latest earlier year's ids, to say how many this year shares with it.
 */
export function matchFigures(
  imported: ReadonlyArray<ImportedFigure>,
  earlier: ReadonlyMap<string, EarlierFigure>,
  year: number,
  previousYear?: { year: number; ids: ReadonlySet<string> },
): MatchOutcome {
  const byId = new Map(imported.map((f) => [f.id, f]));
  const ids = new Map<string, string>();
  const table: FigureMatch[] = [];
  const notes: EditorNote[] = [];
  const claimed = new Map<string, ImportedFigure>();
  const status = new Map<
    string,
    { status: MatchStatus; earlier?: EarlierFigure; doubt?: string }
  >();
  const valueOf = (figure: ImportedFigure): number | undefined => {
    if (figure.value !== undefined) return figure.value;
    if (!figure.share) return undefined;
    const part = byId.get(figure.share.part)?.value;
    const whole = byId.get(figure.share.of)?.value;
    return part !== undefined && whole
      ? (roundPercent((part * 100) / whole) ?? undefined)
      : undefined;
  };

  // Counts first, best pairs first; then shares, once their parts have ids; then stated percentages.
  const claimBest = (plain: ReadonlyArray<ImportedFigure>) => {
    const candidatesOf = new Map<ImportedFigure, Candidate[]>();
    const pairs: Array<{ figure: ImportedFigure; candidate: Candidate }> = [];
    for (const figure of plain) {
      const candidates = [...earlier.values()]
        .filter((e) => !e.figure.share || figure.kind === 'percent')
        .map((e) => ({ earlier: e, score: matchScore(figure, e.figure) }))
        .filter((c) => c.score >= uncertainAt)
        .sort((a, b) => b.score - a.score);
      candidatesOf.set(figure, candidates);
      for (const candidate of candidates) pairs.push({ figure, candidate });
    }
    pairs.sort((a, b) => b.candidate.score - a.candidate.score);
    for (const { figure, candidate } of pairs) {
      if (status.has(figure.id)) continue;
      // How close the best other earlier figure still free comes: a near tie is not settled by the words.
      const next =
        candidatesOf.get(figure)?.find((c) => c !== candidate && !claimed.has(c.earlier.figure.id))
          ?.score ?? -Infinity;
      const id = candidate.earlier.figure.id;
      const holder = claimed.get(id);
      if (holder) {
        // The same measure stated again (108个 in two paragraphs): one figure, quoted twice.
        if (holder.value === figure.value && holder.kind === figure.kind) {
          status.set(figure.id, { status: 'repeat', earlier: candidate.earlier });
          ids.set(figure.id, id);
        }
        continue;
      }
      claimed.set(id, figure);
      ids.set(figure.id, id);
      const sure = candidate.score >= matchedAt && candidate.score - next >= clearMargin;
      status.set(figure.id, {
        status: sure ? 'matched' : 'uncertain',
        earlier: candidate.earlier,
        ...(sure
          ? {}
          : {
              doubt:
                candidate.score < matchedAt
                  ? 'the words differ'
                  : 'another earlier figure fits almost as well',
            }),
      });
    }
  };
  claimBest(imported.filter((f) => f.kind === 'count'));
  for (const figure of imported.filter((f) => f.share)) {
    const part = ids.get(figure.share?.part ?? '');
    const whole = ids.get(figure.share?.of ?? '');
    const same = [...earlier.values()].find(
      (e) => e.figure.share?.part === part && e.figure.share?.of === whole,
    );
    if (same && part && whole && !claimed.has(same.figure.id)) {
      claimed.set(same.figure.id, figure);
      ids.set(figure.id, same.figure.id);
      status.set(figure.id, { status: 'matched', earlier: same });
    }
  }
  claimBest(imported.filter((f) => f.kind === 'percent' && !f.share));

  // New figures: clean labels and ids of their own.
  const taken = new Set(claimed.keys());
  const otherYears = new Set(earlier.keys());
  const finalFigures: ImportedFigure[] = [];
  const labels = new Map<string, string>();
  for (const figure of imported) {
    const found = status.get(figure.id);
    if (found?.status === 'repeat') continue;
    if (found?.earlier) {
      const e = found.earlier.figure;
      labels.set(figure.id, e.label.zh);
      finalFigures.push({
        ...figure,
        id: e.id,
        label: e.label.zh,
        labelEn: e.label.en,
        ...(e.counter ? { counter: { ...e.counter } } : {}),
      });
      continue;
    }
    let label: string;
    let id: string;
    if (figure.share) {
      const partLabel = labels.get(figure.share.part) ?? figure.share.part;
      const wholeLabel = labels.get(figure.share.of) ?? figure.share.of;
      label = shareLabel(partLabel, wholeLabel);
      const partId = ids.get(figure.share.part) ?? figure.share.part;
      id = `${partId}Rate`;
      if (taken.has(id) || otherYears.has(id)) id = `${partId}Rate${year}`;
    } else {
      let words = cleanLabel(figure.label) || cleanLabel(figure.quote) || '待命名';
      // "采纳218条" after "收到合理化建议356条": the label names what is counted (采纳的建议).
      if (figure.noun && !words.includes(figure.noun)) words = `${words}的${figure.noun}`;
      label =
        figure.kind === 'count'
          ? countLabel(words)
          : /率|比例|比重$/.test(words)
            ? words
            : `${words}比例`;
      id = newFigureId(
        figure.kind === 'count' ? (figure.counter?.en ?? 'items') : 'rates',
        conceptsOf(figure.label),
        year,
        taken,
        otherYears,
      );
    }
    taken.add(id);
    ids.set(figure.id, id);
    labels.set(figure.id, label);
    status.set(figure.id, { status: 'new' });
    finalFigures.push({ ...figure, id, label });
  }
  // What an earlier year says of a matched figure (part of, target for) holds where the other figure is here too.
  const declared = new Set(finalFigures.map((f) => f.id));
  for (const figure of finalFigures) {
    const e = earlier.get(figure.id)?.figure;
    if (!e || figure.id !== e.id) continue;
    const whole = finalFigures.find((f) => f.id === e.partOf);
    // Only where this year's numbers keep it: the import states, the check would refuse a broken one.
    if (
      whole &&
      figure.value !== undefined &&
      whole.value !== undefined &&
      figure.value <= whole.value
    )
      figure.partOf = whole.id;
    if (e.target && declared.has(e.target.for)) figure.target = { ...e.target };
  }
  // The shares' part and whole, and each figure's place in the table, under their final ids.
  for (const figure of finalFigures)
    if (figure.share)
      figure.share = {
        part: ids.get(figure.share.part) ?? figure.share.part,
        of: ids.get(figure.share.of) ?? figure.share.of,
      };
    else if (figure.disagreement)
      figure.disagreement = {
        ...figure.disagreement,
        part: ids.get(figure.disagreement.part) ?? figure.disagreement.part,
        of: ids.get(figure.disagreement.of) ?? figure.disagreement.of,
      };
  for (const figure of imported) {
    const s = status.get(figure.id) ?? { status: 'new' as const };
    const value = valueOf(figure);
    const shown =
      value === undefined
        ? ''
        : `${value}${figure.kind === 'percent' ? '%' : (figure.counter?.zh ?? '')}`;
    table.push({
      provisional: figure.id,
      id: ids.get(figure.id) ?? figure.id,
      status: s.status,
      found: `${cleanLabel(figure.label) || figure.quote} ${shown}`.trim(),
      ...(s.earlier ? { earlier: s.earlier } : {}),
      ...(s.doubt ? { doubt: s.doubt } : {}),
    });
  }

  for (const row of table.filter((r) => r.status === 'uncertain'))
    notes.push({
      zh:
        `请确认：“${row.found}”被当作 ${row.earlier?.year} 年的 ${row.id}（${row.earlier?.figure.label.zh}，` +
        `${row.earlier?.shown}）。如果不是同一个量，运行 npm run figures -- rename ${year} ${row.id} <新 id>`,
      en:
        `confirm: "${row.found}" was taken as ${row.id} of ${row.earlier?.year} ` +
        `(${row.earlier?.figure.label.en}, ${row.earlier?.shown}) — ${row.doubt}. If it is not the same ` +
        `measure, run npm run figures -- rename ${year} ${row.id} <new id>`,
    });
  let previous: MatchOutcome['previous'];
  if (previousYear) {
    const shared = finalFigures.filter((f) => previousYear.ids.has(f.id)).length;
    previous = { year: previousYear.year, shared };
    if (shared === 0)
      notes.push({
        zh:
          `${year} 年没有一个数字与 ${previousYear.year} 年同 id：/figures/ 页和关键数字卡片将没有可比较的数字。` +
          `如果有同一个量，用 npm run figures -- rename ${year} <id> <${previousYear.year} 年的 id> 改名`,
        en:
          `${year} shares no figure id with ${previousYear.year}: /figures/ will compare nothing, nor will ` +
          `the key-figure cards. Where a figure is the same measure, run ` +
          `npm run figures -- rename ${year} <id> <the ${previousYear.year} id>`,
      });
  }
  return { figures: finalFigures, ids, table, notes, ...(previous ? { previous } : {}) };
}

/** The match table as the import prints it: one line per figure found. */
export function matchTableLines(outcome: MatchOutcome): string[] {
  return outcome.table.map((row) => {
    const mark = { matched: '', uncertain: ' ？待确认 to confirm', new: '', repeat: '' }[
      row.status
    ];
    if (row.status === 'new') return `${row.found} → ${row.id}（新 new）`;
    const e = row.earlier;
    const again = row.status === 'repeat' ? '（重复 stated again）' : '';
    return `${row.found} → ${row.id} ${e?.figure.label.zh ?? ''} (${e?.year}: ${e?.shown})${again}${mark}`;
  });
}
