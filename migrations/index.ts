import { Accounts1764300000000 } from './1764300000000-accounts';

/** Every migration, oldest first. Listed by hand: a glob that matches nothing would silently mean "up to date". */
export const MIGRATIONS = [Accounts1764300000000];
