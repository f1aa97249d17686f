import { randomBytes, randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { runEventStoreConformance, runImportConformance, runRecordedAtConformance, type MakeStore } from '@xinfang/event-store/conformance';
import { afterAll, describe } from 'vitest';
import { createEventStoreDbStore } from './eventstoredb-store';

/*
 * The conformance suite against a real EventStoreDB / KurrentDB named by XINFANG_ESDB_URL (see README.md:
 * `docker run … kurrentplatform/kurrentdb`, or a 3-node cluster). None is started here: without the variable
 * the suite is skipped, and says so.
 */

const url = process.env['XINFANG_ESDB_URL'];
if (url === undefined || url === '') {
  console.info('store-eventstoredb: conformance suite skipped — set XINFANG_ESDB_URL (e.g. esdb://localhost:2113?tls=false) to run it against a server');
}

let client: EventStoreDBClient | undefined;
afterAll(async () => {
  await client?.dispose();
});

/** Each test's store is a log of its own on the one server: streams under a fresh prefix (left on the server afterwards). */
const makeStore: MakeStore = async ({ clock, chainKey, storeId }) => {
  client ??= EventStoreDBClient.connectionString(url ?? '');
  const store = await createEventStoreDbStore({
    client,
    prefix: `t${randomUUID().replaceAll('-', '')}-`,
    pollIntervalMs: 200,
    ...(clock === undefined ? {} : { clock }),
    ...(chainKey === undefined ? {} : { chainKey }),
    ...(storeId === undefined ? {} : { storeId }),
  });
  return { store, dispose: () => store.close() };
};

describe.skipIf(url === undefined || url === '')('store-eventstoredb against XINFANG_ESDB_URL', () => {
  runEventStoreConformance('eventstoredb', makeStore);
  runEventStoreConformance('eventstoredb', makeStore, { chainKey: randomBytes(32) });
  runRecordedAtConformance('eventstoredb', makeStore);
  runImportConformance('eventstoredb', makeStore, { chainKey: randomBytes(32) });
});
