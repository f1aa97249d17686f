import { isLeft } from 'fp-ts/Either';
import { Hono, type Context } from 'hono';
import * as t from 'io-ts';
import {
  caseCommandBodies,
  caseCommandSegments,
  caseDecider,
  caseErrors,
  caseStream,
  decidingAt,
  personStream,
  RegisterCaseBody,
  type CaseCommand,
  type CaseState,
  type PetitionerInput,
  type PetitionerRef,
} from '@xinfang/domain';
import { appendConflict, type CommandResult } from '@xinfang/event-store';
import { allow, permit, roleOf } from '../auth';
import { mayActOnCase, mayActOnCases, mayRegisterCase, mayRegisterCases, type CaseAction } from '../case-access';
import { commandContext, commandReply, idOrNew, priorResult } from '../command-context';
import type { AppEnv } from '../env';
import { noQuery } from '../query-view';
import type { CommandContext } from '../office';
import { conflict, forbidden, fromDomainError, notFound } from '../problem';
import { requireCommunity } from '../references';
import { idParam, jsonBody } from '../validator';

/*
 * `POST /cases` and every `POST /cases/{id}/<action>` of API.md. The visits route shares the helpers
 * below: the checks made before a petitioner's file is written.
 */

// ——— shared with the visits route ———

/** Stand-ins for the petitioners while the command is tried before their files are written. */
export const pendingRefs = (petitioners: readonly PetitionerInput[]): PetitionerRef[] =>
  petitioners.map((_, index) => ({ personId: `pending-${index}` }));

/**
 * Refuses, before any person file is written, what the case command would be refused for: a stale
 * If-Match (409), a rule of the domain (decided on the loaded state with stand-in petitioners, at the
 * clock's now, 422 or 404), a `personId` that names no file (404). A refused registration or visit thus
 * writes nothing.
 * `command` takes the petitioner references, so it is tried with stand-ins here and run with the real ones.
 */
export const refuseEarly = async (
  c: Context<AppEnv>,
  loaded: { readonly state: CaseState; readonly revision: number },
  streamId: string,
  command: CaseCommand,
  petitioners: readonly PetitionerInput[],
  context: CommandContext,
): Promise<void> => {
  const { expectedRevision } = context;
  if (expectedRevision !== undefined && expectedRevision !== loaded.revision) {
    throw conflict(appendConflict(streamId, expectedRevision, loaded.revision));
  }
  const { office, clock } = c.var.services;
  const decided = decidingAt(caseDecider, clock.now()).decide(command, loaded.state);
  if (isLeft(decided)) throw fromDomainError(decided.left);
  for (const { personId } of petitioners) {
    if (personId === undefined) continue;
    const { state } = await office.load('person', personStream(personId));
    if (state.status !== 'registered') throw notFound('信访人 / person', personId);
  }
};

// ——— POST /cases/{id}/<action> ———

/** Path segment → command type (the domain's table): the action routes are made from it. */
export const caseActions = caseCommandSegments;

/** The case a command result was recorded on. */
export const caseIdOf = (result: CommandResult): string => result.streamId.slice(caseStream('').length);

export const cases = new Hono<AppEnv>().post('/', permit(mayRegisterCases), noQuery, jsonBody(RegisterCaseBody), async (c) => {
  const body = c.req.valid('json');
  allow(c, (role) => mayRegisterCase(role, body), '只能登记本社区的事项 / only cases of your own community');
  const context = commandContext(c);
  const prior = await priorResult(c, context, (r) => r.events[0]?.type === 'CaseRegistered');
  if (prior !== undefined) return commandReply(c, caseIdOf(prior), prior, 201);

  const { office } = c.var.services;
  await requireCommunity(office, body.communityId, body.gridId);
  const { caseId: chosen, petitioners, ...fields } = body;
  const caseId = idOrNew(context, chosen, 'c');
  const streamId = caseStream(caseId);
  const register = (refs: PetitionerRef[]): CaseCommand => ({
    type: 'RegisterCase',
    data: { ...fields, caseId, petitioners: refs },
  });
  await refuseEarly(c, await office.load('case', streamId), streamId, register(pendingRefs(petitioners)), petitioners, context);
  const result = await office.executeWithPetitioners(streamId, petitioners, body.registeredAt, register, context);
  return commandReply(c, caseId, result, 201);
});

const actionBody = (type: CaseAction['type']) => jsonBody(caseCommandBodies[type] as t.Decoder<unknown, Record<string, unknown>>);

for (const [segment, type] of Object.entries<CaseAction['type']>(caseActions)) {
  cases.post(`/:id/${segment}`, permit(mayActOnCases), noQuery, idParam, actionBody(type), async (c) => {
    const role = roleOf(c);
    const { id } = c.req.valid('param');
    const action = { type, data: { ...c.req.valid('json'), caseId: id } } as CaseAction;
    // One read and one decide: the command handler answers a retried Idempotency-Key with its first result
    // (or 422 for a key used for another command) before the guard, and checks the guard on the state it
    // decides on.
    const result = await c.var.services.office.execute('case', caseStream(id), action, commandContext(c), (state) => {
      if (state.status === 'none') throw fromDomainError(caseErrors.caseNotFound(id));
      if (!mayActOnCase(role, action, state)) throw forbidden('只能办理本人牵头或包案的事项 / only cases you lead');
    });
    return commandReply(c, id, result, 200);
  });
}
