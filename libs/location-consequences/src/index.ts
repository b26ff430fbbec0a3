export * from './certificate-planning-consequences';
export * from './location-consequences.module';
