export { SCHEMA_VERSION } from './schema';
export * from './postgres-store';
