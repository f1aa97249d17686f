export * from './view';
export * from './world';
