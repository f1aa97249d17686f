import { runEventStoreConformance, runRecordedAtConformance } from './conformance';
import { createMemoryEventStore } from './memory-store';

const makeStore = async (options: Parameters<typeof createMemoryEventStore>[0]) => {
  const store = createMemoryEventStore(options);
  return { store, dispose: () => store.close() };
};

runEventStoreConformance('memory', makeStore);
runRecordedAtConformance('memory', makeStore);
