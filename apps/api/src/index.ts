export * from './app';
export * from './app-database';
export * from './log-verification';
export * from './open-services';
export * from './personal-data';
export * from './read-models-lock';
export * from './roles';
export * from './services';
