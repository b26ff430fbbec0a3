export * from './norm-version.entity';
export * from './norm-version.service';
export * from './norm-versions.module';
