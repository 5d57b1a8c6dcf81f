import { defaultLocale } from '../i18n/locales';
import type { ModelEntry } from './entries';
import { problemAt, type CheckProblem } from '../utils/problems';
import {
  bodyTexts,
  dataTexts,
  findUnfinished,
  markerComments,
  readableText,
  scriptCounts,
  type UnfinishedFinding,
} from './unfinished';

type YearOf = (entry: ModelEntry, known: ReadonlyMap<string, ModelEntry>) => number | undefined;

/** Report years whose report (in the default language) is still a draft: nothing of theirs is published. */
function draftYears(all: ReadonlyArray<ModelEntry>): Set<number> {
  return new Set(
    all
      .filter(
        (entry) =>
          entry.collection === 'reports' &&
          entry.locale === defaultLocale &&
          entry.data.draft === true,
      )
      .map((entry) => (typeof entry.data.year === 'number' ? entry.data.year : Number(entry.slug))),
  );
}

/**
 * Whether an entry reaches the site: it is no draft, and the year it belongs to (its folder,
 * its `year`, its event's) is no draft year. Glossary terms belong to no year and always do.
 */
export function publishedEntries(
  entries: ReadonlyArray<ModelEntry>,
  all: ReadonlyArray<ModelEntry>,
  yearOf: YearOf,
): ModelEntry[] {
  const drafts = draftYears(all);
  const known = new Map(all.map((entry) => [`${entry.collection}:${entry.id}`, entry]));
  return entries.filter((entry) => {
    if (entry.data.draft === true) return false;
    const year = yearOf(entry, known);
    return year === undefined || !drafts.has(year);
  });
}

/** The texts an entry publishes: its fields (for YAML, the whole file), its MDX body, the needs-translation line. */
function entryTexts(entry: ModelEntry) {
  const english = entry.locale === 'en';
  // In a file of both languages, the English is what sits under `en` (caption.en, the term's en).
  const isEnglish = (path: ReadonlyArray<PropertyKey>) =>
    english || (entry.locale === undefined && path.at(-1) === 'en');
  return [
    ...markerComments(entry.text),
    ...dataTexts(entry.data, entry.lineOf, isEnglish),
    ...bodyTexts(entry.body, entry.bodyLine, english),
  ];
}

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function problemOf(entry: ModelEntry, finding: UnfinishedFinding): CheckProblem {
  const { piece } = finding;
  // What keeps it off the site meanwhile: the entry's own draft flag, its year's, or (a glossary
  // term, which belongs to no year) nothing but finishing it.
  const draftHint =
    entry.collection === 'reports' || entry.collection === 'units'
      ? [
          '; or keep the entry unpublished (draft: true) until it is',
          '；或者在写完之前保持草稿（draft: true）',
        ]
      : entry.collection === 'glossary'
        ? ['; a glossary term is always published', '；词汇总是会发布']
        : [
            "; or keep the year unpublished (draft: true in that year's report) until it is",
            '；或者在写完之前让该年度总结保持草稿（draft: true）',
          ];
  if (finding.kind === 'marker' && finding.marker) {
    const { marker } = finding;
    return problemAt(
      entry.file,
      piece.line,
      piece.field,
      [
        `still holds "${marker.text}", a placeholder the tools wrote: "${excerpt(piece.text)}" ` +
          'would be published unfinished',
        `${marker.fix.en}${draftHint[0]}`,
      ],
      [
        `还留着工具写下的占位标记“${marker.text}”：“${excerpt(piece.text)}”会原样发布出去`,
        `${marker.fix.zh}${draftHint[1]}`,
      ],
    );
  }
  const { han, latin } = scriptCounts(readableText(piece.text));
  return problemAt(
    entry.file,
    piece.line,
    piece.field,
    [
      `is English text that is still Chinese (${han} Han characters, ${latin} Latin letters): ` +
        `"${excerpt(piece.text)}"`,
      'translate it into English; a Chinese name or term may stay beside its English, ' +
        `as in "the Hotel (平果铝宾馆)"${draftHint[0]}`,
    ],
    [
      `是英文版的文字，但还是中文（汉字 ${han} 个，拉丁字母 ${latin} 个）：“${excerpt(piece.text)}”`,
      `译成英文；中文名称或术语可以留在英文旁边，如“the Hotel (平果铝宾馆)”${draftHint[1]}`,
    ],
  );
}

/**
 * What the `unfinished-text` rule refuses: in every published entry of every collection, a marker
 * the tools write (./unfinished.ts) and English text that is still Chinese.
 */
export function unfinishedTextProblems(
  entries: ReadonlyArray<ModelEntry>,
  all: ReadonlyArray<ModelEntry>,
  yearOf: YearOf,
): CheckProblem[] {
  return publishedEntries(entries, all, yearOf).flatMap((entry) =>
    findUnfinished(entryTexts(entry)).map((finding) => problemOf(entry, finding)),
  );
}

/**
 * What the `report-provenance` rule refuses: a published report that does not say where its text
 * comes from (`provenance.source`, Chinese) or how its English was made (`provenance.translation`).
 */
export function provenanceProblems(
  entries: ReadonlyArray<ModelEntry>,
  all: ReadonlyArray<ModelEntry>,
  yearOf: YearOf,
): CheckProblem[] {
  return publishedEntries(entries, all, yearOf)
    .filter((entry) => entry.collection === 'reports')
    .flatMap((entry) => {
      const provenance = entry.data.provenance as
        { source?: string; translation?: string } | undefined;
      const english = entry.locale === 'en';
      const field = english ? 'translation' : 'source';
      if (provenance?.[field]) return [];
      return [
        problemAt(
          entry.file,
          entry.lineOf(provenance ? ['provenance'] : ['summary']),
          `provenance.${field}`,
          english
            ? [
                'is missing: the English report must say how its English was made',
                'write it under provenance, e.g. provenance: { translation: "Translated in full from ' +
                  'the original published in the company magazine of Pingguo Aluminium Company." }',
              ]
            : [
                'is missing: the report must say where its text comes from',
                'write it under provenance, e.g. provenance: { source: "内容依据平果铝业公司内部刊物所载原文整理，' +
                  '未作删改。" }',
              ],
          english
            ? [
                '没有写：英文版要说明英文是怎么来的',
                '在 provenance 下写明，如 provenance: { translation: "Translated in full from the original ' +
                  'published in the company magazine of Pingguo Aluminium Company." }',
              ]
            : [
                '没有写：年度总结要说明正文出自哪里',
                '在 provenance 下写明，如 provenance: { source: "内容依据平果铝业公司内部刊物所载原文整理，未作删改。" }',
              ],
        ),
      ];
    });
}
