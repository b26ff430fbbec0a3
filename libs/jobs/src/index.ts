export * from './job-processor';
export * from './worker.service';
export * from './worker.module';
