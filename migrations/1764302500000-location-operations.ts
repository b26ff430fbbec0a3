import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Locations that live past their first day: a location can be deregistered (`afgemeld`), after which
 * its address is free for another holder, so "one location per address" now holds for active
 * locations only. A second claim on an address that is registered is kept as an `address_claim` for
 * the beheerder to resolve (the claimant is told nothing about the holder).
 */
export class LocationOperations1764302500000 implements MigrationInterface {
  name = 'LocationOperations1764302500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE location
        ADD COLUMN status text NOT NULL DEFAULT 'actief',
        ADD COLUMN deregistered_at timestamptz,
        ADD COLUMN deregistration_reason text,
        ADD CONSTRAINT ck_location_status CHECK (status IN ('actief', 'afgemeld')),
        ADD CONSTRAINT ck_location_deregistered
          CHECK ((status = 'afgemeld') = (deregistered_at IS NOT NULL AND deregistration_reason IS NOT NULL))`);
    await db.query(`DROP INDEX uq_location_address`);
    // One active location per address: verification by address must find the current holder.
    await db.query(
      `CREATE UNIQUE INDEX uq_location_address ON location (postcode, house_number, coalesce(house_letter, ''), ` +
        `coalesce(house_number_addition, '')) WHERE status = 'actief'`,
    );
    // The address lookups of verification also find deregistered locations (their withdrawn certificates).
    await db.query(
      `CREATE INDEX ix_location_address
         ON location (postcode, house_number, coalesce(house_letter, ''), coalesce(house_number_addition, ''))`,
    );

    await db.query(`
      CREATE TABLE address_claim (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        claimant_organisation_id uuid NOT NULL,
        claimed_by uuid NOT NULL,
        postcode text NOT NULL,
        house_number integer NOT NULL,
        house_letter text,
        house_number_addition text,
        street text NOT NULL,
        city text NOT NULL,
        municipality_code text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        claimed_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolved_by uuid,
        resolution text,
        CONSTRAINT pk_address_claim PRIMARY KEY (id),
        CONSTRAINT fk_address_claim_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_address_claim_organisation FOREIGN KEY (claimant_organisation_id) REFERENCES organisation (id),
        CONSTRAINT fk_address_claim_user FOREIGN KEY (claimed_by) REFERENCES user_account (id),
        CONSTRAINT fk_address_claim_resolver FOREIGN KEY (resolved_by) REFERENCES user_account (id),
        CONSTRAINT ck_address_claim_status CHECK (status IN ('open', 'afgehandeld')),
        CONSTRAINT ck_address_claim_resolved CHECK ((status = 'afgehandeld') = (resolved_at IS NOT NULL AND resolution IS NOT NULL))
      )`);
    // A claimant that tries again adds nothing new: one open claim per organisation and location.
    await db.query(
      `CREATE UNIQUE INDEX uq_address_claim_open ON address_claim (location_id, claimant_organisation_id) WHERE status = 'open'`,
    );
    await db.query(`CREATE INDEX ix_address_claim_status ON address_claim (status, claimed_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE address_claim`);
    await db.query(`DROP INDEX ix_location_address`);
    await db.query(`DROP INDEX uq_location_address`);
    await db.query(
      `CREATE UNIQUE INDEX uq_location_address ON location (postcode, house_number, coalesce(house_letter, ''), ` +
        `coalesce(house_number_addition, ''))`,
    );
    await db.query(`
      ALTER TABLE location DROP CONSTRAINT ck_location_deregistered, DROP CONSTRAINT ck_location_status,
        DROP COLUMN deregistration_reason, DROP COLUMN deregistered_at, DROP COLUMN status`);
  }
}
