import { randomBytes } from 'node:crypto';
import { runEventStoreConformance, runImportConformance, runRecordedAtConformance } from './conformance';
import { createMemoryEventStore } from './memory-store';

const makeStore = async (options: Parameters<typeof createMemoryEventStore>[0]) => {
  const store = createMemoryEventStore(options);
  return { store, dispose: () => store.close() };
};

runEventStoreConformance('memory', makeStore);
runEventStoreConformance('memory', makeStore, { chainKey: randomBytes(32) });
runRecordedAtConformance('memory', makeStore);
runImportConformance('memory', makeStore, { chainKey: randomBytes(32) });
