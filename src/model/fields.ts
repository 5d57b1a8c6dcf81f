import { z } from 'astro/zod';

/**
 * Fields of the content model: strict schemas (an unknown field is an error, never dropped in
 * silence), the nearest known field as a suggestion, and the list of a schema's fields for the
 * editors' guide. Works on any zod schema, so a schema rewritten or added later gets the same
 * treatment from src/model/registry.ts without changes here.
 */

type AnySchema = z.core.$ZodType;
type Definition = z.core.$ZodTypeDef & Record<string, unknown>;
type ErrorMap = (issue: z.core.$ZodRawIssue) => string | { message: string } | undefined | null;

const definitionOf = (schema: AnySchema) => schema._zod.def as Definition;
const cloneWith = (schema: AnySchema, changes: Record<string, unknown>) =>
  (schema as z.ZodType).clone({ ...definitionOf(schema), ...changes } as z.core.$ZodTypeDef);

/** Edit distance between two field names, case-insensitive (`safetymodel` ↔ `safetyModel` is 0). */
export function fieldDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[right.length] ?? Math.max(left.length, right.length);
}

/** The known field closest to an unknown one, if it is close enough to be a typo. */
export function nearestField(unknown: string, known: ReadonlyArray<string>): string | undefined {
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = fieldDistance(unknown, field);
    if (!best || distance < best.distance) best = { field, distance };
  }
  if (!best) return undefined;
  const tolerance = Math.max(2, Math.floor(Math.min(unknown.length, best.field.length) / 3));
  return best.distance <= tolerance ? best.field : undefined;
}

/** What is wrong with an unknown field and the fix, in English and Chinese. */
export function unknownFieldText(field: string, known: ReadonlyArray<string>) {
  const suggestion = nearestField(field, known);
  const list = known.map((name) => `\`${name}\``).join(', ');
  return suggestion
    ? {
        message:
          `\`${field}\`: did you mean \`${suggestion}\`? ` +
          `This entry has no field \`${field}\`, so its value would be lost`,
        fix: `rename it to \`${suggestion}\` (or remove it)`,
        zh: {
          message: `\`${field}\`：是不是 \`${suggestion}\`？这类条目没有 \`${field}\` 字段，它的内容不会出现在网站上`,
          fix: `改成 \`${suggestion}\`（或删掉这一行）`,
        },
      }
    : {
        message: `\`${field}\` is not a field of this entry, so its value would be lost`,
        fix: `remove it, or use one of: ${list}`,
        zh: {
          message: `\`${field}\` 不是这类条目的字段，它的内容不会出现在网站上`,
          fix: `删掉它，或改用以下字段之一：${list}`,
        },
      };
}

/** The message zod carries (and `astro build` prints) for unknown fields: both languages. */
function unknownFieldsMessage(fields: ReadonlyArray<string>, known: ReadonlyArray<string>): string {
  return fields
    .map((field) => {
      const text = unknownFieldText(field, known);
      return `${text.zh.message}；${text.zh.fix}。${text.message}; ${text.fix}.`;
    })
    .join(' ');
}

/**
 * The same schema with every object in it (nested ones too) strict: a field it does not declare
 * is an `unrecognized_keys` issue whose message names the field and the nearest known one.
 * Objects that already accept extra fields on purpose (`.catchall()`, `.loose()`) stay as they are.
 */
export function strictSchema<T extends AnySchema>(schema: T): T {
  return strictly(schema) as T;
}

function strictly(schema: AnySchema): AnySchema {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object': {
      const original = (schema as z.ZodObject).shape as Record<string, AnySchema>;
      const shape = Object.fromEntries(
        Object.entries(original).map(([key, value]) => [key, strictly(value)]),
      );
      if (definition.catchall !== undefined) return cloneWith(schema, { shape });
      const known = Object.keys(shape);
      const previous = definition.error as ErrorMap | undefined;
      const error: ErrorMap = (issue) =>
        issue.code === 'unrecognized_keys'
          ? unknownFieldsMessage(issue.keys, known)
          : previous?.(issue);
      return cloneWith(schema, { shape, catchall: z.never(), error });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return cloneWith(schema, { innerType: strictly(definition.innerType as AnySchema) });
    case 'array':
      return cloneWith(schema, { element: strictly(definition.element as AnySchema) });
    case 'union':
      return cloneWith(schema, { options: (definition.options as AnySchema[]).map(strictly) });
    case 'intersection':
      return cloneWith(schema, {
        left: strictly(definition.left as AnySchema),
        right: strictly(definition.right as AnySchema),
      });
    case 'record':
      return cloneWith(schema, { valueType: strictly(definition.valueType as AnySchema) });
    case 'pipe':
      // What is parsed is `in`; `out` sees already-parsed values.
      return cloneWith(schema, { in: strictly(definition.in as AnySchema) });
    default:
      return schema;
  }
}

