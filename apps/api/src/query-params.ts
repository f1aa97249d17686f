import type * as t from 'io-ts';
import { validator } from 'hono/validator';
import { endOfDay, Id, InstantC, isInstant, isLocalDate, LocalDateC, type Instant, type LocalDate } from '@xinfang/domain';
import type { Bilingual } from '@xinfang/reports';
import { toJsonSchema, type JsonSchema } from './io-ts-schema';
import { badQuery } from './problem';

/*
 * The query-string parameters of an endpoint, declared once: how each is read (its parser) and how it is
 * documented (its JSON Schema, description, whether required). An endpoint's declaration (endpoint.ts)
 * names its parameters with these; the route parses with them and the OpenAPI document lists them, so the
 * two cannot disagree.
 *
 * A bad parameter is a 400 naming it (`errors: [{path: 'asOf', message}]`), never a 500. A parameter the
 * endpoint does not know is refused the same way (API.md v1.1: a misspelt filter must not quietly answer
 * everything); a parameter given twice is refused; a required one left out is refused.
 */

/** A parameter's parser: its value, or what is wrong with it (Chinese / English). */
export type Param<A> = (text: string) => { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string };

/** What kind of value a parameter takes: how it is parsed and its JSON Schema. */
export interface ParamKind<A> {
  readonly parse: Param<A>;
  readonly schema: JsonSchema;
}

/** A parameter of an endpoint: its kind, and what it means there. */
export interface QueryParam<A = unknown> extends ParamKind<A> {
  readonly description: Bilingual;
  readonly required?: boolean;
  readonly example?: string;
}

const ok = <A>(value: A) => ({ ok: true as const, value });
const bad = (zh: string, en: string) => ({ ok: false as const, message: `${zh} / ${en}` });

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const WHOLE = /^\d{1,15}$/;

/**
 * An instant with its offset, or a plain date (the end of that day in Asia/Shanghai: "as of 2024-10-01"
 * means up to and including that day). A `+` of the offset left unencoded in a URL reaches us as a space
 * (`09:30:00 08:00`); that is read as the `+` it was.
 */
const instant: ParamKind<Instant> = {
  parse: (text) => {
    if (isLocalDate(text)) return ok(endOfDay(text));
    const repaired = text.replace(/(\d) (\d{2}:\d{2})$/, '$1+$2');
    return isInstant(repaired)
      ? ok(repaired)
      : bad(
          '应为带时区的 ISO 8601 时间（如 2024-09-18T09:30:00+08:00）或日期 YYYY-MM-DD',
          'expected an ISO 8601 time with an offset (e.g. 2024-09-18T09:30:00+08:00) or a date YYYY-MM-DD',
        );
  },
  schema: { anyOf: [toJsonSchema(InstantC), toJsonSchema(LocalDateC)] },
};

const date: ParamKind<LocalDate> = {
  parse: (text) => (isLocalDate(text) ? ok(text) : bad('应为日期 YYYY-MM-DD', 'expected a date YYYY-MM-DD')),
  schema: toJsonSchema(LocalDateC),
};

/** A whole number ≥ 0, at most `max`. */
const count = (max?: number): ParamKind<number> => ({
  parse: (text) => {
    if (!WHOLE.test(text)) return bad('应为非负整数', 'expected a whole number ≥ 0');
    const value = Number(text);
    return max === undefined || value <= max ? ok(value) : bad(`不能大于 ${max}`, `must be at most ${max}`);
  },
  schema: { type: 'integer', minimum: 0, ...(max === undefined ? {} : { maximum: max }) },
});

const id: ParamKind<string> = {
  parse: (text) => (ID.test(text) ? ok(text) : bad('应为 1–64 位字母、数字、- 或 _', 'expected 1–64 letters, digits, - or _')),
  schema: toJsonSchema(Id),
};

const isOneOf =
  <K extends string>(values: readonly K[]): Param<K> =>
  (text) =>
    (values as readonly string[]).includes(text)
      ? ok(text as K)
      : bad(`应为以下之一：${values.join(' | ')}`, `expected one of: ${values.join(' | ')}`);

/** One of a few words. */
const oneOf = <K extends string>(values: readonly K[], fallback?: K): ParamKind<K> => ({
  parse: isOneOf(values),
  schema: { type: 'string', enum: values, ...(fallback === undefined ? {} : { default: fallback }) },
});

