import { describe, expect, test } from 'vitest';
import {
  findContentProblems,
  formatContentProblems,
  type CheckedEntry,
} from '../../src/model/integrity';

const entry = (id: string, references: CheckedEntry['references'] = []): CheckedEntry => ({
  id,
  filePath: `src/content/units/${id}.mdx`,
  references,
});

describe('findContentProblems', () => {
  test('finds nothing wrong with complete, consistent content', () => {
    expect(
      findContentProblems({
        localized: {
          units: [
            entry('zh-cn/hotel', [
              { field: 'practices.0', collection: 'glossary', id: 'six-constants' },
            ]),
            entry('en/hotel', [
              { field: 'practices.0', collection: 'glossary', id: 'six-constants' },
            ]),
            entry('zh-cn/team', [{ field: 'parent', collection: 'units', id: 'hotel' }]),
            entry('en/team', [{ field: 'parent', collection: 'units', id: 'hotel' }]),
          ],
        },
        shared: { glossary: [{ id: 'six-constants', references: [] }] },
      }),
    ).toEqual([]);
  });

  test('names the file and the missing counterpart', () => {
    const problems = findContentProblems({
      localized: { units: [entry('zh-cn/hotel')] },
      shared: {},
    });
    expect(problems).toEqual([
      {
        file: 'src/content/units/zh-cn/hotel.mdx',
        field: '(counterpart)',
        message: 'has no en counterpart',
        fix: 'add src/content/units/en/hotel.mdx with the same fields, translated',
        zh: {
          message: '缺少 en 语言版本',
          fix: '新建 src/content/units/en/hotel.mdx，字段相同，内容译成该语言',
        },
      },
    ]);
  });

  test('names the file and field of a dangling reference', () => {
    const problems = findContentProblems({
      localized: {
        units: [
          entry('zh-cn/hotel', [
            { field: 'practices.1', collection: 'glossary', id: 'seven-constants' },
          ]),
          entry('en/hotel'),
        ],
      },
      shared: { glossary: [] },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'src/content/units/zh-cn/hotel.mdx',
      field: 'practices.1',
      message: 'refers to "seven-constants", which is not in the glossary collection',
    });
  });

  test('a parent unit must exist in the same locale', () => {
    const problems = findContentProblems({
      localized: {
        units: [
          entry('zh-cn/team', [{ field: 'parent', collection: 'units', id: 'plant' }]),
          entry('en/team'),
        ],
      },
      shared: {},
    });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'src/content/units/zh-cn/team.mdx parent',
    ]);
  });

  test('a shared photo may refer to localized events and units by slug when every language has them', () => {
    const photo = {
      id: 'bonfire',
      filePath: 'src/content/photos/bonfire.yaml',
      references: [
        { field: 'event', collection: 'events', id: 'bonfire-party' },
        { field: 'unit', collection: 'units', id: 'mining' },
      ],
    };
    expect(
      findContentProblems({
        localized: {
          events: [entry('zh-cn/bonfire-party'), entry('en/bonfire-party')],
          units: [entry('zh-cn/mining'), entry('en/mining')],
        },
        shared: { photos: [photo] },
      }),
    ).toEqual([]);
  });

  test('a photo with an unknown event names the file, the field and the fix', () => {
    const problems = findContentProblems({
      localized: { events: [entry('zh-cn/bonfire-party'), entry('en/bonfire-party')] },
      shared: {
        photos: [
          {
            id: 'run',
            filePath: 'src/content/photos/run.yaml',
            references: [{ field: 'event', collection: 'events', id: 'marathon' }],
          },
        ],
      },
    });
    expect(problems).toMatchObject([
      {
        file: 'src/content/photos/run.yaml',
        field: 'event',
        message: 'refers to "marathon", which is not in the events collection',
        fix: 'use the file name (without extension) of an entry in src/content/events/, or add that entry',
      },
    ]);
  });

  test('a photo whose event exists in one language only is reported with the missing file', () => {
    const problems = findContentProblems({
      localized: { events: [entry('zh-cn/bonfire-party')] },
      shared: {
        photos: [
          {
            id: 'b',
            filePath: 'src/content/photos/b.yaml',
            references: [{ field: 'event', collection: 'events', id: 'bonfire-party' }],
          },
        ],
      },
    });
    expect(problems.map((p) => `${p.file} ${p.field}: ${p.message}`)).toContain(
      'src/content/photos/b.yaml event: refers to "bonfire-party", ' +
        'which is missing from src/content/events/en/bonfire-party',
    );
  });

  test('an entry outside a language folder is reported', () => {
    const problems = findContentProblems({ localized: { units: [entry('hotel')] }, shared: {} });
    expect(problems[0]?.message).toBe('is not inside a language folder (zh-cn or en)');
  });
});

test('formatContentProblems lists every problem with its fix', () => {
  const message = formatContentProblems([
    { file: 'a.mdx', field: 'name', message: 'is empty', fix: 'write the unit’s name' },
    { file: 'b.mdx', field: '(counterpart)', message: 'has no en counterpart', fix: 'add it' },
  ]);
  expect(message).toBe(
    'Content check failed with 2 problems; nothing was published:\n' +
      '1. a.mdx — field "name" is empty.\n   Fix: write the unit’s name.\n' +
      '2. b.mdx — field "(counterpart)" has no en counterpart.\n   Fix: add it.',
  );
});
