import { runEventStoreConformance } from './conformance';
import { createMemoryEventStore } from './memory-store';

runEventStoreConformance('memory', async () => {
  const store = createMemoryEventStore();
  return { store, dispose: () => store.close() };
});
