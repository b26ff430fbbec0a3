import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Objections (ISO/IEC 17065 §7.13): a landlord contests a refusal, a suspension or a withdrawal; a
 * certificeerder who took no part in it decides. One objection per contested effect (a decision, or
 * the status change that suspended or withdrew a certificate), whatever races: the database's rule.
 *
 * An upheld objection against a refusal revises that decision: the row stays (the file keeps what was
 * decided) with `revised_at`, and the inspection may be decided again, so "one decision per
 * inspection" becomes "one decision in force per inspection".
 */
export class Objections1764302100000 implements MigrationInterface {
  name = 'Objections1764302100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE decision ADD COLUMN revised_at timestamptz, ADD COLUMN revised_by uuid, ADD COLUMN revision_reason text`);
    await db.query(`ALTER TABLE decision ADD CONSTRAINT fk_decision_revised_by FOREIGN KEY (revised_by) REFERENCES user_account (id)`);
    await db.query(
      `ALTER TABLE decision ADD CONSTRAINT ck_decision_revised ` +
        `CHECK ((revised_at IS NULL) = (revised_by IS NULL AND revision_reason IS NULL))`,
    );
    await db.query(`ALTER TABLE decision DROP CONSTRAINT uq_decision_inspection`);
    // Same name as the constraint it replaces: the decision path recognises a concurrent second decision by it.
    await db.query(`CREATE UNIQUE INDEX uq_decision_inspection ON decision (inspection_id) WHERE revised_at IS NULL`);

    await db.query(`
      CREATE TABLE objection (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        contested text NOT NULL,
        inspection_id uuid,
        decision_id uuid,
        certificate_number text,
        status_change_id bigint,
        effect_on date NOT NULL,
        grounds text NOT NULL,
        filed_by uuid NOT NULL,
        filed_at timestamptz NOT NULL,
        filed_on date NOT NULL,
        decision_due date NOT NULL,
        involved_user_ids uuid[] NOT NULL,
        status text NOT NULL DEFAULT 'ingediend',
        outcome text,
        explanation text,
        decided_by uuid,
        decided_at timestamptz,
        remedy jsonb,
        CONSTRAINT pk_objection PRIMARY KEY (id),
        CONSTRAINT fk_objection_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_objection_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_objection_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
        CONSTRAINT fk_objection_certificate FOREIGN KEY (certificate_number) REFERENCES certificate (number),
        CONSTRAINT fk_objection_status_change FOREIGN KEY (status_change_id) REFERENCES certificate_status_change (id),
        CONSTRAINT fk_objection_filed_by FOREIGN KEY (filed_by) REFERENCES user_account (id),
        CONSTRAINT fk_objection_decided_by FOREIGN KEY (decided_by) REFERENCES user_account (id),
        CONSTRAINT ck_objection_contested CHECK (contested IN ('afwijzing', 'schorsing', 'intrekking')),
        CONSTRAINT ck_objection_subject CHECK (
          CASE contested
            WHEN 'afwijzing' THEN inspection_id IS NOT NULL AND decision_id IS NOT NULL AND status_change_id IS NULL
            ELSE certificate_number IS NOT NULL AND status_change_id IS NOT NULL AND decision_id IS NULL
          END),
        CONSTRAINT ck_objection_status CHECK (status IN ('ingediend', 'besloten')),
        CONSTRAINT ck_objection_outcome CHECK (outcome IN ('gegrond', 'ongegrond')),
        CONSTRAINT ck_objection_decided CHECK (
          (status = 'besloten') = (outcome IS NOT NULL AND explanation IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL)),
        CONSTRAINT ck_objection_grounds CHECK (length(grounds) BETWEEN 1 AND 4000),
        CONSTRAINT ck_objection_due CHECK (decision_due > filed_on AND filed_on >= effect_on)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_objection_decision ON objection (decision_id) WHERE decision_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX uq_objection_status_change ON objection (status_change_id) WHERE status_change_id IS NOT NULL`);
    await db.query(`CREATE INDEX ix_objection_status_due ON objection (status, decision_due, id)`);
    await db.query(`CREATE INDEX ix_objection_location ON objection (location_id, filed_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE objection`);
    await db.query(`DROP INDEX uq_decision_inspection`);
    await db.query(`ALTER TABLE decision ADD CONSTRAINT uq_decision_inspection UNIQUE (inspection_id)`);
    await db.query(
      `ALTER TABLE decision DROP CONSTRAINT ck_decision_revised, DROP CONSTRAINT fk_decision_revised_by, ` +
        `DROP COLUMN revision_reason, DROP COLUMN revised_by, DROP COLUMN revised_at`,
    );
  }
}
