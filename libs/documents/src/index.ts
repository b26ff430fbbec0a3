export * from './file-type';
export * from './document.entity';
export * from './document.service';
export * from './documents.module';
