import { MigrationInterface, QueryRunner } from 'typeorm';

const CERTIFICATE_STATUSES = `'uitgifte', 'geldig', 'geschorst', 'ingetrokken', 'verlopen', 'vervangen'`;
const CHANGE_STATUSES = `'geldig', 'geschorst', 'ingetrokken', 'verlopen', 'vervangen'`;

/**
 * The certificate follows the latest decision, and the sanctions ladder (issue 14).
 * - Status `vervangen` (final): a later decision's certificate took this one's place; `superseded_by`
 *   names it, which the database requires. Certificates that earlier rounds marked `ingetrokken` on a
 *   renewal keep that status: their changes were announced so, and the feed does not rewrite history.
 * - `certificate_suspension_cause`: what holds a suspended certificate suspended (findings, a refusal,
 *   a company sanction), so a reinstatement can be refused while a causing finding is open and lifting
 *   a company sanction reinstates only what nothing else holds. A reinstatement releases every cause.
 * - `organisation_sanction`: a company's suspension and its lifting; one active suspension per company.
 */
export class CertificateLifecycle1764302000000 implements MigrationInterface {
  name = 'CertificateLifecycle1764302000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate DROP CONSTRAINT ck_certificate_status`);
    await db.query(`ALTER TABLE certificate ADD CONSTRAINT ck_certificate_status CHECK (status IN (${CERTIFICATE_STATUSES}))`);
    await db.query(
      `ALTER TABLE certificate ADD CONSTRAINT ck_certificate_replaced CHECK (status <> 'vervangen' OR superseded_by IS NOT NULL)`,
    );
    await db.query(`ALTER TABLE certificate_status_change DROP CONSTRAINT ck_certificate_status_change_to`);
    await db.query(
      `ALTER TABLE certificate_status_change ADD CONSTRAINT ck_certificate_status_change_to CHECK (to_status IN (${CHANGE_STATUSES}))`,
    );
    // The withdrawal sweep looks for suspensions older than SCHORSING_MAXIMUM_DAGEN.
    await db.query(`CREATE INDEX ix_certificate_suspended ON certificate (status_changed_at) WHERE status = 'geschorst'`);

    await db.query(`
      CREATE TABLE organisation_sanction (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        measure text NOT NULL,
        reason text NOT NULL,
        certificate_numbers text[] NOT NULL,
        lifts uuid,
        lifted_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_organisation_sanction PRIMARY KEY (id),
        CONSTRAINT fk_organisation_sanction_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT fk_organisation_sanction_lifts FOREIGN KEY (lifts) REFERENCES organisation_sanction (id),
        CONSTRAINT fk_organisation_sanction_user FOREIGN KEY (created_by) REFERENCES user_account (id),
        CONSTRAINT ck_organisation_sanction_measure CHECK (measure IN ('schorsing', 'opheffing')),
        CONSTRAINT ck_organisation_sanction_reason CHECK (length(reason) BETWEEN 1 AND 2000),
        CONSTRAINT ck_organisation_sanction_lifts CHECK ((measure = 'opheffing') = (lifts IS NOT NULL)),
        CONSTRAINT ck_organisation_sanction_lifted CHECK (measure = 'schorsing' OR lifted_at IS NULL)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_organisation_sanction_active ON organisation_sanction (organisation_id) ` +
        `WHERE measure = 'schorsing' AND lifted_at IS NULL`,
    );
    await db.query(`CREATE UNIQUE INDEX uq_organisation_sanction_lift ON organisation_sanction (lifts) WHERE lifts IS NOT NULL`);

    await db.query(`
      CREATE TABLE certificate_suspension_cause (
        id bigint GENERATED ALWAYS AS IDENTITY,
        certificate_number text NOT NULL,
        kind text NOT NULL,
        finding_id uuid,
        inspection_id uuid,
        sanction_id uuid,
        created_at timestamptz NOT NULL,
        released_at timestamptz,
        CONSTRAINT pk_certificate_suspension_cause PRIMARY KEY (id),
        CONSTRAINT fk_certificate_suspension_cause_certificate FOREIGN KEY (certificate_number) REFERENCES certificate (number),
        CONSTRAINT fk_certificate_suspension_cause_finding FOREIGN KEY (finding_id) REFERENCES finding (id),
        CONSTRAINT fk_certificate_suspension_cause_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_certificate_suspension_cause_sanction FOREIGN KEY (sanction_id) REFERENCES organisation_sanction (id),
        CONSTRAINT ck_certificate_suspension_cause_kind CHECK (kind IN ('bevinding', 'afwijzing', 'sanctie')),
        CONSTRAINT ck_certificate_suspension_cause_finding CHECK ((kind = 'bevinding') = (finding_id IS NOT NULL)),
        CONSTRAINT ck_certificate_suspension_cause_sanction CHECK ((kind = 'sanctie') = (sanction_id IS NOT NULL)),
        CONSTRAINT ck_certificate_suspension_cause_refusal CHECK (kind <> 'afwijzing' OR inspection_id IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX ix_certificate_suspension_cause_active ON certificate_suspension_cause (certificate_number) WHERE released_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX ix_certificate_suspension_cause_sanction ON certificate_suspension_cause (sanction_id) WHERE sanction_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE certificate_suspension_cause`);
    await db.query(`DROP TABLE organisation_sanction`);
    await db.query(`DROP INDEX ix_certificate_suspended`);
    await db.query(`ALTER TABLE certificate_status_change DROP CONSTRAINT ck_certificate_status_change_to`);
    await db.query(
      `ALTER TABLE certificate_status_change ADD CONSTRAINT ck_certificate_status_change_to ` +
        `CHECK (to_status IN ('geldig', 'geschorst', 'ingetrokken', 'verlopen'))`,
    );
    await db.query(`ALTER TABLE certificate DROP CONSTRAINT ck_certificate_replaced`);
    await db.query(`ALTER TABLE certificate DROP CONSTRAINT ck_certificate_status`);
    await db.query(
      `ALTER TABLE certificate ADD CONSTRAINT ck_certificate_status ` +
        `CHECK (status IN ('uitgifte', 'geldig', 'geschorst', 'ingetrokken', 'verlopen'))`,
    );
  }
}
