import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOB_QUEUE_SCHEMA } from './1764300100000-job-queue';

/** The worker's mail jobs; made here like every queue (see the job-queues migration). */
const QUEUES = ['mail.send', 'mail.daily'];

/**
 * E-mail and password reset. `mail_message` is the outbox: a mail is written in the transaction of
 * what it tells of, and the worker sends it later (or, with no SMTP server configured, it is kept for
 * the beheerder to read). A reminder or an expiry notice is written once per finding or certificate
 * and threshold: the sweep may run any number of times, the unique key says "already written".
 * A reset token is stored only as its SHA-256. Users get the language their mail is written in. (A reset
 * ends the user's access tokens through the accounts' credential generation, not a column of its own.)
 */
export class Mail1764302400000 implements MigrationInterface {
  name = 'Mail1764302400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE user_account ADD COLUMN language text NOT NULL DEFAULT 'nl'`);
    await db.query(`ALTER TABLE user_account ADD CONSTRAINT ck_user_account_language CHECK (language IN ('nl', 'en'))`);

    await db.query(`
      CREATE TABLE mail_message (
        id uuid NOT NULL,
        recipient_address text NOT NULL,
        user_id uuid,
        language text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        dedupe_key text,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz,
        CONSTRAINT pk_mail_message PRIMARY KEY (id),
        CONSTRAINT fk_mail_message_user FOREIGN KEY (user_id) REFERENCES user_account (id),
        CONSTRAINT ck_mail_message_language CHECK (language IN ('nl', 'en')),
        CONSTRAINT ck_mail_message_status CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
        CONSTRAINT ck_mail_message_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT ck_mail_message_due CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
        CONSTRAINT ck_mail_message_attempts CHECK (attempts >= 0),
        CONSTRAINT ck_mail_message_recipient CHECK (length(recipient_address) BETWEEN 3 AND 254)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_mail_message_dedupe ON mail_message (dedupe_key, recipient_address) WHERE dedupe_key IS NOT NULL`,
    );
    await db.query(`CREATE INDEX ix_mail_message_due ON mail_message (next_attempt_at, id) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX ix_mail_message_created ON mail_message (created_at DESC, id)`);
    await db.query(`CREATE INDEX ix_mail_message_user ON mail_message (user_id) WHERE user_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE password_reset (
        token_hash text NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_password_reset PRIMARY KEY (token_hash),
        CONSTRAINT fk_password_reset_user FOREIGN KEY (user_id) REFERENCES user_account (id),
        CONSTRAINT ck_password_reset_hash CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_password_reset_expiry CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX ix_password_reset_user ON password_reset (user_id, created_at DESC)`);

    for (const name of QUEUES) {
      await db.query(`SELECT ${JOB_QUEUE_SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify({ policy: 'standard' })]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of QUEUES) await db.query(`SELECT ${JOB_QUEUE_SCHEMA}.delete_queue($1)`, [name]);
    await db.query(`DROP TABLE password_reset`);
    await db.query(`DROP TABLE mail_message`);
    await db.query(`ALTER TABLE user_account DROP CONSTRAINT ck_user_account_language`);
    await db.query(`ALTER TABLE user_account DROP COLUMN language`);
  }
}
