import type * as t from 'io-ts';
import { TEXT_MAX_LENGTH, type ListBounds } from '@xinfang/domain';

/*
 * io-ts codec → JSON Schema (the 2020-12 dialect of OpenAPI 3.1), by walking the codec's `_tag`. The
 * OpenAPI document is generated from the very codecs that decode the request bodies, so the contract
 * cannot drift from what the server accepts. Our own primitives (`new t.Type` in the domain's
 * codecs.ts and person.ts) carry no `_tag`; they are recognised by their name. Anything the walker
 * does not know becomes `{}` with a description: a schema that says less, never a crash.
 */

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  type?: JsonSchemaType;
  title?: string;
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  examples?: unknown[];
  default?: unknown;
  /** The Chinese label of each enumeration value (the domain's vocabulary: its codecs are `t.keyof(labels)`). */
  'x-enumLabels'?: Record<string, string>;
}

/**
 * Our named primitives (domain `codecs.ts`, `person.ts`). The checks they run in code (a real calendar
 * date, an id number's check character) are said in the description where a pattern cannot say them.
 */
export const namedTypes: Readonly<Record<string, JsonSchema>> = {
  Id: {
    type: 'string',
    title: 'Id',
    pattern: '^[A-Za-z0-9_-]{1,64}$',
    minLength: 1,
    maxLength: 64,
    description: '标识：1–64 位字母、数字、- 或 _ / an id: 1–64 letters, digits, - or _',
  },
  Instant: {
    type: 'string',
    title: 'Instant',
    format: 'date-time',
    description: '带时区的 ISO 8601 时间 / an ISO 8601 time with an offset, e.g. 2024-09-18T09:30:00+08:00',
    examples: ['2024-09-18T09:30:00+08:00'],
  },
  LocalDate: {
    type: 'string',
    title: 'LocalDate',
    format: 'date',
    description: '日期（北京时间）/ a day in Asia/Shanghai, YYYY-MM-DD',
    examples: ['2024-09-18'],
  },
  Text: {
    type: 'string',
    title: 'Text',
    minLength: 1,
    maxLength: TEXT_MAX_LENGTH,
    pattern: '\\S',
    description:
      '非空文本，不超过 10000 字，不含控制字符（制表、换行除外）或残缺的 Unicode 字符 / non-blank text, at most 10,000 characters, no control characters but tab and line breaks, no ill-formed Unicode',
  },
  Line: {
    type: 'string',
    title: 'Line',
    minLength: 1,
    maxLength: 100,
    pattern: '\\S',
    description: '一行文字，不超过 100 字，不换行 / one line of text, at most 100 characters, no line break',
    examples: ['东风街道信访工作办公室'],
  },
  Wording: {
    type: 'string',
    title: 'Wording',
    minLength: 1,
    maxLength: 4_000,
    pattern: '\\S',
    description: '正文，分段以换行分隔，不超过 4000 字 / the wording: paragraphs separated by line breaks, at most 4,000 characters',
    examples: ['你于{登记日期}提出的信访事项，本机关已于{受理日期}依法受理。'],
  },
  Count: {
    type: 'integer',
    title: 'Count',
    minimum: 1,
    maximum: 1_000_000,
    description: '不小于 1 的整数 / a whole number of at least 1',
    examples: [1],
  },
  Points: {
    type: 'integer',
    title: 'Points',
    minimum: 0,
    maximum: 100,
    description: '0 到 100 的整数 / a whole number from 0 to 100',
    examples: [20],
  },
  IdNumber: {
    type: 'string',
    title: 'IdNumber',
    pattern: '^\\d{17}[\\dX]$',
    description:
      '18 位居民身份证号码，出生日期与校验码须有效 / an 18-character resident id number with a real birth date and a valid check character',
    examples: ['11010519491231002X'],
  },
  Phone: {
    type: 'string',
    title: 'Phone',
    pattern: '^(?=.{7,20}$)\\d+(?:-\\d+)*$',
    description: '手机号（1 开头 11 位）或固定电话（数字与 -，7–20 位）/ a mobile (11 digits from 1) or a landline (digits and -, 7–20 characters)',
    examples: ['15800009011'],
  },
};

/** What a codec exposes that the walker reads: every io-ts combinator has a `_tag`, ours have a name. */
type AnyCodec = t.Decoder<unknown, unknown> & { readonly _tag?: string };

const IDENTIFIER = /^[A-Z][A-Za-z0-9]*$/;

/** A codec's own name, when it was given one (io-ts makes up names such as `{ a: string }` otherwise). */
const titleOf = (codec: AnyCodec): string | undefined => (IDENTIFIER.test(codec.name) ? codec.name : undefined);

const unknownShape = (codec: AnyCodec, why: string): JsonSchema => ({
  description: `无法描述的类型 ${codec.name}（${why}）/ no JSON Schema for ${codec.name} (${why})`,
});

const withTitle = (schema: JsonSchema, codec: AnyCodec): JsonSchema => {
  const title = titleOf(codec);
  return title === undefined || schema.title !== undefined ? schema : { title, ...schema };
};

const isPlainObject = (schema: JsonSchema): boolean =>
  schema.type === 'object' && schema.oneOf === undefined && schema.allOf === undefined && schema.additionalProperties === undefined;

/** Merges the object members of an intersection (`struct` is `exact(intersection([type, partial]))`). */
const mergeObjects = (members: JsonSchema[]): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const member of members) {
    Object.assign(properties, member.properties ?? {});
    for (const key of member.required ?? []) if (!required.includes(key)) required.push(key);
  }
  return { type: 'object', properties, ...(required.length === 0 ? {} : { required }) };
};

