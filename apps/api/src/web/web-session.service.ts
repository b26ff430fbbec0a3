import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type PersonPrincipal, principalOf, type Role, type UserEntity, WebSessionRepository } from '@keurmerk/accounts';
import { Clock } from '@keurmerk/common';

/** A working day on site, with its travel: after this a person signs in again. */
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Between the password and the second factor's code: long enough to open the app on a phone. */
const PENDING_LIFETIME_MS = 5 * 60 * 1000;
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

/** The stored form of a session cookie's token. */
export function sessionTokenHash(token: string): string {
  return hashOf(token);
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
    private readonly sessions: WebSessionRepository,
    private readonly clock: Clock,
  ) {}

  async start(user: UserEntity): Promise<{ token: string; session: WebSession }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    // Expired sessions go when someone signs in: there are few, and no job is needed for it.
    await this.sessions.deleteExpired(now);
    await this.sessions.insert({ tokenHash: hashOf(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
    return { token, session: { user: webUser(user), csrfToken, expiresAt } };
  }

  /**
   * A session that waits for the second factor's code: it opens no page but the code's, and a
   * successful code replaces it by a new session with a new token (`start`).
   */
  async startPending(user: UserEntity): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PENDING_LIFETIME_MS);
    await this.sessions.deleteExpired(now);
    await this.sessions.insert({
      tokenHash: hashOf(token),
      userId: user.id,
      csrfToken: randomToken(),
      createdAt: now,
      expiresAt,
      secondFactorPending: true,
    });
    return { token, expiresAt };
  }

  /** The user a pending sign-in belongs to, or undefined when there is none (or it expired). */
  async findPending(token: string | undefined): Promise<string | undefined> {
    if (!token || token.length > 100) return undefined;
    const stored = await this.sessions.findWithUser(hashOf(token));
    if (!stored || !stored.secondFactorPending || !stored.user.active || stored.expiresAt <= this.clock.now()) return undefined;
    return stored.user.id;
  }

  /** The live session for a cookie's token; undefined when unknown, expired, waiting for its second factor, or its user inactive. */
  async find(token: string | undefined): Promise<WebSession | undefined> {
    if (!token || token.length > 100) return undefined;
    const stored = await this.sessions.findWithUser(hashOf(token));
    const now = this.clock.now();
    if (!stored || stored.secondFactorPending || !stored.user.active || stored.expiresAt <= now) return undefined;
    if (now.getTime() - stored.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await this.sessions.touch(hashOf(token), now);
    return { user: webUser(stored.user), csrfToken: stored.csrfToken, expiresAt: stored.expiresAt };
  }

  async end(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    await this.sessions.delete(hashOf(token));
  }
}

function webUser(user: Pick<UserEntity, 'id' | 'name' | 'email' | 'role' | 'organisationId' | 'municipalityCode'>): WebUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role, principal: principalOf(user) };
}
