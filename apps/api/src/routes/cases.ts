import { Hono } from 'hono';
import * as t from 'io-ts';
import { caseCommandBodies, caseCommandSegments, caseErrors, caseStream, RegisterCaseBody } from '@xinfang/domain';
import { permit, roleOf } from '../auth';
import { mayActOnCase, mayActOnCases, mayRegisterCases, type CaseAction } from '../case-access';
import { commandContext, commandReply, priorResult } from '../command-context';
import type { AppEnv } from '../env';
import { noQuery } from '../query-view';
import { forbidden, fromDomainError } from '../problem';
import { caseIdOf, registerCase } from '../registration';
import { idParam, jsonBody } from '../validator';

/*
 * `POST /cases` (the registration flow is the application's: registration.ts) and every
 * `POST /cases/{id}/<action>` of API.md.
 */

// ——— POST /cases/{id}/<action> ———

/** Path segment → command type (the domain's table): the action routes are made from it. */
export const caseActions = caseCommandSegments;

export const cases = new Hono<AppEnv>().post('/', permit(mayRegisterCases), noQuery, jsonBody(RegisterCaseBody), async (c) => {
  const context = commandContext(c);
  const prior = await priorResult(c, context, (r) => r.events[0]?.type === 'CaseRegistered');
  if (prior !== undefined) return commandReply(c, caseIdOf(prior), prior, 201);
  const { caseId, result } = await registerCase(c.var.services, roleOf(c), c.req.valid('json'), context);
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
