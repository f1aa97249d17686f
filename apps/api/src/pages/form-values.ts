import { randomUUID } from 'node:crypto';

/*
 * What the registration forms share in turning what a browser posts into an API body.
 */

/** `2024-10-31T18:00` typed in Shanghai → `2024-10-31T18:00:00+08:00`; anything else is passed on for the API to refuse. */
export const instantOfLocal = (text: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00+08:00` : text);

/** A form's Idempotency-Key: a form posted twice (a double click, a reload) records once. */
export const submissionKey = (): string => `page-${randomUUID()}`;

/** What a form posted, by field name (`c.req.parseBody()`). */
export type Posted = Readonly<Record<string, unknown>>;

/** A posted field's text, trimmed ('' when absent or not text). */
export const postedText = (posted: Posted | undefined, name: string): string => {
  const value = posted?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** Every text a field was posted with (checkboxes of one name; `parseBody({ all: true })`). */
export const postedTexts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** The field that carries a form's Idempotency-Key. */
export const KEY_FIELD = '_key';

/** The Idempotency-Key header of a posted form, when its key is well formed. */
export const idempotencyHeader = (posted: Posted): Record<string, string> => {
  const key = postedText(posted, KEY_FIELD);
  return /^[A-Za-z0-9_-]{1,64}$/.test(key) ? { 'idempotency-key': key } : {};
};
