import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins, for throttling password guessing per account and per client address across every
 * API process. Only a SHA-256 of the e-mail address or client address is kept: the table says how
 * often something failed, not who tried. Rows older than the throttle window are pruned as new ones
 * arrive.
 */
export class LoginThrottle1764300900000 implements MigrationInterface {
  name = 'LoginThrottle1764300900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_failure (
        id bigserial NOT NULL,
        subject_hash text NOT NULL,
        failed_at timestamptz NOT NULL,
        CONSTRAINT pk_login_failure PRIMARY KEY (id)
      )`);
    await db.query(`CREATE INDEX ix_login_failure_subject ON login_failure (subject_hash, failed_at)`);
    await db.query(`CREATE INDEX ix_login_failure_failed_at ON login_failure (failed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failure`);
  }
}
