import { openAppDatabase, siblingPath, verifyLog } from '@xinfang/api';
import { createSqliteEventStore } from '@xinfang/store-sqlite';

/* The subject of the verify figure: what `xinfang verify` does — the keyed hash chain over the whole log. */

export const verifyAll = async (args: { path: string }) => {
  const database = openAppDatabase(siblingPath(args.path, '.app.db'));
  const keying = await database.chain.keying();
  await database.close();
  const store = createSqliteEventStore({ path: args.path });
  const started = performance.now();
  const result = await verifyLog(store, keying);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  if (!result.ok) throw new Error(`verify: the dataset's chain breaks at ${result.firstBrokenPosition}`);
  return { seconds, count: result.checked };
};
