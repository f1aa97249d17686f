import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DATA_TIME } from './community';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  LeaderEvent,
  RegisterLeaderBody,
  leaderDecider,
  leaderEventTime,
  leaderStream,
  type LeaderEvent as Event,
} from './leader';
import { decodeWith } from './validation';

const spec = deciderSpec(leaderDecider);
const body = { leaderId: 'L01', name: '林书记', position: '党工委书记', portfolio: '全面工作', unit: 'subdistrict' };
const registered: Event = { type: 'LeaderRegistered', data: { ...body, principal: false, firstGridLeader: false } };

const badPaths = (input: unknown): string[] => {
  const result = decodeWith(RegisterLeaderBody, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('leader', () => {
  it('registers a leader, writing out the roles it did not name as false', () => {
    expectEvents(spec.given([]).when({ type: 'RegisterLeader', data: body }), [registered]);
  });

  it('keeps the roles it was given', () => {
    const data = { ...body, unit: 'qingyang-1', principal: true, firstGridLeader: true };
    expectEvents(spec.given([]).when({ type: 'RegisterLeader', data }), [{ type: 'LeaderRegistered', data }]);
  });

  it('refuses a second registration', () => {
    expectRefusal(spec.given([registered]).when({ type: 'RegisterLeader', data: body }), 'leaderAlreadyExists');
  });

  it('folds to the registered leader and ignores a repeated registration', () => {
    const again: Event = { type: 'LeaderRegistered', data: { ...registered.data, name: '别人' } };
    expect(fold(leaderDecider, [registered, again])).toEqual({ status: 'registered', ...registered.data });
  });

  it('names its stream and counts as always true', () => {
    expect(leaderStream('L01')).toBe('leader-L01');
    expect(leaderEventTime(registered)).toBe(REFERENCE_DATA_TIME);
  });

  it('decodes a good body and its stored event', () => {
    expect(decodeWith(RegisterLeaderBody, { ...body, principal: true })).toEqual({
      _tag: 'Right',
      right: { ...body, principal: true },
    });
    expect(isRight(LeaderEvent.decode(registered))).toBe(true);
    expect(isRight(LeaderEvent.decode({ type: 'LeaderRegistered', data: body }))).toBe(false); // the roles must be written out
  });

  it('names the path of a missing field and a wrong type', () => {
    const { portfolio: _, ...withoutPortfolio } = body;
    expect(badPaths(withoutPortfolio)).toEqual(['portfolio']);
    expect(badPaths({ ...body, principal: 'yes' })).toEqual(['principal']);
    expect(badPaths({ ...body, unit: '青阳街道' })).toEqual(['unit']);
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => leaderDecider.decide({ type: 'Bogus' } as never, leaderDecider.initialState)).toThrow(/Bogus/);
  });

  it('ignores an event it does not know', () => {
    expect(leaderDecider.evolve(leaderDecider.initialState, { type: 'Unknown' } as never)).toBe(
      leaderDecider.initialState,
    );
  });
});
