import type { EntityManager } from 'typeorm';
import type { UserLanguage } from './account.entities';

/** What the person who asked for a reset must be sent: the link with the token, which is stored nowhere else. */
export interface PasswordResetNotice {
  userId: string;
  email: string;
  name: string;
  language: UserLanguage;
  token: string;
  expiresAt: Date;
}

/**
 * Sends the reset link, written in the transaction that stores the token's hash, so a link exists
 * exactly when its mail does. The process provides it (the mail feature); accounts know no mail.
 */
export abstract class PasswordResetMailer {
  abstract resetRequested(manager: EntityManager, notice: PasswordResetNotice): Promise<void>;
}
