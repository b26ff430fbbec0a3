export * from './locatieserver';
export * from './address-lookup.client';
export * from './address-lookup.module';
