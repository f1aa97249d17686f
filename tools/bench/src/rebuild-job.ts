import { rmSync } from 'node:fs';
import { besidePaths, buildBeside, openServices } from '@xinfang/api';
import { logBoundsProjection, worldProjections } from '@xinfang/projections';
import pino from 'pino';

/*
 * The subject of the rebuild figure: what `xinfang rebuild` runs — every projection the app runs built in one
 * pass of the runner (`rebuildAll`) into a new file beside the served read models (`buildBeside`), which a
 * server would then swap in; here the new file is deleted afterwards. No server is open meanwhile (its query
 * workers would hold the live states, which are not the rebuild's). RSS is sampled as the rebuild goes, to
 * show whether it grows with the part of the log read so far.
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
  const rssAt: Record<string, number> = {};
  let head = 0;
  const started = performance.now();
  const projections = [...worldProjections, logBoundsProjection];
  try {
    await buildBeside({
      storePath: args.path,
      projections,
      onProgress: (progress) => {
        head = progress.head;
        if (progress.head === 0) return;
        const done = progress.position / progress.head;
        for (const mark of [0.25, 0.5, 1]) if (done >= mark && rssAt[mark] === undefined) rssAt[mark] = mb();
      },
    });
  } finally {
    const { ready } = besidePaths(args.path);
    for (const suffix of ['', '-wal', '-shm']) rmSync(ready + suffix, { force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, count: head, projections: names.length, rssAt };
};
