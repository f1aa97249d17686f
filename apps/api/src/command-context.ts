import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { appendResultOf, type CommandResult } from '@xinfang/event-store';
import type { AppEnv } from './env';
import { subCommandId, type CommandContext } from './office';
import { badRequest, keyReused } from './problem';
import { formatRole } from './roles';

/**
 * The context of a command request. `Idempotency-Key` becomes the command id (scoped to the token, so two
 * clients' keys never meet): the same key again finds the first result and writes nothing. `If-Match`
 * is the revision the client saw.
 */
export const commandContext = (c: Context<AppEnv>): CommandContext => {
  const { caller, services } = c.var;
  const key = c.req.header('idempotency-key');
  const ifMatch = c.req.header('if-match');
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined) {
    const text = ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    if (!/^\d{1,15}$/.test(text)) {
      throw badRequest([{ path: 'If-Match', message: '应为版本号（非负整数）/ expected a revision (a whole number ≥ 0)' }]);
    }
    expectedRevision = Number(text);
  }
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw badRequest([{ path: 'Idempotency-Key', message: '应为 1–200 个字符 / expected 1–200 characters' }]);
  }
  const commandId =
    key === undefined
      ? services.ids.next()
      : createHash('sha256').update(`${caller.id}\u0000${key}`, 'utf8').digest('hex').slice(0, 32);
  return {
    actor: { id: caller.id, role: formatRole(caller.role) },
    commandId,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
};

/** The answer to a command: `{id, revision, position}` (201 on create, 200 otherwise), plus extras. */
export const commandReply = (
  c: Context<AppEnv>,
  id: string,
  result: CommandResult,
  status: 200 | 201,
  extra: Record<string, unknown> = {},
) => c.json({ id, ...extra, revision: result.revision, position: result.position }, status);

/**
 * The id the client chose, or one made from the command id: a retry with the same Idempotency-Key makes
 * the same id, so it finds its first result instead of creating a second thing.
 */
export const idOrNew = (context: CommandContext, id: string | undefined, prefix: string): string =>
  id ?? `${prefix}-${subCommandId(context.commandId, prefix).slice(0, 20)}`;

/**
 * The first result of a command retried with the same `Idempotency-Key`, or undefined for a new one.
 * Checked before anything else, so a retry gets the first response even where a check would refuse it
 * now (the case exists by then, a leader was reassigned meanwhile). `sameCommand` tells whether the
 * events found were made by this kind of request: a key reused for another one is a 422, not a
 * misleading answer (nor, for an erasure, a key destroyed on the strength of someone else's events).
 */
export const priorResult = async (
  c: Context<AppEnv>,
  context: CommandContext,
  sameCommand: (result: CommandResult) => boolean,
): Promise<CommandResult | undefined> => {
  if (c.req.header('idempotency-key') === undefined) return undefined;
  const events = await c.var.services.store.findByCommandId(context.commandId);
  const first = events[0];
  if (first === undefined) return undefined;
  const result = appendResultOf(first.meta.streamId, events);
  if (!sameCommand(result)) {
    throw keyReused();
  }
  return result;
};
