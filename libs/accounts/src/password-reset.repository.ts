import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PasswordResetRow {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Queries on reset links; the token itself is never stored, only its SHA-256. */
@Injectable()
export class PasswordResetRepository {
  async insert(manager: EntityManager, row: Omit<PasswordResetRow, 'usedAt'>): Promise<void> {
    await manager.query(`INSERT INTO password_reset (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
      row.tokenHash,
      row.userId,
      row.createdAt,
      row.expiresAt,
    ]);
  }

  /** How many links were made for this user since `since`. */
  async countSince(manager: EntityManager, userId: string, since: Date): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1 AND created_at >= $2`, [
      userId,
      since,
    ])) as { n: number }[];
    return row.n;
  }

  /** The link with this hash, its row locked so it is used once even by two requests at a time. */
  async lock(manager: EntityManager, tokenHash: string): Promise<PasswordResetRow | undefined> {
    const [row] = (await manager.query(
      `SELECT token_hash, user_id, created_at, expires_at, used_at FROM password_reset WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    )) as { token_hash: string; user_id: string; created_at: Date; expires_at: Date; used_at: Date | null }[];
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      userId: row.user_id,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
      usedAt: row.used_at ? new Date(row.used_at) : null,
    };
  }

  /** Marks this link used, and every other open link of the user too: one reset ends them all. */
  async useAll(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [userId, at]);
  }
}
