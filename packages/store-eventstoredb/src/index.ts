export * from './errors';
export * from './eventstoredb-store';
export * from './metadata';
export * from './revision';
export * from './stream-name';
