import { parse } from 'csv-parse/sync';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { readDataFile } from './data-file';

const MUNICIPALITIES_FILE = 'gemeenten-2026-01-01.csv';
const MUNICIPALITIES_REFERENCE_DATE = '2026-01-01';

/** Municipalities, organisations, people and the municipal API keys. */
export class Accounts1764300000000 implements MigrationInterface {
  name = 'Accounts1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE municipality (
        code text NOT NULL,
        name text NOT NULL,
        reference_date date NOT NULL,
        CONSTRAINT pk_municipality PRIMARY KEY (code),
        CONSTRAINT ck_municipality_code CHECK (code ~ '^GM[0-9]{4}$')
      )`);

    const rows: { gemeentecode: string; naam: string }[] = parse(readDataFile(MUNICIPALITIES_FILE), {
      columns: true,
      skip_empty_lines: true,
    });
    if (rows.length !== 342) throw new Error(`${MUNICIPALITIES_FILE} holds ${rows.length} municipalities, expected 342`);
    await db.query(
      `INSERT INTO municipality (code, name, reference_date)
       SELECT code, name, $3::date FROM unnest($1::text[], $2::text[]) AS m(code, name)`,
      [rows.map((r) => r.gemeentecode), rows.map((r) => r.naam), MUNICIPALITIES_REFERENCE_DATE],
    );

    await db.query(`
      CREATE TABLE organisation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kvk_number text NOT NULL,
        kind text NOT NULL,
        accreditation_valid_until date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisation PRIMARY KEY (id),
        CONSTRAINT uq_organisation_kvk_number UNIQUE (kvk_number),
        CONSTRAINT ck_organisation_kvk_number CHECK (kvk_number ~ '^[0-9]{8}$'),
        CONSTRAINT ck_organisation_kind CHECK (kind IN ('verhuurder', 'inspectie-instelling'))
      )`);

    await db.query(`
      CREATE TABLE user_account (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        organisation_id uuid,
        municipality_code text,
        accreditation_valid_until date,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_user_account PRIMARY KEY (id),
        CONSTRAINT fk_user_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT fk_user_account_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code),
        CONSTRAINT ck_user_account_role CHECK (role IN ('beheerder', 'auditor', 'certificeerder', 'verhuurder', 'gemeente')),
        CONSTRAINT ck_user_account_email_lower CHECK (email = lower(email)),
        CONSTRAINT ck_user_account_organisation CHECK ((role IN ('verhuurder', 'auditor')) = (organisation_id IS NOT NULL)),
        CONSTRAINT ck_user_account_municipality CHECK ((role = 'gemeente') = (municipality_code IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_user_account_email ON user_account (email)`);
    await db.query(`CREATE INDEX ix_user_account_organisation ON user_account (organisation_id)`);

    await db.query(`
      CREATE TABLE api_key (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        municipality_code text NOT NULL,
        key_hash text NOT NULL,
        key_prefix text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT pk_api_key PRIMARY KEY (id),
        CONSTRAINT uq_api_key_hash UNIQUE (key_hash),
        CONSTRAINT fk_api_key_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code),
        CONSTRAINT fk_api_key_created_by FOREIGN KEY (created_by) REFERENCES user_account (id)
      )`);

    // Secrets the processes must share (the access-token key when none is configured), made once.
    await db.query(`
      CREATE TABLE app_secret (
        name text NOT NULL,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_app_secret PRIMARY KEY (name)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE app_secret`);
    await db.query(`DROP TABLE api_key`);
    await db.query(`DROP TABLE user_account`);
    await db.query(`DROP TABLE organisation`);
    await db.query(`DROP TABLE municipality`);
  }
}
