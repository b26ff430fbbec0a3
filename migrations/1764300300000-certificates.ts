import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates and their status changes. A certificate row is written, with everything that will be
 * signed, before anything is signed ('uitgifte'); it becomes public ('geldig') only together with its
 * stored PDF, which a CHECK enforces. The status changes are the municipalities' changes feed and the
 * source of webhook deliveries.
 */
export class Certificates1764300300000 implements MigrationInterface {
  name = 'Certificates1764300300000';

  async up(db: QueryRunner): Promise<void> {
    // The serial part of certificate numbers, one series per year.
    await db.query(`
      CREATE TABLE certificate_number_series (
        year integer NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT pk_certificate_number_series PRIMARY KEY (year),
        CONSTRAINT ck_certificate_number_series_range CHECK (last_value BETWEEN 1 AND 999999)
      )`);

    await db.query(
      `
      CREATE TABLE certificate (
        number text NOT NULL,
        decision_id uuid,
        location_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        municipality_code text NOT NULL,
        status text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        maximum_residents integer NOT NULL,
        norm_version text NOT NULL,
        content jsonb NOT NULL,
        pdf_key text,
        pdf_sha256 text,
        signing_kid text,
        template_version integer,
        issued_at timestamptz,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        superseded_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_certificate PRIMARY KEY (number),
        -- Never two certificates for one decision.
        CONSTRAINT uq_certificate_decision UNIQUE (decision_id),
        CONSTRAINT fk_certificate_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
        CONSTRAINT fk_certificate_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_certificate_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT fk_certificate_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code),
        CONSTRAINT fk_certificate_norm_version FOREIGN KEY (norm_version) REFERENCES norm_version (version),
        CONSTRAINT fk_certificate_superseded_by FOREIGN KEY (superseded_by) REFERENCES certificate (number),
        CONSTRAINT ck_certificate_number CHECK (number ~ '^KM-[0-9]{4}-[0-9]{6}-[0-9]$'),
        CONSTRAINT ck_certificate_status CHECK (status IN ('uitgifte', 'geldig', 'geschorst', 'ingetrokken', 'verlopen')),
        CONSTRAINT ck_certificate_validity CHECK (valid_until > valid_from),
        CONSTRAINT ck_certificate_maximum CHECK (maximum_residents BETWEEN 1 AND 10000),
        -- Public only with its signed PDF stored.
        CONSTRAINT ck_certificate_published CHECK (status = 'uitgifte' OR (pdf_key IS NOT NULL AND pdf_sha256 IS NOT NULL AND ` +
        `signing_kid IS NOT NULL AND issued_at IS NOT NULL)),
        CONSTRAINT ck_certificate_pdf_sha256 CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$')
      )`,
    );
    // At most one current certificate per location; a re-inspection's certificate supersedes the old one.
    await db.query(`CREATE UNIQUE INDEX uq_certificate_current ON certificate (location_id) WHERE status IN ('geldig', 'geschorst')`);
    await db.query(`CREATE INDEX ix_certificate_location ON certificate (location_id, issued_at DESC)`);
    await db.query(`CREATE INDEX ix_certificate_municipality ON certificate (municipality_code, status)`);
    await db.query(`CREATE INDEX ix_certificate_organisation ON certificate (organisation_id, status)`);
    await db.query(`CREATE INDEX ix_certificate_expiry ON certificate (valid_until) WHERE status IN ('geldig', 'geschorst')`);
    await db.query(`CREATE INDEX ix_certificate_issuing ON certificate (created_at) WHERE status = 'uitgifte'`);

    await db.query(`
      CREATE TABLE certificate_status_change (
        id bigint GENERATED ALWAYS AS IDENTITY,
        certificate_number text NOT NULL,
        municipality_code text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text NOT NULL,
        actor_kind text NOT NULL,
        actor_id text,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_certificate_status_change PRIMARY KEY (id),
        CONSTRAINT fk_certificate_status_change_certificate FOREIGN KEY (certificate_number) REFERENCES certificate (number),
        CONSTRAINT ck_certificate_status_change_to CHECK (to_status IN ('geldig', 'geschorst', 'ingetrokken', 'verlopen'))
      )`);
    await db.query(`CREATE INDEX ix_certificate_status_change_time ON certificate_status_change (occurred_at, id)`);
    await db.query(
      `CREATE INDEX ix_certificate_status_change_municipality ON certificate_status_change (municipality_code, occurred_at, id)`,
    );
    await db.query(`CREATE INDEX ix_certificate_status_change_certificate ON certificate_status_change (certificate_number, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE certificate_status_change`);
    await db.query(`DROP TABLE certificate`);
    await db.query(`DROP TABLE certificate_number_series`);
  }
}
