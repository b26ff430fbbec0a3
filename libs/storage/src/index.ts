export * from './embedded-s3';
export * from './object-storage';
