import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PersonPrincipal, principalOf, type Role, UserEntity } from '@keurmerk/accounts';
import { Clock } from '@keurmerk/common';

/** A working day on site, with its travel: after this a person signs in again. */
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Writing last_seen_at on every request would make every page a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface WebUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  principal: PersonPrincipal;
}

export interface WebSession {
  user: WebUser;
  csrfToken: string;
  expiresAt: Date;
}

interface SessionRow {
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  id: string;
  name: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  municipality_code: string | null;
  active: boolean;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two tokens in constant time; different lengths are simply unequal. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Server-side sessions for the web app: the cookie holds a random token, the database its hash, so
 * signing out (or deactivating the user) ends the session at once, on every process.
 */
@Injectable()
export class WebSessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async start(user: UserEntity): Promise<{ token: string; session: WebSession }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    // Expired sessions go when someone signs in: there are few, and no job is needed for it.
    await this.db.query(`DELETE FROM web_session WHERE expires_at < $1`, [now]);
    await this.db.query(
      `INSERT INTO web_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`,
      [hashOf(token), user.id, csrfToken, now, expiresAt],
    );
    return { token, session: { user: webUser(user), csrfToken, expiresAt } };
  }

  /** The live session for a cookie's token, or undefined when it is unknown, expired or its user inactive. */
  async find(token: string | undefined): Promise<WebSession | undefined> {
    if (!token || token.length > 100) return undefined;
    const rows = (await this.db.query(
      `SELECT s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.name, u.email, u.role, u.organisation_id, u.municipality_code, u.active
         FROM web_session s JOIN user_account u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [hashOf(token)],
    )) as SessionRow[];
    const row = rows[0];
    const now = this.clock.now();
    if (!row || !row.active || new Date(row.expires_at) <= now) return undefined;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.db.query(`UPDATE web_session SET last_seen_at = $2 WHERE token_hash = $1`, [hashOf(token), now]);
    }
    const user = {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      organisationId: row.organisation_id,
      municipalityCode: row.municipality_code,
    } as UserEntity;
    return { user: webUser(user), csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) };
  }

  async end(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    await this.db.query(`DELETE FROM web_session WHERE token_hash = $1`, [hashOf(token)]);
  }
}

function webUser(user: UserEntity): WebUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role, principal: principalOf(user) };
}
