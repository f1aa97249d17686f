import { openServices } from '@xinfang/api';
import { logBoundsProjection, worldProjections } from '@xinfang/projections';
import pino from 'pino';

/*
 * The subject of the rebuild figure: the pass `xinfang rebuild` runs — open the app's services on the store
 * (file read models beside the log, caught up already: `prepareReadModels` ran first), then rebuild every
 * projection the app runs, through the public runner (`rebuildAll`), in place (`xinfang rebuild` runs it
 * into a new file beside the served one and swaps). RSS is sampled as the rebuild goes, to show whether
 * it grows with the part of the log read so far.
 */

const names = [...worldProjections, logBoundsProjection].map((p) => p.name);
const mb = (): number => process.memoryUsage().rss / 1024 / 1024;

/** Opens the services once, so that the read models exist and are caught up before any timed round. */
export const prepareReadModels = async (args: { path: string }) => {
  const started = performance.now();
  const services = await openServices({ storePath: args.path, logger: pino({ level: 'silent' }) });
  const position = services.runner.position();
  await services.close();
  return { seconds: (performance.now() - started) / 1000, position };
};

export const rebuildAll = async (args: { path: string }) => {
  const services = await openServices({ storePath: args.path, logger: pino({ level: 'silent' }) });
  const head = await services.store.headPosition();
  const rssAt: Record<string, number> = {};
  const started = performance.now();
  try {
    // What `xinfang rebuild` runs: every projection in one pass over the log. RSS at a quarter, half and
    // all of the log.
    await services.runner.rebuildAll((progress) => {
      if (progress.head === 0) return;
      const done = progress.position / progress.head;
      for (const mark of [0.25, 0.5, 1]) if (done >= mark && rssAt[mark] === undefined) rssAt[mark] = mb();
    });
  } finally {
    await services.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, count: head, projections: names.length, rssAt };
};
