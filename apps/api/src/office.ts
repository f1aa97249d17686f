import { createHash } from 'node:crypto';
import { isLeft } from 'fp-ts/Either';
import {
  aggregates,
  decidingAt,
  personStream,
  type AggregateName,
  type CommandOf,
  type Decider,
  type EventOf,
  type PetitionerInput,
  type PetitionerRef,
  type StateOf,
} from '@xinfang/domain';
import {
  createStateCache,
  foldStream,
  handleCommand,
  handleCommands,
  isAppendConflict,
  streamCommand,
  type Actor,
  type Clock,
  type CommandFailure,
  type CommandResult,
  type EventStore,
  type FoldedState,
  type RecordedEvent,
  type StateCache,
  type StreamCommand,
} from '@xinfang/event-store';
import { decodeStoredEvent, findPersonIds, findPersonIdsThroughTail, stateFromReadModels, type ProjectionRunner, type ReadModelStore } from '@xinfang/projections';
import { readModelsCurrent } from './read-models-current';
import type { AppDatabase } from './app-database';
import { idNumberDigest, seal } from './personal-data';
import { conflict, fromDomainError, keyReused, notFound } from './problem';

/*
 * The application service: every command of the API goes through here, whoever calls it (a route, the
 * CLI's demo). It routes a command to its stream, runs it through the decider with the command handler,
 * and turns refusals into HTTP problems. Personal data is sealed here, before anything reaches the log.
 */

export interface CommandContext {
  readonly actor: Actor;
  /** One per request; derived from the Idempotency-Key when there is one, so a retry is recognised. */
  readonly commandId: string;
  /** From If-Match: the revision the client saw. */
  readonly expectedRevision?: number;
}

export interface Office {
  readonly store: EventStore;
  /** Runs a command on a stream; throws an HttpProblem when it is refused or conflicts. */
  readonly execute: <N extends AggregateName>(
    aggregate: N,
    streamId: string,
    command: CommandOf<N>,
    context: CommandContext,
    /** Checked on the state the command is decided on (the route's own rules): throws an HttpProblem to refuse. */
    guard?: (state: StateOf<N>) => void,
  ) => Promise<CommandResult>;
  /** A stream's current state and revision, folded from its events (from the states kept for commands). */
  readonly load: <N extends AggregateName>(aggregate: N, streamId: string) => Promise<{ state: StateOf<N>; revision: number }>;
  /**
   * Runs a case command naming petitioners: links each to a person file, registering new (sealed) files
   * where needed, and records the registrations and the case command in one append — all or nothing, so a
   * refused command leaves no person behind. `command` is given the petitioners' references.
   */
  readonly executeWithPetitioners: (
    streamId: string,
    petitioners: readonly PetitionerInput[],
    at: string,
    command: (refs: PetitionerRef[]) => CommandOf<'case'>,
    context: CommandContext,
  ) => Promise<CommandResult>;
  /** Forgets a person: records the erasure, then destroys their key. */
  readonly erasePerson: (personId: string, at: string, context: CommandContext) => Promise<CommandResult>;
}

export interface OfficeOptions {
  readonly store: EventStore;
  readonly database: AppDatabase;
  readonly clock: Clock;
  readonly readModels: ReadModelStore;
  readonly runner: ProjectionRunner;
  /** Where the folded states of streams are kept between commands; by default 1,000 streams in memory. */
  readonly states?: StateCache<unknown>;
}

/** A sub-command's id: a retried request derives the same ids, so nothing is written twice. */
export const subCommandId = (commandId: string, part: string): string =>
  createHash('sha256').update(`${commandId}/${part}`, 'utf8').digest('hex').slice(0, 32);

