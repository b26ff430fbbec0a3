export * from './embedded-postgres';
export * from './data-source';
export * from './migrator';
export * from './unavailable';
export * from './unique-violation';
