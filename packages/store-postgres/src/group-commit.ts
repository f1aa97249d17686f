/** What one write of a group came to: its value, or the error that refused it alone. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface GroupCommit<Item, Result> {
  /** Queues `item` for the next group; resolves once the group holding it has committed. */
  readonly submit: (item: Item) => Promise<Result>;
  /** Resolves when nothing is queued or being committed any more. */
  readonly drained: () => Promise<void>;
}

const DEFAULT_MAX_GROUP = 256;

/**
 * Group commit, as store-sqlite has it but asynchronous: the writes submitted while a group is being committed
 * (or within one turn of the event loop, for the first) go into the next transaction together. Writers of one
 * log serialise on its append lock anyway, so one transaction in flight per store loses nothing, and a busy
 * server pays one commit (one WAL flush) for many appends. `commitGroup` writes the items in order and commits,
 * returning each item's outcome, or rejects when the group as a whole failed (nothing written). Each caller's
 * promise settles only after `commitGroup` has resolved — after COMMIT — so no write is acknowledged before it
 * is durable.
 */
export const groupCommit = <Item, Result>(
  commitGroup: (items: readonly Item[]) => Promise<readonly Settled<Result>[]>,
  { maxGroup = DEFAULT_MAX_GROUP }: { readonly maxGroup?: number } = {},
): GroupCommit<Item, Result> => {
  if (!(Number.isSafeInteger(maxGroup) && maxGroup > 0)) throw new RangeError(`groupCommit: bad maxGroup ${maxGroup}`);
  interface Pending {
    readonly item: Item;
    readonly resolve: (result: Result) => void;
    readonly reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  let running: Promise<void> | undefined;

  const commitNext = async (): Promise<void> => {
    const group = queue.slice(0, maxGroup);
    queue = queue.slice(group.length);
    let outcomes: readonly Settled<Result>[];
    try {
      outcomes = await commitGroup(group.map((p) => p.item));
      if (outcomes.length !== group.length) throw new Error(`groupCommit: ${outcomes.length} outcomes for ${group.length} writes`);
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i] as Settled<Result>;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  };

  const start = (): void => {
    // A lone write waits one turn of the event loop, so that the requests read from the sockets together
    // (which run up to their append in microtasks) share its transaction.
    running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        while (queue.length > 0) {
          await commitNext();
          // The callers just acknowledged run on up to their next append (a server's next request, a worker's
          // next write) before the next group is taken: they join it instead of each making a group of one.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      })
      .finally(() => {
        running = undefined;
        if (queue.length > 0) start();
      });
  };

  return {
    submit: (item) =>
      new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running === undefined) start();
      }),
    drained: async () => {
      while (running !== undefined) await running;
    },
  };
};
