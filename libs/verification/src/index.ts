export * from './verification.types';
export * from './verification-cache';
export * from './change-listener';
export * from './verification.service';
export * from './verification.module';
export * from './document-check.service';
export * from './public-register.service';
