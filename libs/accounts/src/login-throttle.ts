import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException, Clock } from '@keurmerk/common';
import { LoginFailureRepository } from './login-failure.repository';

/** 429: too many failed sign-ins; the problem filter turns `retryAfterSeconds` into Retry-After. */
export class LoginThrottledException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super(AppErrorCode.RateLimited, `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  }
}

interface Subject {
  hash: string;
  limit: number;
}

/**
 * Slows password guessing: after too many failed sign-ins within the window for one e-mail address,
 * or from one client address, sign-in is refused (429) until the oldest of them leaves the window.
 * Failures are rows in the database, so every API process counts the same ones; an unknown e-mail
 * address is counted like a known one, so the throttle tells nobody which accounts exist.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly failures: LoginFailureRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Throws LoginThrottledException while the account or the address is over its limit. */
  async check(email: string, client?: string): Promise<void> {
    let wait = 0;
    for (const subject of this.subjects(email, client)) wait = Math.max(wait, await this.secondsUntilAllowed(subject));
    if (wait > 0) throw new LoginThrottledException(wait);
  }

  async recordFailure(email: string, client?: string): Promise<void> {
    const now = this.clock.now();
    // Pruning here keeps the table to one window of failures, without a scheduled job.
    await this.failures.deleteUntil(this.windowStart(now));
    for (const subject of this.subjects(email, client)) await this.failures.insert(subject.hash, now);
  }

  /** A successful sign-in forgives the account's failures; the address's stay counted. */
  async recordSuccess(email: string): Promise<void> {
    await this.failures.deleteForSubject(subjectHash('account', normaliseEmail(email)));
  }

  private subjects(email: string, client?: string): Subject[] {
    const limits = this.config.loginThrottle;
    return [
      { hash: subjectHash('account', normaliseEmail(email)), limit: limits.maxFailuresPerAccount },
      ...(client ? [{ hash: subjectHash('address', client), limit: limits.maxFailuresPerAddress }] : []),
    ];
  }

  /** Zero when under the limit; otherwise until the failure that made the limit full leaves the window. */
  private async secondsUntilAllowed(subject: Subject): Promise<number> {
    const now = this.clock.now();
    const limiting = await this.failures.nthNewestSince(subject.hash, this.windowStart(now), subject.limit - 1);
    if (!limiting) return 0;
    const allowedAt = limiting.getTime() + this.config.loginThrottle.windowSeconds * 1000;
    return Math.max(1, Math.ceil((allowedAt - now.getTime()) / 1000));
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.config.loginThrottle.windowSeconds * 1000);
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function subjectHash(kind: 'account' | 'address', value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('hex');
}
