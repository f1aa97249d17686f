import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEventStoreConformance, runImportConformance, runRecordedAtConformance, type MakeStore } from '@xinfang/event-store/conformance';
import { afterAll } from 'vitest';
import { createSqliteEventStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'xinfang-store-sqlite-conformance-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const makeStore: MakeStore = async ({ clock, chainKey, storeId }) => {
  const store = createSqliteEventStore({
    path: join(dir, `store-${++n}.db`),
    ...(clock === undefined ? {} : { clock }),
    ...(chainKey === undefined ? {} : { chainKey }),
    ...(storeId === undefined ? {} : { storeId }),
  });
  return { store, dispose: () => store.close() };
};

runEventStoreConformance('sqlite', makeStore);
runEventStoreConformance('sqlite', makeStore, { chainKey: randomBytes(32) });
runRecordedAtConformance('sqlite', makeStore);

runImportConformance('sqlite', makeStore, { chainKey: randomBytes(32) });
