import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Queries on counted sign-in failures, by the hash of their subject (an account or a client
 * address). Limits, windows and what a success forgives are the login throttle's rules.
 */
@Injectable()
export class LoginFailureRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Holds a lock on one subject until the caller's transaction ends, so a check and its count are one step. */
  async lockSubject(manager: EntityManager, subjectHash: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [subjectHash]);
  }

  /** When the failure `skip` places before the newest one after `since` happened; undefined when there are not that many. */
  async nthNewestSince(
    subjectHash: string,
    since: Date,
    skip: number,
    manager: EntityManager = this.db.manager,
  ): Promise<Date | undefined> {
    const [row] = (await manager.query(
      `SELECT failed_at FROM login_failure WHERE subject_hash = $1 AND failed_at > $2 ORDER BY failed_at DESC OFFSET $3 LIMIT 1`,
      [subjectHash, since, skip],
    )) as { failed_at: Date }[];
    return row ? new Date(row.failed_at) : undefined;
  }

  /** Counts one failure; answers its id. */
  async insert(subjectHash: string, at: Date, manager: EntityManager = this.db.manager): Promise<string> {
    const [row] = (await manager.query('INSERT INTO login_failure (subject_hash, failed_at) VALUES ($1, $2) RETURNING id', [
      subjectHash,
      at,
    ])) as {
      id: string;
    }[];
    return String(row.id);
  }

  /** Forgets failures at or before `until`. */
  async deleteUntil(until: Date): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE failed_at <= $1', [until]);
  }

  /** Forgets every failure of one subject, and the failures with these ids. */
  async deleteForSubject(subjectHash: string, ids: string[] = []): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE subject_hash = $1 OR id = ANY($2::bigint[])', [subjectHash, ids]);
  }
}
