import type { EntityManager } from 'typeorm';

/** What the landlord is told of its objection. */
export interface ObjectionNotice {
  objectionId: string;
  /** The landlord organisation that objected; its active users are told. */
  organisationId: string;
  /** What the objection is about, in a few words (`certificaat KM-2026-000123-4`). */
  subject: string;
  /** The web app's page of the objection, from /app on. */
  path: string;
}

/**
 * Told when an objection is filed and when it is decided, inside that transaction (the mail feature writes
 * its outbox there). Optional: a process without it files and decides all the same.
 */
export abstract class ObjectionNoticeObserver {
  abstract objectionReceived(manager: EntityManager, notice: ObjectionNotice): Promise<unknown>;
  abstract objectionDecided(manager: EntityManager, notice: ObjectionNotice & { upheld: boolean; explanation: string }): Promise<unknown>;
}
