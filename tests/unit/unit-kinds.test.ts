// Unit kinds are data: one table (src/schemas/unit-kinds.ts) that the schema, the pages, the
// scaffolder and the guide's field tables all read.
import { describe, expect, test } from 'vitest';
import { fieldTables } from '../../src/model/field-tables';
import {
  unitKindChoices,
  unitKindLabel,
  unitKindTable,
  unitKinds,
} from '../../src/schemas/unit-kinds';
import { unitSchema } from '../../src/schemas/unit';
import { unitFiles } from '../../src/editing/templates';

const unit = (kind: string) => ({ name: '电解一车间', kind });

describe('the unit kinds table', () => {
  test('has the kinds the field needs, each named in both languages, ids unique', () => {
    expect(unitKinds).toEqual([
      'business-unit',
      'branch-factory',
      'workshop',
      'department',
      'office',
      'team',
    ]);
    expect(new Set(unitKinds).size).toBe(unitKinds.length);
    for (const kind of unitKindTable) {
      expect(kind.zh, kind.id).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(kind.en, kind.id).toMatch(/^[a-z][a-z -]+$/);
    }
    expect(unitKindLabel('workshop', 'zh-cn')).toBe('车间');
    expect(unitKindLabel('workshop', 'en')).toBe('workshop');
    expect(unitKindLabel('business-unit', 'en')).toBe('second-tier unit');
    expect(() => unitKindLabel('factory', 'en')).toThrow(/not a unit kind/);
  });

  test("the unit schema accepts exactly the table's kinds", () => {
    for (const kind of unitKinds) expect(unitSchema.safeParse(unit(kind)).success, kind).toBe(true);
    expect(unitSchema.safeParse(unit('factory')).success).toBe(false);
  });

  test("the guide's field table names every kind from the table, in each language", () => {
    const zh = fieldTables('zh');
    const en = fieldTables('en');
    for (const kind of unitKindTable) {
      expect(zh).toContain(`\`${kind.id}\`（${kind.zh}）`);
      expect(en).toContain(`\`${kind.id}\``);
    }
    expect(en).toContain('`business-unit` (second-tier unit)');
  });

  test('the scaffolded unit file lists the kinds from the table', () => {
    const [zh, en] = unitFiles({
      slug: 'a',
      nameZh: '甲',
      nameEn: 'A',
      kind: 'workshop',
      year: 2008,
    });
    expect(zh?.content).toContain(unitKindChoices('zh'));
    expect(zh?.content).toContain('workshop（车间）');
    expect(en?.content).toContain(unitKindChoices('en'));
    expect(zh?.content).toMatch(/^kind: workshop$/m);
  });
});
