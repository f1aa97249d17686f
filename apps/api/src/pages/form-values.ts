import { randomUUID } from 'node:crypto';

/*
 * What the registration forms share in turning what a browser posts into an API body.
 */

/** `2024-10-31T18:00` typed in Shanghai → `2024-10-31T18:00:00+08:00`; anything else is passed on for the API to refuse. */
export const instantOfLocal = (text: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00+08:00` : text);

/** A form's Idempotency-Key: a form posted twice (a double click, a reload) records once. */
export const submissionKey = (): string => `page-${randomUUID()}`;
