import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { aggregateOfStream } from './aggregates';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import { DecideMatterLinkBody, matterLinkDecider, matterLinkDecisionAt, matterLinkId, matterLinkStream, type MatterLinkCommand } from './matter-link';
import { decodeWith } from './validation';

const spec = deciderSpec(matterLinkDecider);
const at = '2024-10-08T09:00:00+08:00';
const decide = (caseIds: string[], decision: 'confirmed' | 'dismissed', when = at): MatterLinkCommand => ({
  type: 'DecideMatterLink',
  data: { caseIds, decision, at: when },
});

describe('a same-matter suggestion decided', () => {
  it('is named by its cases, in any order', () => {
    expect(matterLinkId(['c2', 'c1'])).toBe(matterLinkId(['c1', 'c2']));
    expect(matterLinkId(['c1', 'c2'])).not.toBe(matterLinkId(['c1', 'c3']));
    expect(matterLinkId(['c1', 'c2'])).toMatch(/^[0-9a-f]{16}$/);
    expect(aggregateOfStream(matterLinkStream(matterLinkId(['c1', 'c2'])))).toBe('matter');
  });

  it('records the decision with the cases sorted; a later one takes over from its time on', () => {
    const linkId = matterLinkId(['c1', 'c2']);
    const confirmed = { type: 'MatterLinkDecided' as const, data: { linkId, caseIds: ['c1', 'c2'], decision: 'confirmed' as const, at } };
    expectEvents(spec.given([]).when(decide(['c2', 'c1'], 'confirmed')), [confirmed]);
    const later = '2024-10-09T09:00:00+08:00';
    const dismissed = { type: 'MatterLinkDecided' as const, data: { linkId, caseIds: ['c1', 'c2'], decision: 'dismissed' as const, at: later } };
    expectEvents(spec.given([confirmed]).when(decide(['c1', 'c2'], 'dismissed', later)), [dismissed]);
    const state = fold(matterLinkDecider, [confirmed, dismissed]);
    expect(matterLinkDecisionAt(state, '2024-10-08T23:00:00+08:00')).toBe('confirmed');
    expect(matterLinkDecisionAt(state, later)).toBe('dismissed');
    expect(matterLinkDecisionAt(state, '2024-10-07T00:00:00+08:00')).toBeUndefined();
  });

  it('refuses a case listed twice', () => {
    expectRefusal(spec.given([]).when(decide(['c1', 'c1'], 'confirmed')), 'duplicateCase');
  });

  it('names a bad body field: too few cases, an unknown decision', () => {
    const paths = (input: unknown) => {
      const result = decodeWith(DecideMatterLinkBody, input);
      return isRight(result) ? [] : result.left.map((e) => e.path);
    };
    expect(paths({ caseIds: ['c1'], decision: 'confirmed', at })).toEqual(['caseIds']);
    expect(paths({ caseIds: ['c1', 'c2'], decision: 'merged', at })).toEqual(['decision']);
  });
});
