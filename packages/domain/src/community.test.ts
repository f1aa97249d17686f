import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  CommunityEvent,
  REFERENCE_DATA_TIME,
  RegisterCommunityBody,
  communityDecider,
  communityEventTime,
  communityReferenceError,
  communityStream,
  type CommunityCommand,
  type CommunityEvent as Event,
} from './community';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import { decodeWith } from './validation';

const spec = deciderSpec(communityDecider);
const body = {
  communityId: 'qingyang-1',
  name: '青阳第一社区',
  grids: [
    { gridId: 'g1', name: '第一网格' },
    { gridId: 'g2', name: '第二网格' },
  ],
};
const register: CommunityCommand = { type: 'RegisterCommunity', data: body };
const registered: Event = { type: 'CommunityRegistered', data: body };

const badPaths = (input: unknown): string[] => {
  const result = decodeWith(RegisterCommunityBody, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('community', () => {
  it('registers a community with its grids', () => {
    expectEvents(spec.given([]).when(register), [registered]);
  });

  it('allows a community without grids yet', () => {
    const data = { ...body, grids: [] };
    expectEvents(spec.given([]).when({ type: 'RegisterCommunity', data }), [{ type: 'CommunityRegistered', data }]);
  });

  it('copies only the known fields into the event', () => {
    const data = { ...body, grids: [{ gridId: 'g1', name: '第一网格', extra: 1 }], extra: 2 };
    expectEvents(spec.given([]).when({ type: 'RegisterCommunity', data }), [
      { type: 'CommunityRegistered', data: { ...body, grids: [{ gridId: 'g1', name: '第一网格' }] } },
    ]);
  });

  it('refuses a second registration', () => {
    expectRefusal(spec.given([registered]).when(register), 'communityAlreadyExists');
  });

  it('refuses a grid id that appears twice', () => {
    const data = { ...body, grids: [...body.grids, { gridId: 'g1', name: '重复' }] };
    expect(expectRefusal(spec.given([]).when({ type: 'RegisterCommunity', data }), 'duplicateGrid').details).toEqual({
      gridId: 'g1',
    });
  });

  it('refuses the id reserved for the subdistrict', () => {
    expectRefusal(
      spec.given([]).when({ type: 'RegisterCommunity', data: { ...body, communityId: 'subdistrict' } }),
      'communityIdReserved',
    );
  });

  it('folds to the registered community and ignores a repeated registration', () => {
    expect(fold(communityDecider, [])).toEqual({ status: 'none' });
    const again: Event = { type: 'CommunityRegistered', data: { ...body, name: '别名' } };
    expect(fold(communityDecider, [registered, again])).toEqual({ status: 'registered', ...body });
  });

  it('names its stream and counts as always true', () => {
    expect(communityStream('qingyang-1')).toBe('community-qingyang-1');
    expect(communityEventTime(registered)).toBe(REFERENCE_DATA_TIME);
  });

  it('decodes a good body and its stored event', () => {
    expect(decodeWith(RegisterCommunityBody, { ...body, extra: true })).toEqual({ _tag: 'Right', right: body });
    expect(isRight(CommunityEvent.decode(registered))).toBe(true);
  });

  it('names the path of a missing field, a wrong type and a bad nested field', () => {
    expect(badPaths({ communityId: 'c1', grids: [] })).toEqual(['name']);
    expect(badPaths({ ...body, grids: 'g1' })).toEqual(['grids']);
    expect(badPaths({ ...body, communityId: 'has space' })).toEqual(['communityId']);
    expect(badPaths({ ...body, grids: [{ name: '第一网格' }, { gridId: 2, name: ' ' }] })).toEqual([
      'grids.0.gridId',
      'grids.1.gridId',
      'grids.1.name',
    ]);
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => communityDecider.decide({ type: 'Bogus' } as never, communityDecider.initialState)).toThrow(/Bogus/);
  });

  it('ignores an event it does not know', () => {
    expect(communityDecider.evolve(communityDecider.initialState, { type: 'Unknown' } as never)).toBe(
      communityDecider.initialState,
    );
  });
});

describe('a reference to a community and a grid', () => {
  const known = fold(communityDecider, [registered]);

  it('may name a registered community, with or without one of its grids', () => {
    expect(communityReferenceError(known, 'qingyang-1')).toBeUndefined();
    expect(communityReferenceError(known, 'qingyang-1', 'g2')).toBeUndefined();
  });

  it('may not name a community that is not registered (unknownCommunity), naming the field', () => {
    expect(communityReferenceError(communityDecider.initialState, 'ghost', 'g1')).toEqual({
      code: 'unknownCommunity',
      message: { zh: '社区 ghost 未登记', en: 'community ghost is not registered' },
      details: { field: 'communityId', communityId: 'ghost' },
    });
  });

  it('may not name a grid that is not one of the community’s (unknownGrid)', () => {
    expect(communityReferenceError(known, 'qingyang-1', 'g3')).toMatchObject({
      code: 'unknownGrid',
      details: { field: 'gridId', communityId: 'qingyang-1', gridId: 'g3' },
    });
  });
});