/** One of the keys of a domain vocabulary (`t.keyof(labels)`): documented with its Chinese labels. */
const keyOf = <D extends Readonly<Record<string, unknown>>>(codec: t.KeyofC<D>): ParamKind<keyof D & string> => ({
  parse: isOneOf(Object.keys(codec.keys) as (keyof D & string)[]),
  schema: toJsonSchema(codec),
});

/** Free text of at most `max` characters (a search), trimmed; empty is refused. */
const text = (max = 100): ParamKind<string> => ({
  parse: (raw) => {
    const value = raw.trim();
    if (value === '') return bad('不能为空', 'must not be empty');
    return [...value].length <= max ? ok(value) : bad(`不能超过 ${max} 个字`, `must be at most ${max} characters`);
  },
  schema: { type: 'string', minLength: 1, maxLength: max },
});

/** `true` or `false`. */
const flag: ParamKind<boolean> = {
  parse: (raw) => (raw === 'true' ? ok(true) : raw === 'false' ? ok(false) : bad('应为 true 或 false', 'expected true or false')),
  schema: { type: 'boolean' },
};

export const kinds = { instant, date, count, id, oneOf, keyOf, text, flag } as const;

/** A parameter an endpoint may be given. */
export const param = <A>(kind: ParamKind<A>, description: Bilingual, example?: string): QueryParam<A> => ({
  ...kind,
  description,
  ...(example === undefined ? {} : { example }),
});

/** A parameter an endpoint must be given: left out, a 400 naming it. */
export const requiredParam = <A>(
  kind: ParamKind<A>,
  description: Bilingual,
  example?: string,
): QueryParam<A> & { readonly required: true } => ({
  ...param(kind, description, example),
  required: true,
});

export type QuerySpec = Readonly<Record<string, QueryParam<unknown>>>;

type ValueOf<P> = P extends QueryParam<infer A> ? A : never;
type RequiredNames<S> = { [K in keyof S]: S[K] extends { readonly required: true } ? K : never }[keyof S];

/** The parsed query of a spec: a required parameter is always there, any other may be missing. */
export type ParsedQuery<S extends QuerySpec> = { readonly [K in Exclude<keyof S, RequiredNames<S>>]?: ValueOf<S[K]> } & {
  readonly [K in RequiredNames<S>]: ValueOf<S[K]>;
};

const UNKNOWN_PARAMETER = '不支持此查询参数 / unknown query parameter';
const MISSING_PARAMETER = '缺少必填参数 / required parameter is missing';

/** Parses the parameters a spec names; throws a 400 naming every bad one, every missing one, and every one it does not name. */
export const parseQuery = <S extends QuerySpec>(spec: S, raw: Readonly<Record<string, string | readonly string[]>>): ParsedQuery<S> => {
  const parsed: Record<string, unknown> = {};
  const errors: { path: string; message: string }[] = [];
  for (const [name, declared] of Object.entries(spec)) {
    const value = raw[name];
    if (value === undefined) {
      if (declared.required === true) errors.push({ path: name, message: MISSING_PARAMETER });
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({ path: name, message: '只能给出一次 / may be given only once' });
      continue;
    }
    const result = declared.parse(value);
    if (result.ok) parsed[name] = result.value;
    else errors.push({ path: name, message: result.message });
  }
  for (const name of Object.keys(raw)) {
    if (!Object.hasOwn(spec, name)) errors.push({ path: name, message: UNKNOWN_PARAMETER });
  }
  if (errors.length > 0) throw badQuery(errors);
  return parsed as ParsedQuery<S>;
};

/** Validates the query string with a spec; the handler reads it with `c.req.valid('query')`. */
export const query = <S extends QuerySpec>(spec: S) =>
  validator('query', (raw: Record<string, string | string[]>): ParsedQuery<S> => parseQuery(spec, raw));

/** A required value the rules of an endpoint supply otherwise (a community token's own community): 400 naming it when still missing. */
export const required = <A>(name: string, value: A | undefined): A => {
  if (value === undefined) throw badQuery([{ path: name, message: MISSING_PARAMETER }]);
  return value;
};
