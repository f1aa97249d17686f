import * as t from 'io-ts';
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  Count,
  Points,
  Line,
  Wording,
  Id,
  IdNumber,
  InstantC,
  LocalDateC,
  Phone,
  RegisterCaseBody,
  RegisterLeaderBody,
  ResolveCaseBody,
  Text,
  caseCommandBodies,
  categoryLabels,
  decodeWith,
  methodLabels,
  nonEmptyArray,
  originLabels,
  struct,
} from '@xinfang/domain';
import { namedTypes, toJsonSchema, type JsonSchema } from './io-ts-schema';
import { exampleOf } from './openapi';
import { endpoints } from './routes/system';

const bodyEndpoints = endpoints.filter((e) => e.body !== undefined);

describe('toJsonSchema: io-ts combinators', () => {
  it('maps the primitive tags', () => {
    expect(toJsonSchema(t.string)).toEqual({ type: 'string' });
    expect(toJsonSchema(t.number)).toEqual({ type: 'number' });
    expect(toJsonSchema(t.boolean)).toEqual({ type: 'boolean' });
    expect(toJsonSchema(t.null)).toEqual({ type: 'null' });
    expect(toJsonSchema(t.unknown)).toEqual({});
    expect(toJsonSchema(t.literal('visit'))).toEqual({ type: 'string', const: 'visit' });
    expect(toJsonSchema(t.literal(3))).toEqual({ type: 'integer', const: 3 });
  });

  it('turns a keyof into an enum of its keys, with the labels beside', () => {
    expect(toJsonSchema(t.keyof({ a: '甲', b: '乙' }, 'Letter'))).toEqual({
      title: 'Letter',
      type: 'string',
      enum: ['a', 'b'],
      'x-enumLabels': { a: '甲', b: '乙' },
    });
    expect(toJsonSchema(t.keyof({ a: null }))).toEqual({ type: 'string', enum: ['a'] });
  });

  it('turns a union of literals into an enum and any other union into oneOf', () => {
    expect(toJsonSchema(t.union([t.literal('x'), t.literal('y')]))).toEqual({ type: 'string', enum: ['x', 'y'] });
    expect(toJsonSchema(t.union([t.string, t.number]))).toEqual({ oneOf: [{ type: 'string' }, { type: 'number' }] });
  });

  it('describes objects: type → required, partial → optional, exact and intersection merged', () => {
    expect(toJsonSchema(t.type({ a: t.string, b: t.union([t.number, t.undefined]) }))).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { oneOf: [{ type: 'number' }, { description: expect.stringContaining('undefined') }] } },
      required: ['a'],
    });
    expect(toJsonSchema(t.partial({ a: t.string }))).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
    expect(toJsonSchema(struct({ a: t.string }, { b: t.boolean }, 'Thing'))).toEqual({
      title: 'Thing',
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'boolean' } },
      required: ['a'],
    });
  });

  it('keeps allOf for an intersection that is not of plain objects', () => {
    const schema = toJsonSchema(t.intersection([t.type({ a: t.string }), t.record(t.string, t.number)]));
    expect(schema.allOf).toHaveLength(2);
  });

  it('describes arrays, tuples, records and readonly wrappers', () => {
    expect(toJsonSchema(t.array(t.string))).toEqual({ type: 'array', items: { type: 'string' } });
    expect(toJsonSchema(t.readonlyArray(t.number))).toEqual({ type: 'array', items: { type: 'number' } });
    expect(toJsonSchema(t.readonly(t.type({ a: t.string })))).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
    });
    expect(toJsonSchema(t.tuple([t.string, t.number]))).toEqual({
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
      minItems: 2,
      maxItems: 2,
      items: false,
    });
    expect(toJsonSchema(t.record(t.string, t.boolean))).toEqual({ type: 'object', additionalProperties: { type: 'boolean' } });
  });

  it('gives a refinement its base and a description; a refinement refusing [] is minItems 1', () => {
    const positive = t.refinement(t.number, (n) => n > 0, 'Positive');
    expect(toJsonSchema(positive)).toEqual({ title: 'Positive', type: 'number', description: '须满足 Positive / must satisfy Positive' });
    expect(toJsonSchema(nonEmptyArray(t.string, 'Names', 5))).toMatchObject({ type: 'array', minItems: 1, maxItems: 5, items: { type: 'string' } });
    expect(toJsonSchema(t.refinement(t.array(t.string), () => true, 'Any'))).not.toHaveProperty('minItems');
  });

  it('walks a recursive codec without looping', () => {
    interface Tree {
      name: string;
      children: Tree[];
    }
    const Tree: t.Type<Tree> = t.recursion('Tree', () => t.type({ name: t.string, children: t.array(Tree) }));
    const schema = toJsonSchema(Tree);
    expect(schema.properties?.name).toEqual({ type: 'string' });
    expect(schema.properties?.children?.items).toMatchObject({ description: expect.stringContaining('Tree') });
  });

  it('turns an unknown shape into {} with a description, never a crash', () => {
    const custom = new t.Type<string, string, unknown>('Mystery', t.string.is, t.string.validate, t.identity);
    expect(toJsonSchema(custom)).toEqual({ description: expect.stringContaining('Mystery') });
    expect(toJsonSchema(t.Function)).toEqual({ description: expect.stringContaining('FunctionType') });
    const broken = Object.assign(Object.create(t.string) as t.Mixed, { _tag: 'InterfaceType', props: null, name: 'Broken' });
    Object.defineProperty(broken, 'props', {
      get: () => {
        throw new Error('no props');
      },
    });
    expect(toJsonSchema(t.type({ ok: t.string, bad: broken }))).toEqual({
      type: 'object',
      properties: { ok: { type: 'string' }, bad: { description: expect.stringContaining('no props') } },
      required: ['ok', 'bad'],
    });
  });
});

