import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Municipal insight: the residents landlords report per location and date, the coordinates the
 * address lookup gives a location (for the municipality's map), and the indexes the statistics'
 * aggregates read. No figure is stored twice: the statistics are computed from these rows, the
 * certificates and the complaints at the moment they are asked for.
 */
export class Insight1764302600000 implements MigrationInterface {
  name = 'Insight1764302600000';

  async up(db: QueryRunner): Promise<void> {
    // Nullable: filled at registration when the lookup answers; a location without them is simply not on the map.
    await db.query(`ALTER TABLE location ADD COLUMN latitude double precision, ADD COLUMN longitude double precision`);
    await db.query(`
      ALTER TABLE location
        ADD CONSTRAINT ck_location_coordinates CHECK (
          (latitude IS NULL) = (longitude IS NULL)
          AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)))`);

    await db.query(`
      CREATE TABLE occupancy_report (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        reference_date date NOT NULL,
        residents integer NOT NULL,
        reported_by uuid NOT NULL,
        reported_at timestamptz NOT NULL,
        CONSTRAINT pk_occupancy_report PRIMARY KEY (id),
        CONSTRAINT fk_occupancy_report_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_occupancy_report_user FOREIGN KEY (reported_by) REFERENCES user_account (id),
        CONSTRAINT ck_occupancy_report_residents CHECK (residents BETWEEN 0 AND 10000),
        CONSTRAINT ck_occupancy_report_date CHECK (reference_date >= DATE '2000-01-01'),
        -- One report per location and date: a second one for the same date replaces the first (the event log keeps both).
        CONSTRAINT uq_occupancy_report_location_date UNIQUE (location_id, reference_date)
      )`);
    // The latest report of a location (DISTINCT ON ... ORDER BY reference_date DESC) reads this index backwards.
    await db.query(`CREATE INDEX ix_occupancy_report_location_latest ON occupancy_report (location_id, reference_date DESC)`);
    // Which locations reported in a month (the reminder hook).
    await db.query(`CREATE INDEX ix_occupancy_report_date ON occupancy_report (reference_date, location_id)`);

    // The statistics: each location's latest published certificate, per municipality, read from the index alone.
    await db.query(
      `CREATE INDEX ix_certificate_statistics ON certificate (municipality_code, location_id, issued_at DESC) ` +
        `INCLUDE (status, maximum_residents, valid_until) WHERE status <> 'uitgifte'`,
    );
    // Complaints of the last 30 days per municipality go through their location.
    await db.query(`CREATE INDEX ix_complaint_location_created ON complaint (location_id, created_at) WHERE location_id IS NOT NULL`);
    // Figures by housing type and town within a municipality.
    await db.query(`CREATE INDEX ix_location_municipality_type ON location (municipality_code, housing_type, city)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_location_municipality_type`);
    await db.query(`DROP INDEX ix_complaint_location_created`);
    await db.query(`DROP INDEX ix_certificate_statistics`);
    await db.query(`DROP TABLE occupancy_report`);
    await db.query(`ALTER TABLE location DROP CONSTRAINT ck_location_coordinates, DROP COLUMN latitude, DROP COLUMN longitude`);
  }
}
