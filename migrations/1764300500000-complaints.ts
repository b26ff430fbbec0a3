import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents' complaints (meldingen). A complaint names a certificate number or an address; the
 * location is resolved when either is known, and a complaint about an unknown number or address is
 * kept and flagged, because the resident may have mistyped. Nothing identifies the complainant: no
 * name, no contact details, no IP address (rate limiting is in memory).
 */
export class Complaints1764300500000 implements MigrationInterface {
  name = 'Complaints1764300500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `
      CREATE TABLE complaint (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        certificate_number text,
        postcode text,
        house_number integer,
        house_letter text,
        house_number_addition text,
        location_id uuid,
        flag text,
        description text NOT NULL,
        language text NOT NULL,
        status text NOT NULL,
        inspection_id uuid,
        resolution text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_complaint PRIMARY KEY (id),
        CONSTRAINT uq_complaint_reference UNIQUE (reference),
        CONSTRAINT fk_complaint_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_complaint_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        -- M-<year>-<6 characters without 0/O, 1/I/L or U>.
        CONSTRAINT ck_complaint_reference CHECK (reference ~ '^M-[0-9]{4}-[2-9A-HJKMNP-TV-Z]{6}$'),
        CONSTRAINT ck_complaint_certificate_number CHECK (certificate_number ~ '^KM-[0-9]{4}-[0-9]{6}-[0-9]$'),
        -- Exactly one of: a certificate number, or an address (postcode and house number at least).
        CONSTRAINT ck_complaint_subject CHECK (
          (certificate_number IS NOT NULL AND postcode IS NULL AND house_number IS NULL AND house_letter IS NULL AND ` +
        `house_number_addition IS NULL)
          OR (certificate_number IS NULL AND postcode IS NOT NULL AND house_number IS NOT NULL)),
        CONSTRAINT ck_complaint_postcode CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        CONSTRAINT ck_complaint_house_number CHECK (house_number BETWEEN 1 AND 99999),
        CONSTRAINT ck_complaint_flag CHECK (flag IN ('onbekend-certificaatnummer', 'onbekend-adres')),
        -- Flagged exactly when no location was found.
        CONSTRAINT ck_complaint_flag_location CHECK ((flag IS NULL) = (location_id IS NOT NULL)),
        CONSTRAINT ck_complaint_description CHECK (char_length(description) BETWEEN 1 AND 4000),
        CONSTRAINT ck_complaint_language CHECK (language IN ('nl', 'en', 'pl', 'ro', 'bg')),
        CONSTRAINT ck_complaint_status CHECK (status IN ('ontvangen', 'in-behandeling', 'afgehandeld')),
        CONSTRAINT ck_complaint_inspection CHECK (inspection_id IS NULL OR (location_id IS NOT NULL AND status <> 'ontvangen')),
        CONSTRAINT ck_complaint_resolution CHECK ((status = 'afgehandeld') = (resolution IS NOT NULL))
      )`,
    );
    await db.query(`CREATE INDEX ix_complaint_status ON complaint (status, created_at DESC)`);
    await db.query(`CREATE INDEX ix_complaint_created ON complaint (created_at DESC)`);
    await db.query(`CREATE INDEX ix_complaint_location ON complaint (location_id) WHERE location_id IS NOT NULL`);
    await db.query(`CREATE INDEX ix_complaint_inspection ON complaint (inspection_id) WHERE inspection_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE complaint`);
  }
}
