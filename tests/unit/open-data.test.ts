import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { metricsSchema } from '../../src/figures/schema';
import { yearFigures } from '../../src/figures/compute';
import {
  allYearsCsv,
  allYearsJson,
  allYearsRows,
  openDataFields,
  openDataRows,
  toCsv,
  toJson,
} from '../../src/figures/open-data';

const data = metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8')));
const figures = yearFigures(data);
const rows = openDataRows(figures);

describe('open data rows', () => {
  test('list every declared figure once, in the file’s order, with its declared labels', () => {
    expect(rows.map((row) => row.id)).toEqual(data.figures.map((f) => f.id));
    expect(rows.find((row) => row.id === 'teams.excellentRate')).toMatchObject({
      origin: 'computed',
      displayed: 66,
      section: 'basics',
      labelZh: '优秀班组占班组总数的比例',
    });
    expect(rows.find((row) => row.id === 'teams.total')).toMatchObject({
      origin: 'reported',
      value: 108,
      labelEn: 'Work teams',
    });
  });
  test('keep the leaders’ rate unknown', () => {
    expect(rows.find((row) => row.id === 'leaders.qualifiedRate')).toMatchObject({
      value: null,
      displayed: null,
    });
  });
});

describe('CSV', () => {
  const csv = toCsv(rows);
  test('opens in Excel: UTF-8 BOM, CRLF, a header row', () => {
    expect(csv.startsWith('\uFEFFid,kind,origin,value,displayed,section,labelZh,labelEn\r\n')).toBe(
      true,
    );
    expect(csv.split('\r\n')).toHaveLength(data.figures.length + 2);
  });
  test('writes unknown values as "not reported"', () => {
    expect(csv).toContain(
      'leaders.qualifiedRate,percent,reported,not reported,not reported,basics,',
    );
  });
  test('is the file published for 2007 before figures moved into data, byte for byte', () => {
    const published = JSON.parse(
      readFileSync('tests/fixtures/figures-2007.snapshot.json', 'utf8'),
    ) as { data: Record<string, string> };
    expect(csv).toBe(published.data['metrics.csv']);
    expect(toJson(2007, rows)).toBe(published.data['metrics.json']);
  });
});

test('JSON documents every field it carries', () => {
  const json = JSON.parse(toJson(2007, rows)) as {
    year: number;
    fields: Record<string, string>;
    figures: Array<Record<string, unknown>>;
  };
  expect(json.year).toBe(2007);
  expect(Object.keys(json.fields).sort()).toEqual(Object.keys(json.figures[0] ?? {}).sort());
  expect(Object.keys(openDataFields)).toHaveLength(8);
});

describe('across all years', () => {
  const later = yearFigures({
    ...data,
    year: 2008,
    figures: data.figures.map((f) => (f.id === 'teams.total' ? { ...f, value: 112 } : f)),
  });
  const all = allYearsRows([later, figures]);
  test('one row per year and figure, years in order', () => {
    expect(all).toHaveLength(data.figures.length * 2);
    expect(all[0]).toEqual({
      year: 2007,
      id: 'teams.total',
      labelZh: '班组总数',
      labelEn: 'Work teams',
      kind: 'count',
      value: 108,
      displayed: 108,
    });
    expect(all.find((row) => row.year === 2008 && row.id === 'teams.total')?.value).toBe(112);
  });
  test('as CSV for Excel and as self-describing JSON', () => {
    const csv = allYearsCsv(all);
    expect(
      csv.startsWith(
        '\uFEFFyear,id,labelZh,labelEn,kind,value,displayed\r\n2007,teams.total,班组总数,Work teams,count,108,108\r\n',
      ),
    ).toBe(true);
    const json = JSON.parse(allYearsJson(all)) as {
      fields: Record<string, string>;
      figures: unknown[];
    };
    expect(Object.keys(json.fields)).toEqual([
      'year',
      'id',
      'labelZh',
      'labelEn',
      'kind',
      'value',
      'displayed',
    ]);
    expect(json.figures).toHaveLength(all.length);
  });
});
