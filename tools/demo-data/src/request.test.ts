import { describe, expect, it } from 'vitest';
import { MINUTE } from './clock';
import { Plan, StepQueue, emit, post } from './request';

/*
 * A case plan's requests are made once the plan is complete (`settle`): each step's request is made once,
 * as it would be made at emission, and the steps keep their recording times.
 */

describe('Plan.settle', () => {
  it('makes each step once, with what the plan settled after the step was added, and keeps the times', () => {
    const made: number[] = [];
    const plan = new Plan(1_000 * MINUTE);
    let deadline = 0;
    plan.add(10 * MINUTE, (t) => (made.push(t), post('/cases/c-1/assignment', { at: t, deadline })), (t) => t + 5 * MINUTE);
    plan.add(20 * MINUTE, (t) => (made.push(t), post('/cases/c-1/notice', { at: t, deadline })), (t) => t);
    deadline = 42; // decided after the step that names it, before the plan is complete
    const lazy = plan.steps.map((step) => ({ r: step.r, request: step.make() }));
    made.length = 0;
    plan.settle();
    expect(made).toEqual([10 * MINUTE, 20 * MINUTE]);
    expect(plan.steps.map((step) => ({ r: step.r, request: step.make() }))).toEqual(lazy);
    expect(made).toHaveLength(2);
    const queue = new StepQueue();
    queue.push(plan);
    const emitted = [queue.pop(), queue.pop()].map((step) => step && emit(step));
    expect(emitted.map((request) => request?.body)).toEqual([
      { at: 10 * MINUTE, deadline: 42 },
      { at: 20 * MINUTE, deadline: 42 },
    ]);
    expect(queue.pop()).toBeUndefined();
  });
});