const literalType = (value: unknown): JsonSchemaType | undefined => {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return undefined;
};

const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Probes a refinement with an empty array: a refinement that refuses it means "at least one item". */
const refusesEmpty = (codec: AnyCodec): boolean => {
  try {
    return !(codec as unknown as t.Mixed).is([]);
  } catch {
    return false;
  }
};

const walk = (codec: AnyCodec, seen: ReadonlySet<AnyCodec>): JsonSchema => {
  try {
    return describe(codec, seen);
  } catch (error) {
    return unknownShape(codec, error instanceof Error ? error.message : 'error');
  }
};

const describe = (codec: AnyCodec, seen: ReadonlySet<AnyCodec>): JsonSchema => {
  const named = namedTypes[codec.name];
  if (named !== undefined && (codec._tag === undefined || codec._tag === 'RefinementType')) return { ...named };
  if (seen.has(codec)) return { description: `递归类型 ${codec.name} / recursive type ${codec.name}` };
  const inner = new Set(seen).add(codec);
  const sub = (c: unknown): JsonSchema => walk(c as AnyCodec, inner);
  const c = codec as unknown as Record<string, unknown>;

  switch (codec._tag) {
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'NullType':
      return { type: 'null' };
    case 'UnknownType':
    case 'AnyType':
      return {};
    case 'NeverType':
      return { not: {} };
    case 'LiteralType': {
      const value = c.value;
      if (!isPrimitive(value)) return unknownShape(codec, 'literal');
      const type = literalType(value);
      return { ...(type === undefined ? {} : { type }), const: value };
    }
    case 'KeyofType': {
      const keys = (c.keys ?? {}) as Record<string, unknown>;
      const labels = Object.values(keys).every((v) => typeof v === 'string') ? (keys as Record<string, string>) : undefined;
      return withTitle(
        { type: 'string', enum: Object.keys(keys), ...(labels === undefined ? {} : { 'x-enumLabels': { ...labels } }) },
        codec,
      );
    }
    case 'InterfaceType':
    case 'StrictType': {
      const props = (c.props ?? {}) as Record<string, AnyCodec>;
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [key, prop] of Object.entries(props)) {
        properties[key] = sub(prop);
        // A prop whose codec accepts `undefined` may be left out even in `t.type`.
        if (!(prop as unknown as t.Mixed).is(undefined)) required.push(key);
      }
      return withTitle({ type: 'object', properties, ...(required.length === 0 ? {} : { required }) }, codec);
    }
    case 'PartialType': {
      const props = (c.props ?? {}) as Record<string, AnyCodec>;
      const properties = Object.fromEntries(Object.entries(props).map(([key, prop]) => [key, sub(prop)]));
      return withTitle({ type: 'object', properties }, codec);
    }
    case 'ExactType':
    case 'ReadonlyType':
      return withTitle(sub(c.type), codec);
    case 'IntersectionType': {
      const members = ((c.types ?? []) as AnyCodec[]).map(sub);
      return withTitle(members.every(isPlainObject) ? mergeObjects(members) : { allOf: members }, codec);
    }
    case 'UnionType': {
      const members = (c.types ?? []) as AnyCodec[];
      const values = members.map((m) => (m as unknown as { value?: unknown }).value);
      if (members.every((m) => m._tag === 'LiteralType') && values.every(isPrimitive)) {
        const types = [...new Set(values.map(literalType))];
        return withTitle({ ...(types.length === 1 && types[0] !== undefined ? { type: types[0] } : {}), enum: values }, codec);
      }
      return withTitle({ oneOf: members.map(sub) }, codec);
    }
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return withTitle({ type: 'array', items: sub(c.type) }, codec);
    case 'AnyArrayType':
      return { type: 'array' };
    case 'TupleType': {
      const members = ((c.types ?? []) as AnyCodec[]).map(sub);
      return { type: 'array', prefixItems: members, minItems: members.length, maxItems: members.length, items: false };
    }
    case 'DictionaryType':
      return withTitle({ type: 'object', additionalProperties: sub(c.codomain) }, codec);
    case 'AnyDictionaryType':
    case 'ObjectType':
      return { type: 'object' };
    case 'RefinementType': {
      const base = sub(c.type);
      const bounds = (c as { bounds?: ListBounds }).bounds;
      if (base.type === 'array' && bounds !== undefined) {
        return withTitle({ ...base, minItems: bounds.minItems, maxItems: bounds.maxItems }, codec);
      }
      if (base.type === 'array' && refusesEmpty(codec)) {
        return withTitle({ ...base, minItems: Math.max(base.minItems ?? 0, 1), description: '至少一项 / at least one item' }, codec);
      }
      const constraint = `须满足 ${codec.name} / must satisfy ${codec.name}`;
      return withTitle({ ...base, description: base.description === undefined ? constraint : `${base.description}; ${constraint}` }, codec);
    }
    case 'RecursiveType':
      return sub(c.type);
    case undefined:
      return unknownShape(codec, 'custom type');
    default:
      return unknownShape(codec, codec._tag);
  }
};

/**
 * The JSON Schema of what `codec` decodes. Required and optional props of `struct` (an intersection of a
 * `t.type` and a `t.partial` under `t.exact`) are merged into one object. Never throws.
 */
export const toJsonSchema = (codec: t.Decoder<unknown, unknown>): JsonSchema => walk(codec, new Set());
