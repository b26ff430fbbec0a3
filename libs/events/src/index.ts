export * from './chain';
export * from './event-log';
export * from './events.module';
