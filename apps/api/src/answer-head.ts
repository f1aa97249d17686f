import type { Context } from 'hono';
import { formatLogHead, GENESIS_HASH } from '@xinfang/event-store';
import { hashAt } from '@xinfang/projections';
import type { AppEnv } from './env';

/*
 * Every answer made from a World (the ledgers, the KPIs, the screening report, the case and person files)
 * says which log it is as of, in `X-Xinfang-Head: POSITION:HASH` (API.md): it holds the events up to that
 * position (those its view shows) and none after. Normally that is the head of the log when it was asked;
 * while the projection runner is failing, the last position it committed — the answer is still right as
 * of that position, and the header says how far behind the log's head it is. The same header an export
 * carries, so `xinfang verify --expect` checks it too.
 */

export const HEAD_HEADER = 'x-xinfang-head';

/** `POSITION:HASH` of the log's event at `position` (0 and the genesis hash for none). */
export const answerHead = async (c: Context<AppEnv>, position: number): Promise<string> => {
  const hash = position === 0 ? GENESIS_HASH : await hashAt(c.var.services.store, position);
  if (hash === undefined) throw new Error(`an answer as of position ${position}, which the log does not hold`);
  return formatLogHead({ position, hash });
};

/** Sets the header on the response the handler is about to make. */
export const stateAnswerHead = async (c: Context<AppEnv>, position: number): Promise<void> => {
  c.header(HEAD_HEADER, await answerHead(c, position));
};
