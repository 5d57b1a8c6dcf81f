// The kinds of unit a report speaks of, with their names in both languages: the one table that
// the unit schema (which kinds `kind` accepts), the pages (the label under a unit's name), the
// scaffolder and importer (`npm run new`, `npm run import`) and the editors' guide's field tables
// read. A kind the field needs is one row here. Pure.
import type { Locale } from '../i18n/locales';

export interface UnitKind {
  /** What `kind:` says in a unit's file. */
  id: string;
  zh: string;
  en: string;
}

/** From the largest to the smallest, as the company is organised. */
export const unitKindTable = [
  { id: 'business-unit', zh: '二级单位', en: 'second-tier unit' },
  { id: 'branch-factory', zh: '分厂', en: 'branch factory' },
  { id: 'workshop', zh: '车间', en: 'workshop' },
  { id: 'department', zh: '公司机关部室', en: 'head-office department' },
  { id: 'office', zh: '科室', en: 'office' },
  { id: 'team', zh: '班组', en: 'work team' },
] as const satisfies ReadonlyArray<UnitKind>;

export type UnitKindId = (typeof unitKindTable)[number]['id'];

/** The kind ids, in the table's order (what the schema's enum takes). */
export const unitKinds = unitKindTable.map((kind) => kind.id) as [UnitKindId, ...UnitKindId[]];

/** A kind's name in one language: 车间 / workshop. */
export function unitKindLabel(id: string, locale: Locale): string {
  const kind = unitKindTable.find((row) => row.id === id);
  if (!kind) throw new Error(`"${id}" is not a unit kind of src/schemas/unit-kinds.ts.`);
  return locale === 'en' ? kind.en : kind.zh;
}

/** The kinds as a field-table note or a message lists them: `workshop`（车间）. */
export function unitKindChoices(language: 'zh' | 'en'): string {
  return unitKindTable
    .map((kind) => (language === 'zh' ? `${kind.id}（${kind.zh}）` : `${kind.id} (${kind.en})`))
    .join(language === 'zh' ? '、' : ', ');
}
