export * from './logger';
export * from './runtime';
export * from './core.module';
