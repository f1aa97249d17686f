/** What one write of a group came to: its value, or the error that refused it alone. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface GroupCommit<Item, Result> {
  /** Queues `item` for the next group; resolves once the group holding it has committed. */
  readonly submit: (item: Item) => Promise<Result>;
  /** Resolves when nothing is queued any more (every write submitted so far has been committed and synced, or refused). */
  readonly drained: () => Promise<void>;
}

export interface GroupCommitOptions {
  /** The most writes one transaction takes; the rest go into the next one, at once. Default 256. */
  readonly maxGroup?: number;
  /**
   * Makes what was committed so far durable (syncs it to disk), off the event loop; called after each group's
   * commit, whose writes are acknowledged only once it has resolved (and refused if it rejects). Meanwhile the
   * event loop runs on, and the writes that arrive make the next group. Without it, `commitGroup` must sync.
   */
  readonly durable?: () => Promise<void>;
}

const DEFAULT_MAX_GROUP = 256;

/**
 * Group commit: the writes submitted while the event loop is busy go into one transaction with one sync to
 * disk, instead of each paying its own. `commitGroup` is synchronous (better-sqlite3): it writes the items in
 * order and commits, returning each item's outcome, or throws when the group as a whole failed (nothing
 * written). Each caller's promise settles only after `commitGroup` has returned (and, with `durable`, after
 * the sync that follows it), so no write is acknowledged before it is on disk.
 *
 * The group is flushed from `setImmediate`: a lone write waits one turn of the event loop, while writes that
 * arrive together (the requests read from the sockets in one poll phase, which run up to their append in
 * microtasks) are flushed together. While one group is being synced, the next group is whatever arrived
 * meanwhile: the busier the store, the larger the groups.
 */
export const groupCommit = <Item, Result>(
  commitGroup: (items: readonly Item[]) => readonly Settled<Result>[],
  options: GroupCommitOptions = {},
): GroupCommit<Item, Result> => {
  const maxGroup = options.maxGroup ?? DEFAULT_MAX_GROUP;
  if (!(Number.isSafeInteger(maxGroup) && maxGroup > 0)) throw new RangeError(`groupCommit: bad maxGroup ${maxGroup}`);
  interface Pending {
    readonly item: Item;
    readonly resolve: (result: Result) => void;
    readonly reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  let scheduled: Promise<void> | undefined;
  const syncing = new Set<Promise<void>>();

  const flush = (): void => {
    const group = queue.slice(0, maxGroup);
    queue = queue.slice(group.length);
    let outcomes: readonly Settled<Result>[];
    try {
      outcomes = commitGroup(group.map((p) => p.item));
      if (outcomes.length !== group.length) throw new Error(`groupCommit: ${outcomes.length} outcomes for ${group.length} writes`);
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    const settle = (): void =>
      group.forEach((pending, i) => {
        const outcome = outcomes[i] as Settled<Result>;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    if (options.durable === undefined) {
      settle();
      return;
    }
    const synced = options.durable().then(settle, (error: unknown) => {
      for (const pending of group) pending.reject(error);
    });
    syncing.add(synced);
    void synced.finally(() => syncing.delete(synced));
  };

  const schedule = (): Promise<void> =>
    (scheduled ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        scheduled = undefined;
        try {
          flush();
        } finally {
          // More than one group's worth was queued: the rest goes next, without waiting for new arrivals.
          if (queue.length > 0) void schedule();
          resolve();
        }
      });
    }));

  const drained = async (): Promise<void> => {
    while (scheduled !== undefined || syncing.size > 0) {
      if (scheduled !== undefined) await scheduled;
      await Promise.all(syncing);
    }
  };

  return {
    submit: (item) =>
      new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        void schedule();
      }),
    drained,
  };
};
