import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException, Clock } from '@keurmerk/common';

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
    @InjectDataSource() private readonly db: DataSource,
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
    const ids = await this.db.transaction(async (manager) => {
      // Locks in one order (by hash), so two attempts on the same account and address cannot deadlock.
      for (const subject of subjects) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [subject.hash]);
      let wait = 0;
      for (const subject of subjects) wait = Math.max(wait, await this.secondsUntilAllowed(subject, manager.query.bind(manager)));
      if (wait > 0) throw new LoginThrottledException(wait);
      const inserted: string[] = [];
      for (const subject of subjects) {
        const [row] = (await manager.query('INSERT INTO login_failure (subject_hash, failed_at) VALUES ($1, $2) RETURNING id', [subject.hash, now])) as { id: string }[];
        inserted.push(String(row.id));
      }
      return inserted;
    });
    return { email, ids };
  }

  /** The attempt failed: it stays counted. Pruning here keeps the table to one window of failures, without a scheduled job. */
  async recordFailure(): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE failed_at <= $1', [this.windowStart(this.clock.now())]);
  }

  /** A successful sign-in forgives the account's failures and is itself not one; the address's earlier failures stay counted. */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE subject_hash = $1 OR id = ANY($2::bigint[])', [
      subjectHash('account', normaliseEmail(attempt.email)),
      attempt.ids,
    ]);
  }

  private subjects(email: string, client?: string): Subject[] {
    const limits = this.config.loginThrottle;
    return [
      { hash: subjectHash('account', normaliseEmail(email)), limit: limits.maxFailuresPerAccount },
      ...(client ? [{ hash: subjectHash('address', client), limit: limits.maxFailuresPerAddress }] : []),
    ];
  }

  /** Zero when under the limit; otherwise until the failure that made the limit full leaves the window. */
  private async secondsUntilAllowed(subject: Subject, query: (sql: string, values: unknown[]) => Promise<unknown>): Promise<number> {
    const now = this.clock.now();
    const [limiting] = (await query(
      `SELECT failed_at FROM login_failure WHERE subject_hash = $1 AND failed_at > $2 ORDER BY failed_at DESC OFFSET $3 LIMIT 1`,
      [subject.hash, this.windowStart(now), subject.limit - 1],
    )) as { failed_at: Date }[];
    if (!limiting) return 0;
    const allowedAt = new Date(limiting.failed_at).getTime() + this.config.loginThrottle.windowSeconds * 1000;
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
