import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '../testing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test PostgreSQL of this run (see `startTestPostgres`). */
    readonly xinfangPgUrl: string;
  }
}

/** One PostgreSQL for the whole test run of the package: started before the first test file, stopped after the last. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('xinfangPgUrl', postgres.url);
  return postgres.stop;
}
