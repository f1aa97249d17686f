import type { EventStore } from '@xinfang/event-store';
import type { ProjectionRunner } from '@xinfang/projections';

/*
 * A command that looks something up in the read models before it writes (an id number's person, a dutyId's
 * roster) needs them to hold the whole log. Normally the runner is waited for; while it is failing (it
 * tries again by itself) the command is not refused for it: the caller looks up through the tail instead —
 * the stored documents with the events since their checkpoint applied in memory (tail-docs.ts).
 */

/** True once the read models hold the log's head; false while the runner is failing (look up through the tail). */
export const readModelsCurrent = async ({ runner, store }: { runner: ProjectionRunner; store: EventStore }): Promise<boolean> => {
  try {
    await runner.waitFor(await store.headPosition());
    return true;
  } catch (error) {
    if (runner.status().state !== 'failed') throw error;
    return false;
  }
};
