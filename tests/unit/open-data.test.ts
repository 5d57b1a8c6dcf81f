import { describe, expect, test } from 'vitest';
import { useTranslations } from '../../src/i18n/ui';
import { metricIds } from '../../src/utils/metrics';
import { openDataFields, openDataRows, toCsv, toJson } from '../../src/utils/open-data';
import { metricsSchema } from '../../src/schemas/metrics';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const data = metricsSchema.parse(parse(readFileSync('src/content/metrics/2007.yaml', 'utf8')));
const zh = useTranslations('zh-cn');
const en = useTranslations('en');
const rows = openDataRows(data, (id) => ({ zh: zh(`metric.${id}`), en: en(`metric.${id}`) }));

describe('open data rows', () => {
  test('list every figure once, reported and computed', () => {
    expect(rows.map((row) => row.id)).toEqual([...metricIds]);
    expect(rows.find((row) => row.id === 'teams.excellentRate')).toMatchObject({ origin: 'computed', displayed: 66, section: 'basics' });
    expect(rows.find((row) => row.id === 'teams.total')).toMatchObject({ origin: 'reported', value: 108 });
  });
  test('keep the leaders’ rate unknown', () => {
    expect(rows.find((row) => row.id === 'leaders.qualifiedRate')).toMatchObject({ value: null, displayed: null });
  });
});

describe('CSV', () => {
  const csv = toCsv(rows);
  test('opens in Excel: UTF-8 BOM, CRLF, a header row', () => {
    expect(csv.startsWith('\uFEFFid,kind,origin,value,displayed,section,labelZh,labelEn\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(metricIds.length + 2);
  });
  test('writes unknown values as "not reported", quotes commas', () => {
    expect(csv).toContain('leaders.qualifiedRate,percent,reported,not reported,not reported,basics,');
    expect(csv).toContain('"Target: share of excellent teams at least"'.replaceAll('"', '') );
  });
});

test('JSON documents every field it carries', () => {
  const json = JSON.parse(toJson(2007, rows)) as { year: number; fields: Record<string, string>; figures: Array<Record<string, unknown>> };
  expect(json.year).toBe(2007);
  expect(Object.keys(json.fields).sort()).toEqual(Object.keys(json.figures[0] ?? {}).sort());
  expect(Object.keys(openDataFields)).toHaveLength(8);
});
