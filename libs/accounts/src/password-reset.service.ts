import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@keurmerk/common';
import { EventLog, PUBLIC_ACTOR } from '@keurmerk/events';
import { assertAcceptablePassword } from './password-policy';
import { normaliseEmail } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordResetException, PasswordResetExceptionCode } from './password-reset.exception';
import { PasswordResetMailer } from './password-reset.port';
import { PasswordResetRepository } from './password-reset.repository';
import { UserRepository } from './user.repository';
import { WebSessionRepository } from './web-session.repository';

/** A reset link works this long. */
export const PASSWORD_RESET_VALIDITY_MS = 60 * 60 * 1000;
/** Links one account may be sent an hour; more requests are answered the same and send nothing. */
export const PASSWORD_RESETS_PER_HOUR = 3;
/**
 * Every request takes at least this long, whether the address is known or not, so the time of the
 * answer tells nobody which addresses have an account (the known one writes a link and a mail).
 */
export const PASSWORD_RESET_ANSWER_FLOOR_MS = 250;
/** The token in the link: 32 random bytes, base64url. */
export const PASSWORD_RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function passwordResetTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Password reset by e-mail: a single-use link, valid an hour, stored only as its hash. Asking answers
 * the same for every address; using the link sets the password and ends the user's web sessions and
 * access tokens.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly sessions: WebSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly mailer?: PasswordResetMailer,
  ) {}

  /** Sends a link if the address has an active account; resolves the same, after the same floor, either way. */
  async request(email: string): Promise<void> {
    // Wall time, not business time: this is about how long the answer takes.
    const started = performance.now();
    try {
      await this.sendLink(email);
    } finally {
      const left = PASSWORD_RESET_ANSWER_FLOOR_MS - (performance.now() - started);
      if (left > 0) await delay(left);
    }
  }

  private async sendLink(email: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = passwordResetTokenHash(token);
    const user = await this.users.findByEmail(normaliseEmail(email));
    if (!user || !user.active) return;
    if (!this.mailer) {
      this.logger.warn('A password reset was asked for, but this process sends no mail');
      return;
    }
    const mailer = this.mailer;
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      if ((await this.resets.countSince(manager, user.id, new Date(now.getTime() - 60 * 60 * 1000))) >= PASSWORD_RESETS_PER_HOUR) return;
      const expiresAt = new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MS);
      await this.resets.insert(manager, { tokenHash, userId: user.id, createdAt: now, expiresAt });
      await mailer.resetRequested(manager, {
        userId: user.id,
        email: user.email,
        name: user.name,
        language: user.language,
        token,
        expiresAt,
      });
      await this.events.append(manager, {
        actor: PUBLIC_ACTOR,
        entityType: 'user',
        entityId: user.id,
        action: 'password-reset-requested',
        after: { expiresAt },
      });
    });
  }

  /** Sets the new password with a link's token: once, within the hour; ends every session and token of the user. */
  async complete(token: string, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'nieuwWachtwoord');
    if (!PASSWORD_RESET_TOKEN_PATTERN.test(token)) throw unknownToken();
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (manager) => {
      const reset = await this.resets.lock(manager, passwordResetTokenHash(token));
      if (!reset) throw unknownToken();
      if (reset.usedAt) throw new PasswordResetException(PasswordResetExceptionCode.Used, 'This reset link has been used already.');
      const now = this.clock.now();
      if (reset.expiresAt.getTime() <= now.getTime()) {
        throw new PasswordResetException(PasswordResetExceptionCode.Expired, 'This reset link has expired.');
      }
      const user = await this.users.lockById(manager, reset.userId);
      if (!user || !user.active) throw unknownToken();
      // A new credential generation: every access token issued before this stops at its next request.
      await this.users.update(manager, user.id, { passwordHash }, true);
      await this.resets.useAll(manager, user.id, now);
      await this.sessions.deleteForUser(manager, user.id);
      // Never the password or its hash.
      await this.events.append(manager, {
        actor: { kind: 'person', id: user.id },
        entityType: 'user',
        entityId: user.id,
        action: 'password-reset',
        after: { sessionsEnded: true, tokensEnded: true },
      });
    });
  }
}

function unknownToken(): PasswordResetException {
  return new PasswordResetException(PasswordResetExceptionCode.UnknownToken, 'No reset link has this token.');
}
