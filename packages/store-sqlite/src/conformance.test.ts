import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEventStoreConformance, runRecordedAtConformance } from '@xinfang/event-store/conformance';
import type { Clock } from '@xinfang/event-store';
import { afterAll } from 'vitest';
import { createSqliteEventStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'xinfang-store-sqlite-conformance-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const makeStore = async ({ clock }: { readonly clock?: Clock }) => {
  const store = createSqliteEventStore({ path: join(dir, `store-${++n}.db`), ...(clock === undefined ? {} : { clock }) });
  return { store, dispose: () => store.close() };
};

runEventStoreConformance('sqlite', makeStore);
runRecordedAtConformance('sqlite', makeStore);

