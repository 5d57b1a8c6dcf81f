// Schemas accept the real content and reject broken input with messages an editor can act on.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { ImageFunction } from 'astro:content';
import { z } from 'astro/zod';
import { contentModel } from '../../src/model/registry';
import { eventSchema } from '../../src/schemas/event';
import { glossarySchema } from '../../src/schemas/glossary';
import { metricsSchema } from '../../src/figures/schema';
import { photoSchema } from '../../src/schemas/photo';
import { reportSchema } from '../../src/schemas/report';
import { unitSchema } from '../../src/schemas/unit';
import { filesIn, readEntry } from './content-helpers';

/** The messages of a failed parse, each prefixed with its field path. */
function problems(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const yamlFile = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const validMetrics = () => yamlFile('src/content/metrics/2007.yaml');

describe('the real content passes', () => {
  test.each(['zh-cn', 'en'])('reports/%s', (locale) => {
    for (const file of filesIn(`src/content/reports/${locale}`, '.mdx')) {
      expect(reportSchema.safeParse(readEntry(file).data).success, file).toBe(true);
    }
  });
  test.each(['zh-cn', 'en'])('units/%s', (locale) => {
    for (const file of filesIn(`src/content/units/${locale}`, '.mdx')) {
      const result = unitSchema.safeParse(readEntry(file).data);
      expect(result.error?.issues ?? [], file).toEqual([]);
    }
  });
  test('glossary', () => {
    for (const file of filesIn('src/content/glossary', '.yaml')) {
      const result = glossarySchema.safeParse(yamlFile(file));
      expect(result.error?.issues ?? [], file).toEqual([]);
    }
  });
  test('metrics', () => {
    expect(metricsSchema.safeParse(validMetrics()).success).toBe(true);
  });
});

describe('metrics reject impossible data (more cases: tests/unit/metrics.test.ts)', () => {
  type Raw = { figures: Array<{ id: string; value?: unknown; section: string }> };
  const withFigure = (id: string, change: (figure: Raw['figures'][number]) => void) => {
    const data = validMetrics() as Raw;
    const figure = data.figures.find((f) => f.id === id);
    if (!figure) throw new Error(id);
    change(figure);
    return data;
  };
  test('more excellent teams than qualified ones', () => {
    expect(
      problems(metricsSchema.safeParse(withFigure('teams.excellent', (f) => (f.value = 120)))),
    ).toEqual([
      'figures.1.value: "teams.excellent" is 120, more than "teams.qualified" (107); ' +
        'a part cannot exceed its whole (fix: check both numbers against the report and correct the wrong one)',
    ]);
  });
  test('a negative count', () => {
    expect(
      problems(metricsSchema.safeParse(withFigure('fiveGood.units', (f) => (f.value = -1))))[0],
    ).toMatch(/^figures\.11\.value: is -1, but a count must be a whole number of 0 or more/);
  });
  test('a target above 100%', () => {
    expect(
      problems(
        metricsSchema.safeParse(withFigure('targets.excellentTeams', (f) => (f.value = 150))),
      )[0],
    ).toMatch(/^figures\.8\.value: is 150, but a percentage must be from 0 to 100/);
  });
  test('0 is a number, "unknown" must be written as not reported', () => {
    expect(
      problems(
        metricsSchema.safeParse(withFigure('leaders.qualifiedRate', (f) => (f.value = 'unknown'))),
      )[0],
    ).toMatch(/^figures\.7\.value: .*"not reported"/);
  });
  test('a section that is not a heading id', () => {
    expect(
      problems(
        metricsSchema.safeParse(
          withFigure('inspections.septemberProblems', (f) => (f.section = '一、基本做法')),
        ),
      )[0],
    ).toMatch(/^figures\.16\.section: must be a report heading id/);
  });
});

describe('units reject broken frontmatter', () => {
  const valid = () => readEntry('src/content/units/zh-cn/2007/hotel.mdx').data;
  test('an unknown kind', () => {
    expect(problems(unitSchema.safeParse({ ...valid(), kind: 'factory' }))[0]).toMatch(/^kind: /);
  });
  test('no years field: the year is the folder the file is in', () => {
    const strict = contentModel.units.schema;
    expect(strict.safeParse(valid()).success).toBe(true);
    expect(strict.safeParse({ ...valid(), years: [2007] }).error?.issues[0]?.message).toContain(
      '`years`',
    );
  });
  test('a parent that is not a file name', () => {
    expect(problems(unitSchema.safeParse({ ...valid(), parent: '生活服务公司' }))).toEqual([
      "parent: must be an entry's file name without extension: " +
        'lower-case ASCII letters, digits and hyphens, e.g. "hotel"',
    ]);
  });
  test('an empty name', () => {
    expect(problems(unitSchema.safeParse({ ...valid(), name: '  ' }))[0]).toMatch(/^name: /);
  });
});

describe('reports and glossary reject broken entries', () => {
  test('a report without an author', () => {
    const { author: _author, ...data } = readEntry('src/content/reports/zh-cn/2007.mdx').data;
    expect(problems(reportSchema.safeParse(data))[0]).toMatch(/^author: /);
  });
  test('a year written as text', () => {
    const data = { ...readEntry('src/content/reports/zh-cn/2007.mdx').data, year: '二〇〇七' };
    expect(problems(reportSchema.safeParse(data))[0]).toMatch(/^year: /);
  });
  test('a glossary term without its English explanation', () => {
    const data = yamlFile('src/content/glossary/six-constants.yaml') as {
      explanation: { en: string };
    };
    data.explanation.en = '';
    expect(problems(glossarySchema.safeParse(data))).toEqual([
      'explanation.en: the English text is empty',
    ]);
  });
});

// image() needs Astro's build; a path string stands in for it here.
const photos = photoSchema({ image: (() => z.string()) as unknown as ImageFunction });
const validPhoto = () => yamlFile('src/content/photos/bonfire-song-and-dance.yaml');

describe('gallery entries', () => {
  test.each(['zh-cn', 'en'])('the real events/%s pass', (locale) => {
    for (const file of filesIn(`src/content/events/${locale}`, '.yaml')) {
      expect(eventSchema.safeParse(yamlFile(file)).error?.issues ?? [], file).toEqual([]);
    }
  });
  test('the real photos pass', () => {
    for (const file of filesIn('src/content/photos', '.yaml')) {
      expect(photos.safeParse(yamlFile(file)).error?.issues ?? [], file).toEqual([]);
    }
  });
  test('a photo without alt text is rejected', () => {
    const { alt: _alt, ...data } = validPhoto();
    expect(problems(photos.safeParse(data))).toEqual([
      'alt: alt is missing: give alt.zh and alt.en, describing what the photo shows',
    ]);
  });
  test('a photo with an empty English alt text is rejected', () => {
    const data = validPhoto() as { alt: { en: string } };
    data.alt.en = ' ';
    expect(problems(photos.safeParse(data))).toEqual([
      'alt.en: the English alt text is missing: ' +
        'describe what the photo shows for readers who cannot see it (not the file name)',
    ]);
  });
  test('a file name is not alt text', () => {
    for (const name of ['IMG_0412.JPG', 'bonfire-song-and-dance.jpg', 'DSC-0031']) {
      const data = validPhoto() as { alt: { zh: string } };
      data.alt.zh = name;
      expect(problems(photos.safeParse(data)), name).toEqual([
        'alt.zh: the Chinese alt text is a file name: describe what the photo shows instead',
      ]);
    }
  });
  test('an event that is not a file name is rejected (unknown events: see integrity.test.ts)', () => {
    expect(problems(photos.safeParse({ ...validPhoto(), event: '篝火晚会' }))[0]).toMatch(
      /^event: must be an entry's file name/,
    );
  });
  test('an event needs its report year; a photo may give one', () => {
    const { year: _year, ...event } = yamlFile('src/content/events/en/bonfire-party.yaml') as {
      year: number;
    };
    expect(problems(eventSchema.safeParse(event))[0]).toMatch(/^year: /);
    expect(problems(eventSchema.safeParse({ ...event, year: '2007年' }))[0]).toMatch(/^year: /);
    expect(photos.safeParse({ ...validPhoto(), year: 2007 }).success).toBe(true);
    expect(problems(photos.safeParse({ ...validPhoto(), year: 7 }))[0]).toMatch(/^year: /);
  });
  test('an event time that is neither a clock time nor a part of the day', () => {
    const data = { ...yamlFile('src/content/events/en/bonfire-party.yaml'), time: '2pm' };
    expect(problems(eventSchema.safeParse(data))[0]).toMatch(
      /^time: must be a 24-hour time such as "14:00"/,
    );
  });
});
