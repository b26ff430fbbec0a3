import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredSecondFactor {
  secretCiphertext: string;
  confirmedAt: Date | null;
  lastUsedStep: number | null;
}

/** Queries on staff's TOTP secrets and recovery codes; what counts as a valid code is the service's rule. */
@Injectable()
export class SecondFactorRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(userId: string, manager: EntityManager = this.db.manager): Promise<StoredSecondFactor | undefined> {
    const [row] = (await manager.query(`SELECT secret_ciphertext, confirmed_at, last_used_step FROM user_totp WHERE user_id = $1`, [
      userId,
    ])) as { secret_ciphertext: string; confirmed_at: Date | null; last_used_step: string | null }[];
    if (!row) return undefined;
    return {
      secretCiphertext: row.secret_ciphertext,
      confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
    };
  }

  async isConfirmed(userId: string): Promise<boolean> {
    const [row] = (await this.db.query(`SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL`, [userId])) as unknown[];
    return Boolean(row);
  }

  /** Starts (or restarts) an enrolment that is not confirmed yet; a confirmed one is never replaced here. */
  async savePending(manager: EntityManager, userId: string, secretCiphertext: string, at: Date): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO user_totp (user_id, secret_ciphertext, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, created_at = EXCLUDED.created_at
       WHERE user_totp.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, secretCiphertext, at],
    )) as unknown[];
    return rows.length === 1;
  }

  async confirm(manager: EntityManager, userId: string, step: number, at: Date): Promise<boolean> {
    const [, count] = (await manager.query(
      `UPDATE user_totp SET confirmed_at = $2, last_used_step = $3 WHERE user_id = $1 AND confirmed_at IS NULL`,
      [userId, at, step],
    )) as [unknown, number];
    return count === 1;
  }

  /**
   * Spends the time step of a code: true only when it is later than any step used before, so a code
   * cannot be used twice, not even by two requests at once (one UPDATE decides).
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    const [, count] = (await this.db.query(
      `UPDATE user_totp SET last_used_step = $2
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)`,
      [userId, step],
    )) as [unknown, number];
    return count === 1;
  }

  async replaceRecoveryCodes(manager: EntityManager, userId: string, hashes: string[], at: Date): Promise<void> {
    await manager.query(`DELETE FROM user_recovery_code WHERE user_id = $1`, [userId]);
    for (const hash of hashes) {
      await manager.query(`INSERT INTO user_recovery_code (user_id, code_hash, created_at) VALUES ($1, $2, $3)`, [userId, hash, at]);
    }
  }

  /** Spends one recovery code; true only for the request that spent it. */
  async useRecoveryCode(userId: string, hash: string, at: Date): Promise<boolean> {
    const [, count] = (await this.db.query(
      `UPDATE user_recovery_code SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, hash, at],
    )) as [unknown, number];
    return count === 1;
  }

  async countUnusedRecoveryCodes(userId: string): Promise<number> {
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM user_recovery_code WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ])) as { n: number }[];
    return n;
  }

  async delete(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM user_recovery_code WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM user_totp WHERE user_id = $1`, [userId]);
  }
}
