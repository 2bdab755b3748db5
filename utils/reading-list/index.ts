// The reading list: entries, storage (the only owner of its keys), queries, export/import and sync.
export * from './actions';
export * from './entry';
export * from './live';
export * from './preview';
export * from './query';
export * from './store';
export * from './sync';
export * from './tags';
export * from './transfer';