describe('toJsonSchema: our named primitives', () => {
  it('maps them by name, with the patterns and formats of API.md', () => {
    expect(toJsonSchema(Id)).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' });
    expect(toJsonSchema(InstantC)).toMatchObject({ type: 'string', format: 'date-time' });
    expect(toJsonSchema(LocalDateC)).toMatchObject({ type: 'string', format: 'date' });
    expect(toJsonSchema(Text)).toMatchObject({ type: 'string', minLength: 1, maxLength: 10_000 });
    expect(toJsonSchema(Count)).toMatchObject({ type: 'integer', minimum: 1 });
    expect(toJsonSchema(IdNumber)).toMatchObject({ type: 'string', title: 'IdNumber' });
    expect(toJsonSchema(Phone)).toMatchObject({ type: 'string', title: 'Phone' });
  });

  const samples: Record<string, { codec: t.Mixed; values: unknown[] }> = {
    Id: { codec: Id, values: ['qinghua', 'case_2024-001', 'a'.repeat(64), 'a'.repeat(65), '', 'has space', '张三', 'a/b'] },
    Text: { codec: Text, values: ['x', ' 有字 ', '', '   ', 'a'.repeat(10_000), 'a'.repeat(10_001)] },
    Line: { codec: Line, values: ['x', ' 东风 ', '', '   ', 'a'.repeat(100), 'a'.repeat(101)] },
    Wording: { codec: Wording, values: ['x', '', '  ', 'a'.repeat(4_000), 'a'.repeat(4_001)] },
    Count: { codec: Count, values: [1, 5, 0, -1, 1.5, 1_000_000, 1_000_001] },
    Points: { codec: Points, values: [0, 20, 100, 101, -1, 2.5, '20'] },
    IdNumber: { codec: IdNumber, values: ['11010519491231002X', '110105194912310021', '1101051949123100', 'abc'] },
    Phone: { codec: Phone, values: ['15800009011', '0591-87654321', '87654321', '0591-87654321-123', '123', 'phone', '0591--1'] },
  };

  const matches = (schema: JsonSchema, value: unknown): boolean => {
    if (schema.type === 'integer') {
      return typeof value === 'number' && Number.isInteger(value) && value >= (schema.minimum ?? -Infinity) && value <= (schema.maximum ?? Infinity);
    }
    if (typeof value !== 'string') return false;
    return (
      value.length >= (schema.minLength ?? 0) &&
      value.length <= (schema.maxLength ?? Infinity) &&
      (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value))
    );
  };

  it.each(Object.keys(samples))('%s: every value the codec accepts matches the schema', (name) => {
    const { codec, values } = samples[name]!;
    const schema = toJsonSchema(codec);
    for (const value of values) {
      if (codec.is(value)) expect(matches(schema, value), `${JSON.stringify(value)}`).toBe(true);
    }
    // Where the schema can say everything the codec checks, it refuses what the codec refuses.
    if (name !== 'IdNumber') for (const value of values) expect(matches(schema, value), `${JSON.stringify(value)}`).toBe(codec.is(value));
  });

  it('covers every named primitive the body codecs use', () => {
    const unknown: string[] = [];
    const visit = (schema: JsonSchema): void => {
      if (schema.description?.startsWith('无法描述')) unknown.push(schema.description);
      for (const child of [
        ...Object.values(schema.properties ?? {}),
        ...(schema.items === undefined || schema.items === false ? [] : [schema.items]),
        ...(schema.oneOf ?? []),
        ...(schema.allOf ?? []),
      ])
        visit(child);
    };
    for (const endpoint of bodyEndpoints) visit(toJsonSchema(endpoint.body!));
    expect(unknown).toEqual([]);
    expect(Object.keys(namedTypes)).toEqual(['Id', 'Instant', 'LocalDate', 'Text', 'Line', 'Wording', 'Count', 'Points', 'IdNumber', 'Phone']);
  });
});

