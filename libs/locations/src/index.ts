export * from './location.entities';
export * from './location-input';
export * from './location-visibility';
export * from './location.service';
export * from './application.service';
export * from './locations.module';
