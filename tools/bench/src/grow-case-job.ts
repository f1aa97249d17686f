import { randomUUID } from 'node:crypto';
import { openAppDatabase, openKeyedLog, siblingPath } from '@xinfang/api';
import type { NewEvent } from '@xinfang/event-store';
import { isLeft } from 'fp-ts/Either';

/*
 * Setup of the big-case figure: a case grown to `events` events. Made through the API one command at a time
 * it would take hours where a command's cost grows with its stream (the very thing measured), so the case
 * is registered and given one progress note through the API, and that `ProgressRecorded` event is appended
 * again to the case's stream through the store (keyed chain, new event and command ids, 1,000 to an
 * append) until the stream is long enough. Not timed.
 */

const BATCH = 1000;

export const growCase = async (args: { path: string; streamId: string; events: number }) => {
  const database = openAppDatabase(siblingPath(args.path, '.app.db'));
  const store = await openKeyedLog(database, { path: args.path });
  const started = performance.now();
  try {
    const stream = await store.readStream(args.streamId);
    const template = [...stream].reverse().find((e) => e.type === 'ProgressRecorded');
    if (template === undefined) throw new Error(`growCase: ${args.streamId} has no ProgressRecorded event to repeat`);
    let revision = stream.length;
    while (revision < args.events) {
      const n = Math.min(BATCH, args.events - revision);
      const events: NewEvent[] = Array.from({ length: n }, () => {
        const commandId = randomUUID();
        return {
          type: template.type,
          data: template.data,
          meta: {
            eventId: randomUUID(),
            occurredAt: template.meta.occurredAt,
            actor: template.meta.actor,
            commandId,
            ...(template.meta.commandType === undefined ? {} : { commandType: template.meta.commandType }),
            correlationId: commandId,
            causationId: commandId,
            schemaVersion: template.meta.schemaVersion,
          },
        };
      });
      const result = await store.append(args.streamId, events, { expectedRevision: revision });
      if (isLeft(result)) throw new Error(`growCase: conflict on ${args.streamId} at revision ${revision}`);
      revision = result.right.revision;
    }
    return { seconds: (performance.now() - started) / 1000, count: revision };
  } finally {
    await store.close();
    await database.close();
  }
};
