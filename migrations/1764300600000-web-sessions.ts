import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of the web app at /app. The browser holds a random token in an HttpOnly cookie; only its
 * SHA-256 is stored, so a copy of this table signs nobody in. Each session has its own CSRF token,
 * which every form and every offline sync sends back.
 */
export class WebSessions1764300600000 implements MigrationInterface {
  name = 'WebSessions1764300600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_session (
        token_hash text NOT NULL,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_web_session PRIMARY KEY (token_hash)
      )`);
    await db.query(`CREATE INDEX ix_web_session_user ON web_session (user_id)`);
    await db.query(`CREATE INDEX ix_web_session_expires ON web_session (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE web_session`);
  }
}
