import { randomBytes } from 'node:crypto';
import { runEventStoreConformance, runImportConformance, runRecordedAtConformance, type MakeStore } from '@xinfang/event-store/conformance';
import { inject } from 'vitest';
import { createPostgresEventStore } from './postgres-store';
import { createTestSchema } from './testing';

const url = inject('xinfangPgUrl');

/** Each test's store is a fresh schema of the run's one database, dropped afterwards. */
const makeStore: MakeStore = async ({ clock, chainKey, storeId }) => {
  const { schema, drop } = createTestSchema(url);
  const store = await createPostgresEventStore({
    connectionString: url,
    schema,
    maxConnections: 4,
    ...(clock === undefined ? {} : { clock }),
    ...(chainKey === undefined ? {} : { chainKey }),
    ...(storeId === undefined ? {} : { storeId }),
  });
  return {
    store,
    dispose: async () => {
      await store.close();
      await drop();
    },
  };
};

runEventStoreConformance('postgres', makeStore);
runEventStoreConformance('postgres', makeStore, { chainKey: randomBytes(32) });
runRecordedAtConformance('postgres', makeStore);

runImportConformance('postgres', makeStore, { chainKey: randomBytes(32) });