export const createOffice = ({ store, database, clock, readModels, runner, states = createStateCache() }: OfficeOptions): Office => {
  const decode = <N extends AggregateName>(aggregate: N) => (event: RecordedEvent): EventOf<N> => decodeStoredEvent(aggregate, event);

  /*
   * Folded states kept between commands and loads (the least recently used of 1,000 streams dropped first):
   * a command on a long stream reads and folds only the events recorded since, so its cost does not grow
   * with the stream. Keyed by aggregate too, so that no state is ever read as another decider's.
   * Person files are never kept: their states hold a petitioner's sealed data and id-number digest, which
   * must not stay in memory once the person is forgotten (by this process or another); their streams are
   * one or two events, so reading them whole costs nothing.
   */
  const cached = <N extends AggregateName>(
    aggregate: N,
  ): { cache?: StateCache<StateOf<N>>; seed?: (streamId: string) => Promise<FoldedState<StateOf<N>> | undefined> } => {
    if (aggregate === 'person') return {};
    const key = (streamId: string) => `${aggregate}\u0000${streamId}`;
    return {
      cache: {
        get: (streamId) => states.get(key(streamId)) as FoldedState<StateOf<N>> | undefined,
        set: (streamId, folded) => states.set(key(streamId), folded),
        forget: (streamId) => states.forget(key(streamId)),
      },
      // Not in the cache (a restart, or dropped): the read models' state, so that a long case is not read whole.
      seed: (streamId) => stateFromReadModels(readModels, streamId),
    };
  };

  /** What the command handler needs to run `command` on `streamId`, whichever handler runs it. */
  const commandInput = <N extends AggregateName>(aggregate: N, streamId: string, command: CommandOf<N>, context: CommandContext) => {
    const { decider, eventTime } = aggregates[aggregate];
    return {
      // Decided at the clock's now: an act typed in with a future time is refused (businessTimeInFuture).
      decider: decidingAt(decider as Decider<CommandOf<N>, EventOf<N>, StateOf<N>>, clock.now()) as never,
      streamId,
      command,
      occurredAt: eventTime as never,
      actor: context.actor,
      commandId: context.commandId,
      clock,
      toDomainEvent: decode(aggregate),
      ...cached(aggregate),
      ...(context.expectedRevision === undefined ? {} : { expectedRevision: context.expectedRevision }),
    };
  };

  const refused = (failure: CommandFailure) => (isAppendConflict(failure) ? conflict(failure) : fromDomainError(failure));

  /** A repeated command id finds the first command's result; on another stream it was another command. */
  const onStream = (streamId: string, result: CommandResult | undefined): CommandResult => {
    if (result?.streamId !== streamId) throw keyReused();
    return result;
  };

  const execute: Office['execute'] = async (aggregate, streamId, command, context, guard) => {
    const input = commandInput(aggregate, streamId, command, context);
    const result = await handleCommand({ store, ...input, ...(guard === undefined ? {} : { guard }) });
    if (isLeft(result)) throw refused(result.left);
    return onStream(streamId, result.right);
  };

  const load: Office['load'] = async (aggregate, streamId) => {
    const { decider } = aggregates[aggregate];
    const { state, revision } = await foldStream({
      store,
      streamId,
      decider: decider as unknown as Decider<unknown, EventOf<typeof aggregate>, StateOf<typeof aggregate>>,
      toEvent: decode(aggregate),
      ...cached(aggregate),
    });
    return { state, revision };
  };

  const existingPerson = async (personId: string): Promise<void> => {
    const { state } = await load('person', personStream(personId));
    if (state.status !== 'registered') throw notFound('信访人 / person', personId);
  };

  /** Each petitioner's reference, and the registrations of the new person files among them (not yet written). */
  const petitionerRefs = async (inputs: readonly PetitionerInput[], at: string, context: CommandContext) => {
    const refs: PetitionerRef[] = [];
    const fresh: { readonly index: number; readonly personId: string; readonly input: PetitionerInput; readonly digest?: string }[] = [];
    // An id number is looked up in the read models, once they hold every person file recorded so far: waited
    // for once, whatever the number of petitioners.
    const matching = inputs.some((input) => input.personId === undefined && input.idNumber !== undefined);
    // A failing runner never refuses a registration: the events since its checkpoint are read instead.
    const current = matching && (await readModelsCurrent({ runner, store }));
    const personIdsOf = (digest: string) => (current ? findPersonIds(readModels, digest) : findPersonIdsThroughTail(store, readModels, digest));
    for (const [index, input] of inputs.entries()) {
      if (input.personId !== undefined) {
        await existingPerson(input.personId);
        refs.push({ personId: input.personId });
        continue;
      }
      const digest = input.idNumber === undefined ? undefined : idNumberDigest(await database.keys.matchingSecret(), input.idNumber);
      if (digest !== undefined) {
        const [known] = await personIdsOf(digest);
        if (known !== undefined) {
          refs.push({ personId: known });
          continue;
        }
      }
      const personId = `p-${subCommandId(context.commandId, `person/${index}`).slice(0, 20)}`;
      fresh.push({ index, personId, input, ...(digest === undefined ? {} : { digest }) });
      refs.push({ personId });
    }
    const keys = await database.keys.keysFor(fresh.map((f) => f.personId), clock.now());
    const registrations = fresh.map(({ index, personId, input, digest }, i): StreamCommand => {
      const { name, idNumber, phone, address } = input;
      const data = { name, ...(idNumber === undefined ? {} : { idNumber }), ...(phone === undefined ? {} : { phone }), ...(address === undefined ? {} : { address }) };
      const register: CommandOf<'person'> = {
        type: 'RegisterPerson',
        data: { personId, registeredAt: at, sealed: seal(keys[i] as Buffer, personId, data), ...(digest === undefined ? {} : { idNumberDigest: digest }) },
      };
      const subContext = { actor: context.actor, commandId: subCommandId(context.commandId, `person/${index}`) };
      return streamCommand(commandInput('person', personStream(personId), register, subContext));
    });
    return { refs, registrations };
  };

  const executeWithPetitioners: Office['executeWithPetitioners'] = async (streamId, petitioners, at, command, context) => {
    const { refs, registrations } = await petitionerRefs(petitioners, at, context);
    const main = streamCommand(commandInput('case', streamId, command(refs), context));
    const result = await handleCommands({ store, commands: [...registrations, main] });
    if (isLeft(result)) throw refused(result.left);
    return onStream(streamId, result.right.at(-1));
  };

  const erasePerson: Office['erasePerson'] = async (personId, at, context) => {
    const result = await execute('person', personStream(personId), { type: 'ErasePerson', data: { personId, at } }, context);
    await database.keys.destroy(personId);
    return result;
  };

  return { store, execute, load, executeWithPetitioners, erasePerson };
};
