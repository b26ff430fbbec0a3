export * from './principal';
export * from './account.entities';
export * from './password-hasher';
export * from './token.service';
export * from './municipality.service';
export * from './account.service';
export * from './api-key.service';
export * from './accounts.module';
