import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that live past their first day (issue 15): a user's credential generation, bumped when the
 * password changes or the user is deactivated, so every bearer token minted before stops at once; a
 * web session that is waiting for its second factor; and the staff's TOTP second factor with its
 * single-use recovery codes. The TOTP secret is stored encrypted (AES-256-GCM, key outside this
 * table) and the new tables are granted to nobody but the application, so the read-only role of the
 * public verification path never reads them.
 */
export class AccountOperations1764302300000 implements MigrationInterface {
  name = 'AccountOperations1764302300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE user_account ADD COLUMN credential_generation integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE web_session ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE TABLE user_totp (
        user_id uuid NOT NULL,
        secret_ciphertext text NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_user_totp PRIMARY KEY (user_id),
        CONSTRAINT fk_user_totp_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
        CONSTRAINT ck_user_totp_step CHECK (last_used_step IS NULL OR last_used_step >= 0)
      )`);
    await db.query(`
      CREATE TABLE user_recovery_code (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_user_recovery_code PRIMARY KEY (id),
        CONSTRAINT fk_user_recovery_code_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
        CONSTRAINT uq_user_recovery_code_hash UNIQUE (user_id, code_hash)
      )`);
    await db.query(`REVOKE ALL ON user_totp, user_recovery_code FROM PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE user_recovery_code`);
    await db.query(`DROP TABLE user_totp`);
    await db.query(`ALTER TABLE web_session DROP COLUMN second_factor_pending`);
    await db.query(`ALTER TABLE user_account DROP COLUMN credential_generation`);
  }
}
