import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { UserEntity } from './account.entities';

export interface NewWebSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  /** Password checked, second factor not yet: such a session opens no page but the code's. */
  secondFactorPending?: boolean;
}

/** A stored web session with the fields of its user that a page needs. */
export interface StoredWebSession {
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  secondFactorPending: boolean;
  user: Pick<UserEntity, 'id' | 'name' | 'email' | 'role' | 'organisationId' | 'municipalityCode' | 'active'>;
}

interface SessionRow {
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  second_factor_pending: boolean;
  id: string;
  name: string;
  email: string;
  role: UserEntity['role'];
  organisation_id: string | null;
  municipality_code: string | null;
  active: boolean;
}

/**
 * The web app's sessions, by the SHA-256 of the cookie's token (the token itself is never stored).
 * Only queries: how long a session lives and when it is touched is the web session service's rule.
 */
@Injectable()
export class WebSessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(session: NewWebSession): Promise<void> {
    await this.db.query(
      `INSERT INTO web_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, second_factor_pending)
       VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt, session.secondFactorPending ?? false],
    );
  }

  async findWithUser(tokenHash: string): Promise<StoredWebSession | undefined> {
    const [row] = (await this.db.query(
      `SELECT s.csrf_token, s.last_seen_at, s.expires_at, s.second_factor_pending,
              u.id, u.name, u.email, u.role, u.organisation_id, u.municipality_code, u.active
         FROM web_session s JOIN user_account u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [tokenHash],
    )) as SessionRow[];
    if (!row) return undefined;
    return {
      csrfToken: row.csrf_token,
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      secondFactorPending: row.second_factor_pending,
      user: {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        organisationId: row.organisation_id,
        municipalityCode: row.municipality_code,
        active: row.active,
      },
    };
  }

  async touch(tokenHash: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE web_session SET last_seen_at = $2 WHERE token_hash = $1`, [tokenHash, at]);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query(`DELETE FROM web_session WHERE token_hash = $1`, [tokenHash]);
  }

  /** Ends every session of one user, but the one with `keepHash` (the session that asked). */
  async deleteForUser(manager: EntityManager, userId: string, keepHash?: string): Promise<void> {
    await manager.query(`DELETE FROM web_session WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2`, [userId, keepHash ?? null]);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.query(`DELETE FROM web_session WHERE expires_at < $1`, [now]);
  }
}
