export * from './objection-input';
export * from './objection.entity';
export * from './objection.exception';
export * from './objection.repository';
export * from './objection.service';
export * from './objections.module';
export * from './objection-notice.port';
