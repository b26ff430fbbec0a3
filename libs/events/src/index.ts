export * from './chain';
export * from './event-log';
export * from './event-log.repository';
export * from './events.module';
