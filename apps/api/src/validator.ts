import { isLeft } from 'fp-ts/Either';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono/validator';
import * as t from 'io-ts';
import { decodeWith, Id } from '@xinfang/domain';
import { badQuery, badRequest, payloadTooLarge } from './problem';

/** The largest JSON body the API reads, in bytes: far above any real command (a case with its petitioners). */
export const API_BODY_LIMIT = 1024 * 1024;

/**
 * Refuses a body over `maxSize` bytes with a 413, by its Content-Length before anything is read, or
 * while it streams in when it has none.
 */
export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLarge(maxSize);
    },
  });

/** Decodes the JSON body with an io-ts codec; a bad body is a 400 naming each bad field. */
export const jsonBody = <A>(codec: t.Decoder<unknown, A>) =>
  validator('json', (value): A => {
    const decoded = decodeWith(codec as t.Type<A, unknown, unknown>, value);
    if (isLeft(decoded)) throw badRequest(decoded.left);
    return decoded.right;
  });

/** Decodes the query string (one value per name) with an io-ts codec. */
export const queryOf = <A>(codec: t.Decoder<unknown, A>) =>
  validator('query', (value): A => {
    const decoded = decodeWith(codec as t.Type<A, unknown, unknown>, value);
    if (isLeft(decoded)) throw badQuery(decoded.left);
    return decoded.right;
  });

const IdParam = t.type({ id: Id }, 'IdParam');

/** The `{id}` of a path, checked as an Id: a bad one is a 400 naming `id`. */
export const idParam = validator('param', (value): { id: string } => {
  const decoded = decodeWith(IdParam, value);
  if (isLeft(decoded)) throw badRequest(decoded.left);
  return decoded.right;
});
