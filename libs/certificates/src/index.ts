export * from './certificate-number';
export * from './certificate-lifecycle';
export * from './certificate.entities';
export * from './key-ring.provider';
export * from './certificate.service';
export * from './certificate-certification';
export * from './certificate.processors';
export * from './certificates.module';
