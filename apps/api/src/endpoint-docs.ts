import type { Endpoint } from './endpoint';
import { namedTypes, type JsonSchema } from './io-ts-schema';
import { exampleBody, exampleOf, fullPath } from './openapi';

/*
 * What the docs page (pages/api-docs.tsx) says of an endpoint, as text: the type of each field in
 * Chinese, the rows of a body's fields, and a curl command that calls it.
 */

/** Single-quotes a word for a POSIX shell. */
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  Id: '标识',
  Instant: '时间（ISO 8601，带时区）',
  LocalDate: '日期 YYYY-MM-DD',
  Text: '文本',
  Count: '整数 ≥ 1',
  Points: '整数 0–100',
  IdNumber: '身份证号',
  Phone: '电话',
};

/** The type of a field in Chinese, enumerations with their labels. */
export const typeLabel = (schema: JsonSchema): string => {
  if (schema.enum !== undefined) {
    const labels = schema['x-enumLabels'];
    return schema.enum.map((v) => (labels?.[String(v)] === undefined ? String(v) : `${String(v)}（${labels[String(v)]}）`)).join(' | ');
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.title !== undefined && TYPE_NAMES[schema.title] !== undefined) return TYPE_NAMES[schema.title] ?? schema.title;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives !== undefined) return alternatives.map(typeLabel).join(' 或 ');
  switch (schema.type) {
    case 'string':
      return '字符串';
    case 'integer':
      return '整数';
    case 'number':
      return '数字';
    case 'boolean':
      return 'true / false';
    case 'null':
      return 'null';
    case 'object':
      return '对象';
    case 'array': {
      const item = schema.items === false || schema.items === undefined ? '任意' : typeLabel(schema.items);
      return `数组（${item}）${(schema.minItems ?? 0) > 0 ? `，至少 ${schema.minItems} 项` : ''}`;
    }
    default:
      return '任意';
  }
};

/** A field's description without what its named type says (the legend of the page says that once). */
const ownDescription = (schema: JsonSchema): string => {
  const text = schema.description ?? '';
  const common = schema.title === undefined ? undefined : namedTypes[schema.title]?.description;
  if (common === undefined || !text.endsWith(common)) return text;
  return text.slice(0, text.length - common.length).replace(/[.;]?\s*$/, '');
};

export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** Every field of a body, nested ones as `petitioners[].name`, required ones first at each level. */
export const fieldRows = (schema: JsonSchema, prefix = ''): FieldRow[] => {
  const required = new Set(schema.required ?? []);
  const names = Object.keys(schema.properties ?? {}).sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
  return names.flatMap((name) => {
    const property = schema.properties?.[name] ?? {};
    const path = `${prefix}${name}`;
    const row: FieldRow = { path, type: typeLabel(property), required: required.has(name), description: ownDescription(property) };
    if (property.type === 'object' && property.properties !== undefined) return [row, ...fieldRows(property, `${path}.`)];
    const items = property.type === 'array' && property.items !== false ? property.items : undefined;
    if (items?.type === 'object' && items.properties !== undefined) return [row, ...fieldRows(items, `${path}[].`)];
    return [row];
  });
};

const pathExamples: Readonly<Record<string, string>> = {
  cases: 'case-001',
  duties: 'duty-001',
  inspections: 'inspection-001',
  persons: 'person-001',
};

/** A curl command that calls the endpoint on this server, with an example body and required parameters. */
export const curlExample = (endpoint: Endpoint, origin: string): string => {
  const path = fullPath(endpoint).replace(
    /\/([^/]+)\/\{[^}]+\}/g,
    (_m, parent: string) => `/${parent}/${pathExamples[parent] ?? 'example-1'}`,
  );
  const query = Object.entries(endpoint.query ?? {})
    .filter(([, q]) => q.required === true)
    .map(([name, q]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(q.example ?? exampleOf(q.schema, name)))}`);
  const url = `${origin}${path}${query.length === 0 ? '' : `?${query.join('&')}`}`;
  const lines = [`curl${endpoint.method === 'GET' ? '' : ` -X ${endpoint.method}`} ${shellQuote(url)}`];
  if (endpoint.roles !== 'public') lines.push(`-H "Authorization: Bearer $TOKEN"`);
  const body = exampleBody(endpoint);
  if (body !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d ${shellQuote(JSON.stringify(body, null, 2))}`);
  }
  return lines.join(' \\\n  ');
};
