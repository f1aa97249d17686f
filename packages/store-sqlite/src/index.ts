export { SCHEMA_VERSION } from './schema';
export * from './sqlite-store';
