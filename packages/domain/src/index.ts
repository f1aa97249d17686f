export * from './errors';
export * from './decider';
export * from './time';
export * from './codecs';
export * from './vocabulary';
export * from './validation';
