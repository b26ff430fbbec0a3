import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOB_QUEUE_SCHEMA } from './1764300100000-job-queue';

/** The worker's surveillance jobs; made here like every queue (see the job-queues migration). */
const QUEUES = ['surveillance.daily', 'surveillance.monthly-sample'];

/**
 * Surveillance: planning requests (a location that must be inspected, why, how, and by when) and the
 * random sample's draws. "No location is asked twice for one reason" is the database's own rule: one
 * open request per location and reason, and one re-inspection request per certificate ever (the
 * daily sweep may run any number of times; a planned request is not opened again the next day).
 */
export class Surveillance1764301800000 implements MigrationInterface {
  name = 'Surveillance1764301800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sample_draw (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seed text NOT NULL,
        percentage numeric(7, 4) NOT NULL,
        eligible_count integer NOT NULL,
        location_ids uuid[] NOT NULL,
        period text,
        drawn_by uuid,
        drawn_at timestamptz NOT NULL,
        CONSTRAINT pk_sample_draw PRIMARY KEY (id),
        CONSTRAINT fk_sample_draw_user FOREIGN KEY (drawn_by) REFERENCES user_account (id),
        -- Whole bytes of hex, lower case: the seed is hashed as bytes, so an odd digit would be ambiguous.
        CONSTRAINT ck_sample_draw_seed CHECK (seed ~ '^([0-9a-f]{2}){1,32}$'),
        CONSTRAINT ck_sample_draw_percentage CHECK (percentage > 0 AND percentage <= 100),
        CONSTRAINT ck_sample_draw_eligible CHECK (eligible_count >= 0 AND cardinality(location_ids) <= eligible_count),
        -- The worker's monthly draw names its month (Amsterdam); a draw asked through the API has none.
        CONSTRAINT ck_sample_draw_period CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        CONSTRAINT uq_sample_draw_period UNIQUE (period)
      )`);
    await db.query(`CREATE INDEX ix_sample_draw_drawn ON sample_draw (drawn_at DESC, id)`);

    await db.query(`
      CREATE TABLE planning_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL,
        certificate_number text,
        reason text NOT NULL,
        inspection_kind text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open',
        inspection_id uuid,
        sample_draw_id uuid,
        created_at timestamptz NOT NULL,
        planned_at timestamptz,
        CONSTRAINT pk_planning_request PRIMARY KEY (id),
        CONSTRAINT fk_planning_request_location FOREIGN KEY (location_id) REFERENCES location (id),
        CONSTRAINT fk_planning_request_certificate FOREIGN KEY (certificate_number) REFERENCES certificate (number),
        CONSTRAINT fk_planning_request_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
        CONSTRAINT fk_planning_request_sample_draw FOREIGN KEY (sample_draw_id) REFERENCES sample_draw (id),
        CONSTRAINT ck_planning_request_reason CHECK (reason IN ('herinspectie', 'steekproef', 'melding', 'wijziging', 'bezwaar')),
        CONSTRAINT ck_planning_request_kind CHECK (inspection_kind IN ('initieel', 'periodiek', 'onaangekondigd', 'herinspectie')),
        CONSTRAINT ck_planning_request_status CHECK (status IN ('open', 'ingepland')),
        CONSTRAINT ck_planning_request_planned CHECK ((status = 'ingepland') = (inspection_id IS NOT NULL AND planned_at IS NOT NULL)),
        CONSTRAINT ck_planning_request_sample CHECK ((reason = 'steekproef') = (sample_draw_id IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_planning_request_open ON planning_request (location_id, reason) WHERE status = 'open'`);
    await db.query(
      `CREATE UNIQUE INDEX uq_planning_request_reinspection ON planning_request (certificate_number) WHERE reason = 'herinspectie'`,
    );
    await db.query(`CREATE INDEX ix_planning_request_status_due ON planning_request (status, due_date, id)`);
    await db.query(`CREATE INDEX ix_planning_request_inspection ON planning_request (inspection_id) WHERE inspection_id IS NOT NULL`);

    for (const name of QUEUES) {
      await db.query(`SELECT ${JOB_QUEUE_SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify({ policy: 'standard' })]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of QUEUES) await db.query(`SELECT ${JOB_QUEUE_SCHEMA}.delete_queue($1)`, [name]);
    await db.query(`DROP TABLE planning_request`);
    await db.query(`DROP TABLE sample_draw`);
  }
}
