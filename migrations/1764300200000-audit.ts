import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit workflow: norm versions, locations, applications, documents, inspections with their
 * answers, decisions, findings and repair reports, and the append-only, hash-chained event log.
 */
export class Audit1764300200000 implements MigrationInterface {
  name = 'Audit1764300200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE event_log (
        id bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL,
        actor_kind text NOT NULL,
        actor_id text,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT pk_event_log PRIMARY KEY (id),
        CONSTRAINT uq_event_log_hash UNIQUE (hash),
        CONSTRAINT ck_event_log_actor_kind CHECK (actor_kind IN ('person', 'api-key', 'system', 'public'))
      )`);
    await db.query(`CREATE INDEX ix_event_log_entity ON event_log (entity_type, entity_id, id)`);
    // Append-only for every role that uses the table normally; the chain detects what bypasses this.
    await db.query(`
      CREATE FUNCTION event_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_event_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_log
      FOR EACH STATEMENT EXECUTE FUNCTION event_log_append_only()`);

    await db.query(`
      CREATE TABLE norm_version (
        version text NOT NULL,
        status text NOT NULL,
        effective_date date NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT pk_norm_version PRIMARY KEY (version),
        CONSTRAINT ck_norm_version_status CHECK (status IN ('concept', 'gepubliceerd')),
        CONSTRAINT ck_norm_version_published CHECK ((status = 'gepubliceerd') = (published_at IS NOT NULL))
      )`);
    // A published norm is immutable: inspections are judged by exactly what they were planned under.
    await db.query(`
      CREATE FUNCTION norm_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'gepubliceerd' THEN
          RAISE EXCEPTION 'norm version % is published and cannot change', OLD.version USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_norm_version_immutable BEFORE UPDATE OR DELETE ON norm_version
      FOR EACH ROW EXECUTE FUNCTION norm_version_immutable()`);

    await db.query(
      `
      CREATE TABLE location (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        postcode text NOT NULL,
        house_number integer NOT NULL,
        house_letter text,
        house_number_addition text,
        street text NOT NULL,
        city text NOT NULL,
        municipality_code text NOT NULL,
        bag_id text,
        housing_type text NOT NULL,
        new_build boolean NOT NULL,
        requested_beds integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_location PRIMARY KEY (id),
        CONSTRAINT fk_location_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT fk_location_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code),
        CONSTRAINT ck_location_postcode CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        CONSTRAINT ck_location_house_number CHECK (house_number BETWEEN 1 AND 99999),
        CONSTRAINT ck_location_house_letter CHECK (house_letter ~ '^[A-Z]$'),
        CONSTRAINT ck_location_addition CHECK (house_number_addition ~ '^[0-9A-Z]{1,4}$'),
        CONSTRAINT ck_location_bag_id CHECK (bag_id ~ '^[0-9]{4}20[0-9]{10}$'),
        CONSTRAINT ck_location_housing_type CHECK (housing_type IN ('woning', 'logiesgebouw', 'huisvestingsunit', 'recreatiewoning', ` +
        `'hotel')),
        CONSTRAINT ck_location_requested_beds CHECK (requested_beds BETWEEN 1 AND 10000)
      )`,
    );
    // One location per address: verification by address must find exactly one.
    await db.query(
      `
      CREATE UNIQUE INDEX uq_location_address ON location (postcode, house_number, coalesce(house_letter, ''), ` +
        `coalesce(house_number_addition, ''))`,
    );
    await db.query(`CREATE INDEX ix_location_organisation ON location (organisation_id)`);
    await db.query(`CREATE INDEX ix_location_municipality ON location (municipality_code)`);

    await db.query(`
      CREATE TABLE application (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'ingediend',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_application PRIMARY KEY (id),
        CONSTRAINT fk_application_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_application_created_by FOREIGN KEY (created_by) REFERENCES user_account (id),
        CONSTRAINT ck_application_status CHECK (status IN ('ingediend', 'in-behandeling', 'afgerond', 'ingetrokken'))
      )`);
    await db.query(`CREATE INDEX ix_application_location ON application (location_id)`);
    // At most one open application per location.
    await db.query(`CREATE UNIQUE INDEX uq_application_open ON application (location_id) WHERE status IN ('ingediend', 'in-behandeling')`);

    await db.query(`
      CREATE TABLE inspection (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        application_id uuid,
        auditor_id uuid NOT NULL,
        kind text NOT NULL,
        planned_at timestamptz NOT NULL,
        norm_version text NOT NULL,
        status text NOT NULL DEFAULT 'gepland',
        submitted_at timestamptz,
        result jsonb,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_inspection PRIMARY KEY (id),
        CONSTRAINT fk_inspection_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_inspection_application FOREIGN KEY (application_id) REFERENCES application (id),
        CONSTRAINT fk_inspection_auditor FOREIGN KEY (auditor_id) REFERENCES user_account (id),
        CONSTRAINT fk_inspection_norm_version FOREIGN KEY (norm_version) REFERENCES norm_version (version),
        CONSTRAINT fk_inspection_created_by FOREIGN KEY (created_by) REFERENCES user_account (id),
        CONSTRAINT ck_inspection_kind CHECK (kind IN ('initieel', 'periodiek', 'onaangekondigd', 'herinspectie')),
        CONSTRAINT ck_inspection_status CHECK (status IN ('gepland', 'in-uitvoering', 'ingediend', 'besloten')),
        CONSTRAINT ck_inspection_submitted CHECK ((status IN ('ingediend', 'besloten')) = (submitted_at IS NOT NULL AND result IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_inspection_location ON inspection (location_id)`);
    await db.query(`CREATE INDEX ix_inspection_auditor ON inspection (auditor_id, planned_at)`);
    await db.query(`CREATE INDEX ix_inspection_status ON inspection (status, planned_at)`);

    await db.query(`
      CREATE TABLE answer (
        inspection_id uuid NOT NULL,
        criterion_code text NOT NULL,
        result text NOT NULL,
        measurement numeric,
        persons_supported integer,
        remark text,
        answered_by uuid NOT NULL,
        answered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_answer PRIMARY KEY (inspection_id, criterion_code),
        CONSTRAINT fk_answer_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_answer_answered_by FOREIGN KEY (answered_by) REFERENCES user_account (id),
        CONSTRAINT ck_answer_result CHECK (result IN ('voldoet', 'voldoet-niet', 'nvt'))
      )`);

    await db.query(`
      CREATE TABLE decision (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL,
        outcome text NOT NULL,
        explanation text NOT NULL,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_decision PRIMARY KEY (id),
        -- Exactly one decision per inspection, whatever races.
        CONSTRAINT uq_decision_inspection UNIQUE (inspection_id),
        CONSTRAINT fk_decision_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_decision_decided_by FOREIGN KEY (decided_by) REFERENCES user_account (id),
        CONSTRAINT ck_decision_outcome CHECK (outcome IN ('toekennen', 'afwijzen'))
      )`);

    await db.query(`
      CREATE TABLE finding (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL,
        location_id uuid NOT NULL,
        criterion_code text NOT NULL,
        severity text NOT NULL,
        repair_deadline date,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        overdue_handled_at timestamptz,
        CONSTRAINT pk_finding PRIMARY KEY (id),
        CONSTRAINT uq_finding_criterion UNIQUE (inspection_id, criterion_code),
        CONSTRAINT fk_finding_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_finding_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT ck_finding_severity CHECK (severity IN ('knock-out', 'major', 'minor')),
        CONSTRAINT ck_finding_status CHECK (status IN ('open', 'herstel-gemeld', 'gesloten')),
        CONSTRAINT ck_finding_closed CHECK ((status = 'gesloten') = (closed_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_finding_location ON finding (location_id, status)`);
    await db.query(`CREATE INDEX ix_finding_overdue ON finding (repair_deadline) WHERE status <> 'gesloten' AND severity = 'major'`);

    await db.query(`
      CREATE TABLE repair_report (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        finding_id uuid NOT NULL,
        description text NOT NULL,
        reported_by uuid NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        accepted boolean,
        review_explanation text,
        reviewed_by uuid,
        reviewed_at timestamptz,
        CONSTRAINT pk_repair_report PRIMARY KEY (id),
        CONSTRAINT fk_repair_report_finding FOREIGN KEY (finding_id) REFERENCES finding (id),
        CONSTRAINT fk_repair_report_reported_by FOREIGN KEY (reported_by) REFERENCES user_account (id),
        CONSTRAINT fk_repair_report_reviewed_by FOREIGN KEY (reviewed_by) REFERENCES user_account (id),
        CONSTRAINT ck_repair_report_review CHECK ((accepted IS NULL) = (reviewed_at IS NULL))
      )`);
    await db.query(`CREATE INDEX ix_repair_report_finding ON repair_report (finding_id)`);
    // One repair report awaiting review per finding.
    await db.query(`CREATE UNIQUE INDEX uq_repair_report_pending ON repair_report (finding_id) WHERE accepted IS NULL`);

    // Uploaded files: application documents, inspection evidence per criterion, repair evidence.
    await db.query(`
      CREATE TABLE document (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid,
        inspection_id uuid,
        criterion_code text,
        repair_report_id uuid,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        client_reference text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document PRIMARY KEY (id),
        CONSTRAINT uq_document_storage_key UNIQUE (storage_key),
        CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES application (id),
        CONSTRAINT fk_document_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_document_repair_report FOREIGN KEY (repair_report_id) REFERENCES repair_report (id),
        CONSTRAINT fk_document_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES user_account (id),
        CONSTRAINT ck_document_one_owner CHECK (num_nonnulls(application_id, inspection_id, repair_report_id) = 1),
        CONSTRAINT ck_document_evidence CHECK ((criterion_code IS NULL) OR (inspection_id IS NOT NULL)),
        CONSTRAINT ck_document_content_type CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        CONSTRAINT ck_document_size CHECK (size_bytes BETWEEN 1 AND 10485760),
        CONSTRAINT ck_document_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await db.query(`CREATE INDEX ix_document_application ON document (application_id) WHERE application_id IS NOT NULL`);
    await db.query(`CREATE INDEX ix_document_inspection ON document (inspection_id, criterion_code) WHERE inspection_id IS NOT NULL`);
    // An offline client retrying an upload sends the same reference: it gets the first one back, not a copy.
    await db.query(
      `CREATE UNIQUE INDEX uq_document_client_reference ON document (uploaded_by, client_reference) WHERE client_reference IS NOT NULL`,
    );

    // Declared relations between auditors and landlords (conflicts of interest).
    await db.query(`
      CREATE TABLE auditor_relation (
        auditor_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        description text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_auditor_relation PRIMARY KEY (auditor_id, organisation_id),
        CONSTRAINT fk_auditor_relation_auditor FOREIGN KEY (auditor_id) REFERENCES user_account (id),
        CONSTRAINT fk_auditor_relation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'auditor_relation',
      'document',
      'repair_report',
      'finding',
      'decision',
      'answer',
      'inspection',
      'application',
      'location',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP TABLE norm_version`);
    await db.query(`DROP FUNCTION norm_version_immutable()`);
    await db.query(`DROP TABLE event_log`);
    await db.query(`DROP FUNCTION event_log_append_only()`);
  }
}
