export * from './overview.repository';
export * from './reporting.module';
