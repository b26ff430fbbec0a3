import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role production runs the application under; it does not own the tables (see SECURITY.md). */
export const APPLICATION_ROLE = 'keurmerk_app';

/**
 * The event log may be appended to and read, nothing else, by anyone but its owner. The trigger of
 * the audit migration refuses UPDATE, DELETE and TRUNCATE for everyone; these privileges make the
 * refusal the database's own for the application role, so it holds even with the trigger disabled.
 * Roles belong to the whole server and are made by the operator, not by a migration: a role that
 * exists when this runs is limited here; grants made later end with the same REVOKE (SECURITY.md).
 */
export class EventLogPrivileges1764300800000 implements MigrationInterface {
  name = 'EventLogPrivileges1764300800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON event_log FROM PUBLIC`);
    await db.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON event_log FROM ${APPLICATION_ROLE};
          GRANT SELECT, INSERT ON event_log TO ${APPLICATION_ROLE};
        END IF;
      END
      $$`);
  }

  async down(): Promise<void> {
    // Privileges taken away are not given back: nobody should update or delete the event log.
  }
}
