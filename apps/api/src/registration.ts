import { isLeft } from 'fp-ts/Either';
import {
  caseDecider,
  caseStream,
  decidingAt,
  personStream,
  type CaseCommand,
  type CaseState,
  type PetitionerInput,
  type PetitionerRef,
  type RegisterCaseBody,
  type RecordVisitBody,
} from '@xinfang/domain';
import { appendConflict, type CommandResult } from '@xinfang/event-store';
import { mayRecordVisit, mayRegisterCase } from './case-access';
import { idOrNew } from './command-context';
import type { CommandContext } from './office';
import { conflict, forbidden, fromDomainError, notFound } from './problem';
import { requireCommunity } from './references';
import type { Role } from './roles';
import type { Services } from './services';

/*
 * The registration flow of the application (API.md `POST /cases`, `POST /visits`): who may register it,
 * the references it names, the checks made before any petitioner's file is written, then the case command
 * and the new person files in one all-or-nothing append. The routes and the pages reach it through the
 * API; a tool embedding the app calls it with its own services. A refusal is thrown as the problem the
 * API answers (problem.ts).
 */

type RegistrationServices = Pick<Services, 'office' | 'clock'>;

/** Stand-ins for the petitioners while the command is tried before their files are written. */
const pendingRefs = (petitioners: readonly PetitionerInput[]): PetitionerRef[] =>
  petitioners.map((_, index) => ({ personId: `pending-${index}` }));

/**
 * Refuses, before any person file is written, what the case command would be refused for: a stale
 * If-Match (409), a rule of the domain (decided on the loaded state with stand-in petitioners, at the
 * clock's now, 422 or 404), a `personId` that names no file (404). A refused registration or visit thus
 * writes nothing. `command` takes the petitioner references, so it is tried with stand-ins here and run
 * with the real ones.
 */
const refuseEarly = async (
  { office, clock }: RegistrationServices,
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
  const decided = decidingAt(caseDecider, clock.now()).decide(command, loaded.state);
  if (isLeft(decided)) throw fromDomainError(decided.left);
  for (const { personId } of petitioners) {
    if (personId === undefined) continue;
    const { state } = await office.load('person', personStream(personId));
    if (state.status !== 'registered') throw notFound('信访人 / person', personId);
  }
};

/** The case a command result was recorded on. */
export const caseIdOf = (result: CommandResult): string => result.streamId.slice(caseStream('').length);

/** `POST /cases`: a new case with its petitioners (person files made or matched), for the role that may. */
export const registerCase = async (
  services: RegistrationServices,
  role: Role,
  body: RegisterCaseBody,
  context: CommandContext,
): Promise<{ readonly caseId: string; readonly result: CommandResult }> => {
  if (!mayRegisterCase(role, body)) throw forbidden('只能登记本社区的事项 / only cases of your own community');
  const { office } = services;
  await requireCommunity(office, body.communityId, body.gridId);
  const { caseId: chosen, petitioners, ...fields } = body;
  const caseId = idOrNew(context, chosen, 'c');
  const streamId = caseStream(caseId);
  const register = (refs: PetitionerRef[]): CaseCommand => ({ type: 'RegisterCase', data: { ...fields, caseId, petitioners: refs } });
  await refuseEarly(services, await office.load('case', streamId), streamId, register(pendingRefs(petitioners)), petitioners, context);
  return { caseId, result: await office.executeWithPetitioners(streamId, petitioners, body.registeredAt, register, context) };
};

/**
 * `POST /visits` (来访登记): with `caseId` the visit is recorded on that existing case (404 if there is
 * none), as a repeat petition when the case already had a visit or was resolved; without it, a new case
 * with origin `visit` is registered.
 */
export const recordVisit = async (
  services: RegistrationServices,
  role: Role,
  body: RecordVisitBody,
  context: CommandContext,
): Promise<{ readonly visitId: string; readonly caseId: string; readonly result: CommandResult }> => {
  const { office } = services;
  const { caseId: named, visitId: chosen, petitioners, ...fields } = body;
  const caseId = idOrNew(context, named, 'c');
  const visitId = idOrNew(context, chosen, 'v');
  const streamId = caseStream(caseId);
  const loaded = await office.load('case', streamId);
  if (!mayRecordVisit(role, body, loaded.state.status === 'none' ? undefined : loaded.state)) {
    throw forbidden('只能登记本人接待或本社区的来访 / only visits you received, or of your own community');
  }
  if (body.communityId !== undefined) await requireCommunity(office, body.communityId);
  const record = (refs: PetitionerRef[]): CaseCommand => ({
    type: 'RecordVisit',
    data: { ...fields, caseId, visitId, petitioners: refs, ...(named === undefined ? {} : { onExistingCase: true }) },
  });
  await refuseEarly(services, loaded, streamId, record(pendingRefs(petitioners)), petitioners, context);
  return { visitId, caseId, result: await office.executeWithPetitioners(streamId, petitioners, body.receivedAt, record, context) };
};
