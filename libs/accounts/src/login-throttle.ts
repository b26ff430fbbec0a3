import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException, Clock } from '@keurmerk/common';
import { EntityManager } from 'typeorm';
import { LoginFailureRepository } from './login-failure.repository';

/** 429: too many failed sign-ins; the problem filter turns `retryAfterSeconds` into Retry-After. */
export class LoginThrottledException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super(AppErrorCode.RateLimited, `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
  }
}

/** A counted attempt: the rows that count it, one per subject (account, address). */
export interface LoginAttempt {
  email: string;
  ids: string[];
}

interface Subject {
  hash: string;
  limit: number;
}

/**
 * Slows password guessing: after too many failed sign-ins within the window for one e-mail address,
 * or from one client address, sign-in is refused (429) until the oldest of them leaves the window.
 * Attempts are rows in the database (counted before the password is checked, taken back when it was
 * right), so every API process counts the same ones; an unknown e-mail
 * address is counted like a known one, so the throttle tells nobody which accounts exist.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly failures: LoginFailureRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts a sign-in attempt before its password is checked, or throws LoginThrottledException while
   * the account or the address is over its limit. Check and count are one step under a per-subject
   * lock (a transaction-scoped advisory lock), so parallel attempts cannot all pass the check before
   * any of them is counted: 30 parallel guesses with a limit of 5 get 5 passwords evaluated, not 10.
   * Every attempt is counted as a failure until `recordSuccess` takes it back.
   */
  async begin(email: string, client?: string): Promise<LoginAttempt> {
    const subjects = this.subjects(email, client).sort((a, b) => (a.hash < b.hash ? -1 : 1));
    const now = this.clock.now();
    const ids = await this.failures.transaction(async (manager) => {
      // Locks in one order (by hash), so two attempts on the same account and address cannot deadlock.
      for (const subject of subjects) await this.failures.lockSubject(manager, subject.hash);
      let wait = 0;
      for (const subject of subjects) wait = Math.max(wait, await this.secondsUntilAllowed(subject, now, manager));
      if (wait > 0) throw new LoginThrottledException(wait);
      const inserted: string[] = [];
      for (const subject of subjects) inserted.push(await this.failures.insert(subject.hash, now, manager));
      return inserted;
    });
    return { email, ids };
  }

  /** The attempt failed: it stays counted. Pruning here keeps the table to one window of failures, without a scheduled job. */
  async recordFailure(): Promise<void> {
    await this.failures.deleteUntil(this.windowStart(this.clock.now()));
  }

  /** A successful sign-in forgives the account's failures and is itself not one; the address's earlier failures stay counted. */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.failures.deleteForSubject(subjectHash('account', normaliseEmail(attempt.email)), attempt.ids);
  }

  private subjects(email: string, client?: string): Subject[] {
    const limits = this.config.loginThrottle;
    return [
      { hash: subjectHash('account', normaliseEmail(email)), limit: limits.maxFailuresPerAccount },
      ...(client ? [{ hash: subjectHash('address', client), limit: limits.maxFailuresPerAddress }] : []),
    ];
  }

  /** Zero when under the limit; otherwise until the failure that made the limit full leaves the window. */
  private async secondsUntilAllowed(subject: Subject, now: Date, manager: EntityManager): Promise<number> {
    const limiting = await this.failures.nthNewestSince(subject.hash, this.windowStart(now), subject.limit - 1, manager);
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
