export * from './norm-version.entity';
export * from './norm-version.service';
export * from './norm-versions.module';
export * from './norm-version.exception';
export * from './norm-version.repository';