/*
 * Decode-by-schema agreement: for every body codec of the API, what the schema says is what the codec does.
 * Nothing here is written per codec, so a codec that changes changes the schema, or this fails.
 */
describe('every body schema agrees with its codec', () => {
  const cases = bodyEndpoints.map((e) => [`${e.method} ${e.path}`, e.body!] as const);

  const missingPaths = (codec: t.Mixed, input: unknown): string[] => {
    const result = decodeWith(codec, input);
    return isRight(result) ? [] : result.left.filter((e) => e.message.startsWith('缺少必填字段')).map((e) => e.path);
  };

  it.each(cases)('%s: the required fields are the ones the codec says are missing from {}', (_name, codec) => {
    const schema = toJsonSchema(codec);
    expect(schema.type).toBe('object');
    expect([...(schema.required ?? [])].sort()).toEqual(missingPaths(codec as t.Mixed, {}).sort());
  });

  it.each(cases)('%s: an example made from the schema decodes, and each required field is needed', (_name, codec) => {
    const schema = toJsonSchema(codec);
    const example = exampleOf(schema) as Record<string, unknown>;
    expect(decodeWith(codec as t.Mixed, example)).toEqual(expect.objectContaining({ _tag: 'Right' }));
    for (const field of schema.required ?? []) {
      const { [field]: _dropped, ...rest } = example;
      expect(missingPaths(codec as t.Mixed, rest)).toContain(field);
    }
  });

  it.each(cases)('%s: every optional field of the schema is kept by the codec, with its type', (_name, codec) => {
    const schema = toJsonSchema(codec);
    const example = exampleOf(schema) as Record<string, unknown>;
    const optional = Object.keys(schema.properties ?? {}).filter((k) => !(schema.required ?? []).includes(k));
    for (const field of optional) {
      const value = exampleOf({ ...schema.properties![field]!, minItems: 1 }, field);
      const decoded = decodeWith(codec as t.Mixed, { ...example, [field]: value });
      expect(decoded, field).toEqual(expect.objectContaining({ _tag: 'Right' }));
      // `t.exact` strips what it does not know: a field only the schema had would vanish here.
      expect((decoded as { right: Record<string, unknown> }).right, field).toHaveProperty(field);
    }
  });

  it.each(cases)('%s: every enum value is accepted and nothing else is', (_name, codec) => {
    const schema = toJsonSchema(codec);
    const example = exampleOf(schema) as Record<string, unknown>;
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      const values = property.enum ?? (property.items === false ? undefined : property.items?.enum);
      if (values === undefined) continue;
      const wrap = (v: unknown) => (property.enum === undefined ? [v] : v);
      for (const value of values) expect(isRight(decodeWith(codec as t.Mixed, { ...example, [field]: wrap(value) })), `${field}=${value}`).toBe(true);
      expect(isRight(decodeWith(codec as t.Mixed, { ...example, [field]: wrap('notAValue') })), field).toBe(false);
    }
  });

  it('the enum values are the codes of the vocabulary', () => {
    const registerCase = toJsonSchema(RegisterCaseBody);
    expect(registerCase.properties?.origin?.enum).toEqual(Object.keys(originLabels));
    expect(registerCase.properties?.category?.enum).toEqual(Object.keys(categoryLabels));
    expect(registerCase.properties?.category?.['x-enumLabels']).toEqual(categoryLabels);
    expect(toJsonSchema(ResolveCaseBody).properties?.method?.enum).toEqual(Object.keys(methodLabels));
  });

  it('the body table of case commands is the domain’s table', () => {
    const documented = new Set(bodyEndpoints.map((e) => e.body));
    for (const codec of Object.values(caseCommandBodies)) expect(documented.has(codec), codec.name).toBe(true);
  });
});

describe('a changed codec changes the schema', () => {
  it('adding, removing or making optional a field shows in the schema', () => {
    const before = toJsonSchema(struct({ a: Id, b: Text }, { c: t.boolean }));
    const added = toJsonSchema(struct({ a: Id, b: Text, d: LocalDateC }, { c: t.boolean }));
    const optional = toJsonSchema(struct({ a: Id }, { b: Text, c: t.boolean }));
    expect(before.required).toEqual(['a', 'b']);
    expect(added.required).toEqual(['a', 'b', 'd']);
    expect(added.properties?.d).toMatchObject({ format: 'date' });
    expect(optional.required).toEqual(['a']);
    expect(Object.keys(optional.properties ?? {})).toEqual(['a', 'b', 'c']);
  });

  it('a real body: RegisterLeaderBody’s fields, as its codec has them', () => {
    const schema = toJsonSchema(RegisterLeaderBody);
    expect(schema.required).toEqual(Object.keys(RegisterLeaderBody.type.types[0].props));
    expect(Object.keys(schema.properties ?? {})).toEqual([
      ...Object.keys(RegisterLeaderBody.type.types[0].props),
      ...Object.keys(RegisterLeaderBody.type.types[1].props),
    ]);
  });
});
