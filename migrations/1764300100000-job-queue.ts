import PgBoss from 'pg-boss';
import { MigrationInterface, QueryRunner } from 'typeorm';

export const JOB_QUEUE_SCHEMA = 'job_queue';

/**
 * The job queue's tables (pg-boss), made here rather than by pg-boss at start, so the schema comes
 * only from migrations and the application role needs no DDL rights. pg-boss's plan carries its own
 * BEGIN/COMMIT; the migration already runs in a transaction, so those two lines are dropped.
 * Upgrading pg-boss means a new migration with PgBoss.getMigrationPlans(schema, fromVersion).
 */
export class JobQueue1764300100000 implements MigrationInterface {
  name = 'JobQueue1764300100000';

  async up(db: QueryRunner): Promise<void> {
    const plan = PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA)
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    if (/\bCOMMIT;/.test(plan) || /^\s*BEGIN;/m.test(plan)) throw new Error('Unexpected transaction control in the pg-boss plan');
    await db.query(plan);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA ${JOB_QUEUE_SCHEMA} CASCADE`);
  }
}