/** The object schema reached by following `path` through a schema (for the fields known there). */
export function objectAt(
  schema: AnySchema,
  path: ReadonlyArray<PropertyKey>,
): z.ZodObject | undefined {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object': {
      if (path.length === 0) return schema as z.ZodObject;
      const [head, ...rest] = path;
      const field = ((schema as z.ZodObject).shape as Record<string, AnySchema>)[String(head)];
      return field ? objectAt(field, rest) : undefined;
    }
    case 'array':
      return typeof path[0] === 'number'
        ? objectAt(definition.element as AnySchema, path.slice(1))
        : undefined;
    case 'union':
      for (const option of definition.options as AnySchema[]) {
        const found = objectAt(option, path);
        if (found) return found;
      }
      return undefined;
    case 'pipe':
      return objectAt(definition.in as AnySchema, path);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return objectAt(definition.innerType as AnySchema, path);
    default:
      return undefined;
  }
}

/** One field of a schema as the editors' guide lists it. */
export interface FieldInfo {
  /** Dotted path; `[]` marks the items of a list (`steps[].quarter`). */
  path: string;
  required: boolean;
  /** The field's own schema. */
  schema: AnySchema;
}

/** What kind of value a field holds, for the guide: `text`, `number`, `list`, one of some values… */
export function valueKind(schema: AnySchema): {
  kind: 'text' | 'number' | 'true/false' | 'date' | 'list' | 'group' | 'choice' | 'other';
  values?: string[];
} {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'string':
      return { kind: 'text' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'true/false' };
    case 'date':
      return { kind: 'date' };
    case 'array':
      return { kind: 'list' };
    case 'object':
      return { kind: 'group' };
    case 'enum':
      return {
        kind: 'choice',
        values: Object.values(definition.entries as Record<string, string>),
      };
    case 'literal':
      return { kind: 'choice', values: (definition.values as unknown[]).map(String) };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return valueKind(definition.innerType as AnySchema);
    case 'pipe':
      return valueKind(definition.in as AnySchema);
    case 'union': {
      const kinds = (definition.options as AnySchema[]).map(valueKind);
      const values = kinds.flatMap((kind) => kind.values ?? []);
      const other = kinds.find((kind) => kind.kind !== 'choice');
      return other
        ? { ...other, ...(values.length > 0 ? { values } : {}) }
        : { kind: 'choice', values };
    }
    default:
      return { kind: 'other' };
  }
}

/** Every field a schema declares, nested ones included, in declaration order. */
export function fieldsOf(schema: AnySchema, prefix = '', required = true): FieldInfo[] {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object':
      return Object.entries((schema as z.ZodObject).shape as Record<string, AnySchema>).flatMap(
        ([key, value]) => {
          const path = prefix ? `${prefix}.${key}` : key;
          const optional = isOptional(value);
          return [
            { path, required: required && !optional, schema: value },
            ...fieldsOf(value, path, !optional),
          ].filter(
            (field, index, all) => all.findIndex((other) => other.path === field.path) === index,
          );
        },
      );
    case 'array':
      return fieldsOf(definition.element as AnySchema, `${prefix}[]`, required).filter(
        (field) => field.path !== `${prefix}[]`,
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fieldsOf(definition.innerType as AnySchema, prefix, required);
    case 'pipe':
      return fieldsOf(definition.in as AnySchema, prefix, required);
    case 'union': {
      // A union of objects (a count or "not reported") lists the fields of its object options.
      const objects = (definition.options as AnySchema[]).filter(
        (option) => objectAt(option, []) !== undefined,
      );
      return objects.length === (definition.options as AnySchema[]).length
        ? objects.flatMap((option) => fieldsOf(option, prefix, required))
        : [];
    }
    default:
      return [];
  }
}

function isOptional(schema: AnySchema): boolean {
  const type = definitionOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}
