// The units the imported text names, found by the names they had in earlier years: the full name
// (平果铝宾馆), the name without the company's prefix (宾馆), and the parent's name before it
// (生活服务公司纯净水厂, as the 2007 text writes it). A team's name (生产一班) is one many units
// have, so it counts only in a paragraph that also names its parent. Each name found is written
// as <UnitLink> (the first time in each paragraph), and the unit gets a draft entry for the year.
// Pure.
import type { BoundNode, TextSegment } from './render';

/** A unit of an earlier year, as its newest file there gives it. */
export interface EarlierUnit {
  slug: string;
  /** Its Chinese name. */
  name: string;
  kind: string;
  parent?: string;
}

/** A unit the text names: the sections it is named in, and the words it was found by. */
export interface NamedUnit {
  slug: string;
  sections: string[];
  /** The first words of the text that named it, for the import's summary. */
  foundAs: string;
}

/** What the company's own units are called before their name, and dropped in short forms. */
const companyPrefix = /^(?:平果铝业公司|平果铝|平铝)/;

/** A unit's name without the company's prefix, unless that is too short or another unit's name too. */
function shortName(unit: EarlierUnit, all: ReadonlyArray<EarlierUnit>): string | undefined {
  const short = unit.name.replace(companyPrefix, '');
  if (short === unit.name || short.length < 2) return undefined;
  const shared = all.some(
    (other) => other.slug !== unit.slug && other.name.replace(companyPrefix, '') === short,
  );
  return shared ? undefined : short;
}

/** The ways the text may name a unit, longest first. */
export function unitNameForms(
  unit: EarlierUnit,
  all: ReadonlyArray<EarlierUnit>,
  /** The units already on the way up (a parent loop in the content must not loop here). */
  below: ReadonlySet<string> = new Set(),
): string[] {
  const forms = new Set<string>([unit.name]);
  const short = shortName(unit, all);
  if (short) forms.add(short);
  const parent = all.find((other) => other.slug === unit.parent);
  if (parent && !below.has(parent.slug))
    for (const parentForm of unitNameForms(parent, all, new Set([...below, unit.slug])))
      forms.add(`${parentForm}${unit.name}`);
  return [...forms].sort((a, b) => b.length - a.length);
}

interface Form {
  text: string;
  unit: EarlierUnit;
  /** Needs its parent named in the same paragraph (a team's common name). */
  needsParent: boolean;
}

function formsOf(units: ReadonlyArray<EarlierUnit>): Form[] {
  return units
    .flatMap((unit) =>
      unitNameForms(unit, units).map((text) => ({
        text,
        unit,
        needsParent: unit.kind === 'team' && text === unit.name && unit.parent !== undefined,
      })),
    )
    .sort((a, b) => b.text.length - a.text.length);
}

/**
 * Where unit names stand in a text: longest name first, never overlapping. `paragraph` is the
 * whole paragraph the text is part of, where a team's parent may be named.
 */
export function findUnitNames(
  text: string,
  units: ReadonlyArray<EarlierUnit>,
  paragraph = text,
): Array<{ start: number; end: number; slug: string }> {
  const forms = formsOf(units);
  const found: Array<{ start: number; end: number; slug: string }> = [];
  const named = (slug: string | undefined) =>
    forms.some(
      (form) => form.unit.slug === slug && !form.needsParent && paragraph.includes(form.text),
    );
  for (let index = 0; index < text.length;) {
    const form = forms.find(
      (candidate) =>
        text.startsWith(candidate.text, index) &&
        (!candidate.needsParent || named(candidate.unit.parent)),
    );
    if (!form) {
      index += 1;
      continue;
    }
    found.push({ start: index, end: index + form.text.length, slug: form.unit.slug });
    index += form.text.length;
  }
  return found;
}

/** One block's segments with each unit's first name written as a link; `named` hears of every name. */
function linkSegments(
  segments: ReadonlyArray<TextSegment>,
  units: ReadonlyArray<EarlierUnit>,
  paragraph: string,
  named: (slug: string, words: string) => void,
): TextSegment[] {
  const linked = new Set<string>();
  const out: TextSegment[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') {
      out.push(segment);
      continue;
    }
    let rest = 0;
    for (const hit of findUnitNames(segment, units, paragraph)) {
      named(hit.slug, segment.slice(hit.start, hit.end));
      if (linked.has(hit.slug)) continue;
      linked.add(hit.slug);
      if (hit.start > rest) out.push(segment.slice(rest, hit.start));
      out.push({ unit: hit.slug, text: segment.slice(hit.start, hit.end) });
      rest = hit.end;
    }
    if (rest < segment.length) out.push(segment.slice(rest));
  }
  return out;
}

const textOf = (segments: ReadonlyArray<TextSegment>) =>
  segments.map((segment) => (typeof segment === 'string' ? segment : '')).join('');

/**
 * The body with the names of earlier years' units linked (paragraphs and list items; never
 * headings or tables), and the units it names in the order they first appear.
 */
export function linkUnitNames(
  nodes: ReadonlyArray<BoundNode>,
  units: ReadonlyArray<EarlierUnit>,
): { nodes: BoundNode[]; named: NamedUnit[] } {
  const named = new Map<string, NamedUnit>();
  let section = 'body';
  const note = (slug: string, words: string) => {
    const unit = named.get(slug) ?? { slug, sections: [], foundAs: words };
    if (!unit.sections.includes(section)) unit.sections.push(section);
    named.set(slug, unit);
  };
  const link = (segments: TextSegment[], context = segments) =>
    units.length === 0 ? segments : linkSegments(segments, units, textOf(context), note);
  const linked = nodes.map((node): BoundNode => {
    switch (node.type) {
      case 'heading':
        if (node.level === 2) section = node.anchor;
        return node;
      case 'paragraph':
        return node.runIn
          ? {
              ...node,
              runIn: link(node.runIn, [...node.runIn, ...node.segments]),
              segments: link(node.segments, [...node.runIn, ...node.segments]),
            }
          : { ...node, segments: link(node.segments) };
      case 'list':
        return {
          ...node,
          items: node.items.map((item) => ({ ...item, segments: link(item.segments) })),
        };
      case 'table':
        // A table's row labels stay plain text, as the 2007 report writes them.
        return node;
    }
  });
  return { nodes: linked, named: [...named.values()] };
}
