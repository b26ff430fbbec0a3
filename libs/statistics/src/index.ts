export * from './statistics-input';
export * from './statistics.exception';
export * from './statistics.repository';
export * from './statistics.service';
export * from './statistics.module';
