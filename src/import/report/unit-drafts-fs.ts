// The units of earlier years, read from their files, and the draft entries the import writes for
// the units the new year's text names: name, kind and parent carried over from the unit's newest
// earlier year by the code `npm run new -- unit <slug> --year` uses. A unit that already has a
// file for the year keeps it: nothing is overwritten.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { latestUnitFields, unitSlugsBefore } from '../../editing/new';
import { unitFiles, type PlannedFile } from '../../editing/templates';
import { entryFile } from '../../model/registry';
import type { EarlierUnit, NamedUnit } from './units';

/** Every unit that has a file in a year before `year`, as its newest such file gives it. */
export async function earlierUnitsOf(root: string, year: number): Promise<EarlierUnit[]> {
  const units: EarlierUnit[] = [];
  for (const slug of await unitSlugsBefore(root, year)) {
    const fields = await latestUnitFields(root, slug, year);
    if (!fields?.nameZh || !fields.kind) continue;
    units.push({
      slug,
      name: fields.nameZh,
      kind: fields.kind,
      ...(fields.parent ? { parent: fields.parent } : {}),
    });
  }
  return units;
}

export interface UnitDrafts {
  files: PlannedFile[];
  /** Units given a draft entry for the year; `forParent` when only a named unit's parent. */
  created: Array<{ slug: string; name: string; forParent?: string }>;
  /** Units named that already have a file for the year (kept as they are). */
  kept: string[];
}

/** The draft entries for the named units (and the parents they name, so that `parent` resolves). */
export async function unitDrafts(
  root: string,
  year: number,
  named: ReadonlyArray<NamedUnit>,
  earlier: ReadonlyArray<EarlierUnit>,
  /** A figure of the year, for the draft text's example <Metric> (it must exist in that year). */
  exampleFigure: string,
): Promise<UnitDrafts> {
  const drafts: UnitDrafts = { files: [], created: [], kept: [] };
  const planned = new Set<string>();
  const parents: Array<{ slug: string; child: string }> = [];
  const plan = async (slug: string, sections: ReadonlyArray<string>, forParent?: string) => {
    if (planned.has(slug)) return;
    planned.add(slug);
    const paths = ['zh-cn', 'en'].map((locale) => entryFile('units', slug, locale, year));
    if (paths.some((path) => existsSync(join(root, path)))) {
      drafts.kept.push(slug);
      return;
    }
    const fields = await latestUnitFields(root, slug, year);
    const unit = earlier.find((candidate) => candidate.slug === slug);
    if (!fields || !unit) return;
    drafts.files.push(
      ...unitFiles({
        slug,
        nameZh: unit.name,
        nameEn: fields.nameEn ?? `TO TRANSLATE: ${unit.name}`,
        kind: unit.kind,
        year,
        parent: unit.parent,
        sections,
        exampleFigure,
      }),
    );
    drafts.created.push({ slug, name: unit.name, ...(forParent ? { forParent } : {}) });
    if (unit.parent) parents.push({ slug: unit.parent, child: slug });
  };
  // The named units first, so that a parent the text also names gets its own sections.
  for (const unit of named) await plan(unit.slug, unit.sections);
  for (let next = parents.shift(); next; next = parents.shift())
    await plan(next.slug, [], next.child);
  return drafts;
}
