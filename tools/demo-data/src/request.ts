import { MINUTE, iso } from './clock';

/** One HTTP request of the campaign, as the CLI replays it against the app (paths are under `/api/v1`). */
export interface DemoRequest {
  /** When it was typed in: the app's clock is set to this instant before the request. */
  readonly recordedAt: string;
  readonly method: 'POST' | 'DELETE';
  /** E.g. `/api/v1/cases/c-000123/assignment`. */
  readonly path: string;
  readonly body?: unknown;
}

/** The base path of API.md. */
export const API_BASE = '/api/v1';

/** A request without its time: what a step makes when it is emitted. */
export type RequestBody = Omit<DemoRequest, 'recordedAt'>;

export const post = (path: string, body: unknown): RequestBody => ({ method: 'POST', path: `${API_BASE}${path}`, body });

/** One step of a stream of requests: when it is typed in, and how to make it (a case plan's are made when it is settled). */
export interface Step {
  readonly r: number;
  readonly make: () => RequestBody;
}

export const emit = (step: Step): DemoRequest => ({ recordedAt: iso(step.r), ...step.make() });

/**
 * The steps of one thing (a case, a roster, an inspection) in the order they must reach the app. Business
 * times never go backwards within it, and neither do recording times; a step that would be typed in after
 * the campaign's end is dropped with every step after it, so a case simply stands where it was at the end.
 */
export class Plan {
  readonly steps: Step[] = [];
  /** The business time of the last step. */
  t = Number.NEGATIVE_INFINITY;
  /** The recording time of the last step. */
  r = Number.NEGATIVE_INFINITY;
  /** A step fell after the end: nothing more is added. */
  cut = false;

  /**
   * @param end the last instant of the campaign
   * @param gap how far a step's business time is moved past the previous one's when it is not later
   */
  constructor(
    readonly end: number,
    readonly gap: number = MINUTE,
  ) {}

  /**
   * Adds a step that happened at `t` (moved to a minute after the previous step when earlier) and was typed
   * in at `recordAt(t)` (never before `t`, nor before the previous step). Returns the business time used,
   * or undefined when the step is past the end.
   */
  add(t: number, make: (t: number) => RequestBody, recordAt: (t: number) => number): number | undefined {
    if (this.cut) return undefined;
    const business = Math.max(t, this.t + this.gap);
    const recorded = Math.max(this.r, business, recordAt(business));
    if (recorded > this.end) {
      this.cut = true;
      return undefined;
    }
    this.t = business;
    this.r = recorded;
    this.steps.push({ r: recorded, make: () => make(business) });
    return business;
  }

  /**
   * Makes every step's request now that the plan is complete, and keeps the requests instead of the
   * functions that make them. Those functions hold the planner's whole scope (and, run under tsx, each
   * named helper in it carries its own property dictionary for its name): about 12 KB per case in flight,
   * against a few hundred bytes per request. The requests are the same as made at emission: a step's
   * request depends only on what is settled once the plan is complete, and draws from streams of its own
   * case, in step order either way.
   */
  settle(): this {
    for (const [i, step] of this.steps.entries()) {
      const made = step.make();
      this.steps[i] = { r: step.r, make: () => made };
    }
    return this;
  }
}

/** A min-heap of step streams, ordered by the next step's recording time, then by when they were queued. */
export class StepQueue {
  private readonly heap: { r: number; order: number; plan: Plan; index: number }[] = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Queues the steps of `plan` (nothing when it has none). */
  push(plan: Plan): void {
    const first = plan.steps[0];
    if (first !== undefined) this.insert({ r: first.r, order: this.order++, plan, index: 0 });
  }

  /** The recording time of the next step, or +∞. */
  peek(): number {
    return this.heap[0]?.r ?? Number.POSITIVE_INFINITY;
  }

  /** Takes the next step when it is recorded before `limit`. */
  popBefore(limit: number): Step | undefined {
    return this.peek() < limit ? this.pop() : undefined;
  }

  /** Takes the next step; its stream is queued again at its following step. */
  pop(): Step | undefined {
    const top = this.heap[0];
    if (top === undefined) return undefined;
    const step = top.plan.steps[top.index] as Step;
    const last = this.heap.pop();
    if (this.heap.length > 0 && last !== undefined) {
      this.heap[0] = last;
      this.down(0);
    }
    const next = top.plan.steps[top.index + 1];
    if (next !== undefined) this.insert({ r: next.r, order: this.order++, plan: top.plan, index: top.index + 1 });
    return step;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    if (x === undefined || y === undefined) return false;
    return x.r < y.r || (x.r === y.r && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a];
    const y = this.heap[b];
    if (x === undefined || y === undefined) return;
    this.heap[a] = y;
    this.heap[b] = x;
  }

  private insert(item: { r: number; order: number; plan: Plan; index: number }): void {
    this.heap.push(item);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.less(left, smallest)) smallest = left;
      if (right < this.heap.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
