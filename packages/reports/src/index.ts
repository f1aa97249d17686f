export * from './format';
export * from './forms';
export * from './csv';
export * from './xlsx';
export * from './text-lines';
export * from './ledger-table';
