export * from './errors';
export * from './metadata';
export * from './revision';
export * from './stream-name';
