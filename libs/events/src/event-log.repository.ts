import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChainedFields, ChainRow } from './chain';

// Appends are serialised so each entry links to the one before it; any constant works.
const EVENT_LOG_LOCK = 7_310_552_010;

/**
 * Queries on the event log. The table takes INSERT only (a trigger refuses UPDATE and DELETE);
 * hashing and chaining are the event log's rules, not this class's.
 */
@Injectable()
export class EventLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Holds the append lock until the caller's transaction ends, so no two appends read the same last hash. */
  async lockForAppend(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK]);
  }

  async lastHash(manager: EntityManager): Promise<string | undefined> {
    const [last] = (await manager.query('SELECT hash FROM event_log ORDER BY id DESC LIMIT 1')) as { hash: string }[];
    return last?.hash;
  }

  async insert(manager: EntityManager, fields: ChainedFields, previousHash: string, hash: string): Promise<void> {
    await manager.query(
      `INSERT INTO event_log (occurred_at, actor_kind, actor_id, entity_type, entity_id, action, before, after, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        fields.occurredAt,
        fields.actorKind,
        fields.actorId,
        fields.entityType,
        fields.entityId,
        fields.action,
        fields.before === null ? null : JSON.stringify(fields.before),
        fields.after === null ? null : JSON.stringify(fields.after),
        previousHash,
        hash,
      ],
    );
  }

  /** The entries about one entity, oldest first. */
  async history(entityType: string, entityId: string): Promise<ChainRow[]> {
    return (
      (await this.db.query(`${SELECT_ROWS} WHERE entity_type = $1 AND entity_id = $2 ORDER BY event_log.id`, [
        entityType,
        entityId,
      ])) as Record<string, unknown>[]
    ).map(toRow);
  }

  /** Up to `limit` entries after the one with id `after`, in order. */
  async pageAfter(after: string, limit: number): Promise<ChainRow[]> {
    return (
      (await this.db.query(`${SELECT_ROWS} WHERE event_log.id > $1 ORDER BY event_log.id LIMIT $2`, [after, limit])) as Record<
        string,
        unknown
      >[]
    ).map(toRow);
  }
}

// Ordered by event_log.id, the number: the text copy selected here would sort 10 before 2.
const SELECT_ROWS =
  `SELECT event_log.id::text AS id, occurred_at, actor_kind, actor_id, entity_type, entity_id, action, before, after, ` +
  `previous_hash, hash FROM event_log`;

function toRow(r: Record<string, unknown>): ChainRow {
  return {
    id: r.id as string,
    occurredAt: (r.occurred_at as Date).toISOString(),
    actorKind: r.actor_kind as string,
    actorId: (r.actor_id as string | null) ?? null,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string,
    action: r.action as string,
    before: r.before ?? null,
    after: r.after ?? null,
    previousHash: r.previous_hash as string,
    hash: r.hash as string,
  };
}
