import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import { left, right } from 'fp-ts/Either';
import type { ListBounds } from './codecs';

/** One bad field of a decoded body: its path (`petitioners.0.name`) and what is wrong, in Chinese and English. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

const describeExpected = (name: string): { zh: string; en: string } => {
  switch (name) {
    case 'Id':
      return { zh: '应为 1–64 位字母、数字、- 或 _', en: 'expected 1–64 letters, digits, - or _' };
    case 'Instant':
      return { zh: '应为带时区的 ISO 8601 时间，如 2024-09-18T09:30:00+08:00', en: 'expected an ISO 8601 time with an offset, e.g. 2024-09-18T09:30:00+08:00' };
    case 'LocalDate':
      return { zh: '应为日期 YYYY-MM-DD', en: 'expected a date YYYY-MM-DD' };
    case 'Text':
      return {
        zh: '应为非空文本（不超过 10000 字，不含控制字符或残缺的 Unicode 字符）',
        en: 'expected non-blank text (at most 10,000 characters, no control characters or ill-formed Unicode)',
      };
    case 'Count':
      return { zh: '应为不小于 1 的整数', en: 'expected a whole number of at least 1' };
    case 'boolean':
      return { zh: '应为 true 或 false', en: 'expected true or false' };
    default:
      if (name.startsWith('"') || name.includes(' | ')) return { zh: `应为以下之一：${name}`, en: `expected one of: ${name}` };
      return { zh: `应为 ${name}`, en: `expected ${name}` };
  }
};

const describeBounds = ({ minItems, maxItems }: ListBounds): { zh: string; en: string } => ({
  zh: `应为 ${minItems}–${maxItems} 项`,
  en: `expected ${minItems}–${maxItems.toLocaleString('en')} items`,
});

/** Members of intersections and unions are keyed by their index: those keys are not part of a field's path. */
const isCombinator = (type: t.Decoder<unknown, unknown> | undefined): boolean => {
  const tag = (type as { _tag?: string } | undefined)?._tag;
  return tag === 'IntersectionType' || tag === 'UnionType';
};

// A member of an intersection or union is validated against the very value its parent was, so an entry
// whose value is its parent's is a member, not a field. That also covers combinators hidden inside
// wrappers that add no entry of their own (`t.exact`, refinements, custom types): `struct`'s
// `exact(intersection(...))` would otherwise put its member index in every path (`0.deadline`).
const isMember = (entry: t.ContextEntry, parent: t.ContextEntry | undefined): boolean =>
  parent !== undefined && (isCombinator(parent.type) || entry.actual === parent.actual);

const pathOf = (error: t.ValidationError): string => {
  const keys: string[] = [];
  error.context.forEach((entry, index) => {
    if (index === 0 || isMember(entry, error.context[index - 1])) return;
    keys.push(entry.key);
  });
  return keys.join('.');
};

/**
 * Turns io-ts errors into one message per bad field. An intersection reports a field once per member,
 * and a union once per alternative, so the paths are de-duplicated and the innermost expectation kept.
 */
export const fieldErrors = (errors: t.Errors): FieldError[] => {
  const byPath = new Map<string, FieldError>();
  for (const error of errors) {
    const path = pathOf(error);
    if (byPath.has(path)) continue;
    const last = error.context[error.context.length - 1];
    // An enumeration is named after its codec (`IncidentType`); the person needs its values instead.
    const keys = (last?.type as { _tag?: string; keys?: Record<string, unknown> } | undefined)?._tag === 'KeyofType'
      ? Object.keys((last?.type as unknown as { keys: Record<string, unknown> }).keys)
      : undefined;
    const expected = keys === undefined ? (last?.type.name ?? 'value') : keys.map((k) => `"${k}"`).join(' | ');
    const missing = error.value === undefined;
    const bounds = (last?.type as { bounds?: ListBounds } | undefined)?.bounds;
    const text = missing
      ? { zh: '缺少必填字段', en: 'required field is missing' }
      : bounds !== undefined && Array.isArray(error.value)
        ? describeBounds(bounds)
        : describeExpected(expected);
    byPath.set(path, { path: path === '' ? '(body)' : path, message: `${text.zh} / ${text.en}` });
  }
  return [...byPath.values()];
};

/** Decodes `input` with `codec`, giving a list of field errors instead of io-ts's raw report. */
export const decodeWith = <A, O>(codec: t.Type<A, O, unknown>, input: unknown): Either<FieldError[], A> => {
  const result = codec.decode(input);
  return isLeft(result) ? left(fieldErrors(result.left)) : right(result.right);
};
