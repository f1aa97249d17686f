import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { Id, Text, struct } from './codecs';
import { REFERENCE_DATA_TIME } from './community';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';

// A leader (领导干部) who receives visitors, leads cases and takes duty slots: reference data.

/** `POST /leaders`. `unit` is `"subdistrict"` or a communityId. */
export const RegisterLeaderBody = struct(
  { leaderId: Id, name: Text, position: Text, portfolio: Text, unit: Id },
  { principal: t.boolean, firstGridLeader: t.boolean },
  'RegisterLeaderBody',
);
export type RegisterLeaderBody = t.TypeOf<typeof RegisterLeaderBody>;

export type LeaderCommand = { type: 'RegisterLeader'; data: RegisterLeaderBody };

/** The roles are written out in the event, so that readers never have to know the defaults. */
export const LeaderRegistered = t.type(
  {
    type: t.literal('LeaderRegistered'),
    data: struct(
      {
        leaderId: Id,
        name: Text,
        position: Text,
        portfolio: Text,
        unit: Id,
        principal: t.boolean, // 党政主要领导: at least one duty slot a week
        firstGridLeader: t.boolean, // 第一网格长: at least one duty slot a week in the linked community
      },
      {},
    ),
  },
  'LeaderRegistered',
);
export type LeaderRegistered = t.TypeOf<typeof LeaderRegistered>;

/** Every event of a leader stream (one kind so far). */
export const LeaderEvent = LeaderRegistered;
export type LeaderEvent = LeaderRegistered;

export type LeaderState = { status: 'none' } | ({ status: 'registered' } & LeaderRegistered['data']);

export const leaderStream = (leaderId: string): string => `leader-${leaderId}`;

/** Reference data: see `REFERENCE_DATA_TIME`. */
export const leaderEventTime = (_event: LeaderEvent): string => REFERENCE_DATA_TIME;

export const leaderDecider: Decider<LeaderCommand, LeaderEvent, LeaderState> = {
  initialState: { status: 'none' },
  evolve: (state, event) =>
    event.type === 'LeaderRegistered' && state.status === 'none' ? { status: 'registered', ...event.data } : state,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterLeader': {
        if (state.status !== 'none')
          return left(
            domainError('leaderAlreadyExists', '领导已登记', 'the leader is already registered', {
              leaderId: command.data.leaderId,
            }),
          );
        const { leaderId, name, position, portfolio, unit, principal = false, firstGridLeader = false } = command.data;
        return right([
          { type: 'LeaderRegistered', data: { leaderId, name, position, portfolio, unit, principal, firstGridLeader } },
        ]);
      }
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};
