import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOB_QUEUE_SCHEMA } from './1764300100000-job-queue';

/**
 * Every queue the processes use (@JobProcessor). A new one comes with a new migration like this:
 * test/reliability/tamper-evidence.e2e-spec.ts starts the API under the application role, which fails on
 * a queue that is missing.
 */
const QUEUES = ['certificates.issue', 'certificates.daily', 'webhooks.deliver', 'webhooks.sweep', 'findings.sweep-overdue'];

/**
 * The job queues, made by the migrations like the rest of the schema. pg-boss makes a queue as a
 * partition of its job table, which only the table's owner may do: the application role
 * (SECURITY.md) does not own it, and finds its queues here. pg-boss's create_queue does nothing
 * for a queue that exists.
 */
export class JobQueues1764300850000 implements MigrationInterface {
  name = 'JobQueues1764300850000';

  async up(db: QueryRunner): Promise<void> {
    for (const name of QUEUES) {
      await db.query(`SELECT ${JOB_QUEUE_SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify({ policy: 'standard' })]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of QUEUES) await db.query(`SELECT ${JOB_QUEUE_SCHEMA}.delete_queue($1)`, [name]);
  }
}
