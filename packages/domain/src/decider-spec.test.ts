import { left, right } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { Decider } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import { domainError } from './errors';

// A counter that may not go above 2: the smallest decider with both an acceptance and a refusal.
type Command = { type: 'Increment'; data: { by: number } };
type Event = { type: 'Incremented'; data: { by: number; note?: string } };
const counter: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) =>
    state + command.data.by > 2
      ? left(domainError('tooMany', '超过上限', 'over the limit', { state }))
      : right([{ type: 'Incremented', data: { by: command.data.by } }]),
};
const spec = deciderSpec(counter);
const incremented = (by: number): Event => ({ type: 'Incremented', data: { by } });

describe('deciderSpec', () => {
  it('folds the given events before deciding', () => {
    expect(expectEvents(spec.given([incremented(1)]).when({ type: 'Increment', data: { by: 1 } }))).toEqual([
      incremented(1),
    ]);
    expectRefusal(spec.given([incremented(1), incremented(1)]).when({ type: 'Increment', data: { by: 1 } }), 'tooMany');
  });

  it('expectEvents compares the exact events, whatever the key order', () => {
    const result = spec.given([]).when({ type: 'Increment', data: { by: 2 } });
    expect(() => expectEvents(result, [{ data: { by: 2 }, type: 'Incremented' }])).not.toThrow();
    expect(() => expectEvents(result, [incremented(1)])).toThrow(
      /expected events:[\s\S]*"by": 1[\s\S]*but got:[\s\S]*"by": 2/,
    );
    expect(() => expectEvents(result, [])).toThrow(/but got/);
  });

  it('expectEvents tells a key set to undefined from a missing key', () => {
    const result = spec.given([]).when({ type: 'Increment', data: { by: 1 } });
    expect(() => expectEvents(result, [{ type: 'Incremented', data: { by: 1, note: undefined } }])).toThrow(
      /«undefined»/,
    );
  });

  it('expectEvents throws with the refusal when the command was refused', () => {
    const result = spec.given([incremented(2)]).when({ type: 'Increment', data: { by: 1 } });
    expect(() => expectEvents(result)).toThrow(/refused[\s\S]*tooMany[\s\S]*over the limit/);
  });

  it('expectRefusal returns the error, and throws on events or another code', () => {
    const refused = spec.given([incremented(2)]).when({ type: 'Increment', data: { by: 1 } });
    expect(expectRefusal(refused, 'tooMany').details).toEqual({ state: 2 });
    expect(() => expectRefusal(refused, 'other')).toThrow(/expected refusal "other", but got[\s\S]*tooMany/);
    const accepted = spec.given([]).when({ type: 'Increment', data: { by: 1 } });
    expect(() => expectRefusal(accepted, 'tooMany')).toThrow(/expected refusal "tooMany", but got events/);
  });
});
