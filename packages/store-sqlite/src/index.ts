export { SCHEMA_VERSION } from './schema';
export * from './sqlite-store';
export type { EventRow } from './event-row';
