import { z } from 'astro/zod';
import { fieldsOf, valueKind } from './fields';
import { contentModel, fileLayout, type CollectionModel } from './registry';

/**
 * The field tables of the editors' guide (docs/editing.zh-CN.md, docs/editing.en.md), made from
 * the registry, so the guide lists exactly the fields the schemas accept. A test compares the
 * guide with this; `npm run check -- --field-tables` writes them into the guide.
 */
export type GuideLanguage = 'zh' | 'en';

export const fieldTablesStart =
  '<!-- field tables: made by `npm run check -- --field-tables` from src/model/registry.ts -->';
export const fieldTablesEnd = '<!-- end of field tables -->';

const kinds = {
  zh: {
    text: '文字',
    number: '数字',
    'true/false': 'true 或 false',
    date: '日期，如 2008-01-30',
    list: '列表，如 [a, b]',
    group: '一组字段',
    choice: '以下之一',
    other: '',
  },
  en: {
    text: 'text',
    number: 'number',
    'true/false': 'true or false',
    date: 'date, e.g. 2008-01-30',
    list: 'list, e.g. [a, b]',
    group: 'group of fields',
    choice: 'one of',
    other: '',
  },
} as const;

const words = {
  zh: {
    field: '字段',
    required: '必填',
    yes: '必填',
    no: '可选',
    notes: '说明',
    names: (c: string) => `${c} 中的文件名`,
    image: '图片路径（放在条目旁边）',
    file: '文件',
  },
  en: {
    field: 'Field',
    required: 'Required',
    yes: 'yes',
    no: 'no',
    notes: 'Notes',
    names: (c: string) => `a file name in ${c}`,
    image: 'path of an image next to the entry',
    file: 'Files',
  },
} as const;

function schemaOf(model: CollectionModel): z.ZodType {
  return typeof model.schema === 'function'
    ? model.schema({ image: () => z.string() } as never)
    : model.schema;
}

/**
 * One table per collection: every field (nested ones as `a.b`, list items as `a[].b`), required or
 * not, what it names.
 */
export function fieldTables(language: GuideLanguage): string {
  const w = words[language];
  const sections = (Object.entries(contentModel) as Array<[string, CollectionModel]>).map(
    ([name, model]) => {
      const rows = fieldsOf(schemaOf(model)).map((field) => {
        const target = model.references[field.path] ?? model.references[`${field.path}[]`];
        const kind = valueKind(field.schema);
        const names = model.choiceNames?.[field.path];
        const named = (value: string) => {
          const row = names?.find((name) => name.id === value);
          if (!row) return '';
          if (language === 'zh') return `（${row.zh}）`;
          // `workshop` needs no "(workshop)" after it.
          return row.en === row.id.replaceAll('-', ' ') ? '' : ` (${row.en})`;
        };
        const values = kind.values
          ?.map((value) => `\`${value}\`${named(value)}`)
          .join(language === 'zh' ? '、' : ', ');
        const note = target
          ? w.names(contentModel[target as keyof typeof contentModel].folder)
          : model.images?.fields.includes(field.path)
            ? w.image
            : kind.kind === 'choice'
              ? `${kinds[language].choice}${language === 'zh' ? '：' : ': '}${values ?? ''}`
              : [kinds[language][kind.kind], values]
                  .filter(Boolean)
                  .join(language === 'zh' ? '，或 ' : ', or ');
        return `| \`${field.path}\` | ${field.required ? w.yes : w.no} | ${note} |`;
      });
      return [
        `#### ${model.title[language]} · \`${name}\``,
        '',
        `${w.file}: \`${fileLayout(
          model,
          language === 'zh'
            ? { locale: '<语言>', year: '<年份>', slug: '<文件名>' }
            : { locale: '<locale>', year: '<year>', slug: '<slug>' },
        )}\``,
        '',
        `| ${w.field} | ${w.required} | ${w.notes} |`,
        '| --- | --- | --- |',
        ...rows,
      ].join('\n');
    },
  );
  return [
    fieldTablesStart,
    '',
    ...sections.flatMap((section) => [section, '']),
    fieldTablesEnd,
  ].join('\n');
}

/** The guide's text with its field tables replaced by the current ones. */
export function withFieldTables(guide: string, language: GuideLanguage): string {
  const start = guide.indexOf(fieldTablesStart);
  const end = guide.indexOf(fieldTablesEnd);
  if (start < 0 || end < start)
    throw new Error(
      `The guide has no field tables between "${fieldTablesStart}" and "${fieldTablesEnd}".`,
    );
  return guide.slice(0, start) + fieldTables(language) + guide.slice(end + fieldTablesEnd.length);
}
