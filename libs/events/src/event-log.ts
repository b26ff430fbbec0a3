import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { Clock } from '@keurmerk/common';
import { ChainRow, ChainVerdict, ChainVerifier, chainHash, GENESIS_HASH } from './chain';

// Appends are serialised so each entry links to the one before it; any constant works.
const EVENT_LOG_LOCK = 7_310_552_010;

export interface Actor {
  kind: 'person' | 'api-key' | 'system' | 'public';
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null };
export const PUBLIC_ACTOR: Actor = { kind: 'public', id: null };

export function actorOf(principal: Principal | undefined): Actor {
  if (!principal) return PUBLIC_ACTOR;
  return principal.kind === 'person' ? { kind: 'person', id: principal.userId } : { kind: 'api-key', id: principal.apiKeyId };
}

export interface NewEvent {
  actor: Actor;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Every state change, appended in the same transaction as the change itself, each entry carrying
 * the hash of the one before. The table refuses UPDATE and DELETE; the chain shows what went around that.
 */
@Injectable()
export class EventLog {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, event: NewEvent): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('EventLog.append must run inside the transaction of the change it records');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK]);
    const [last] = await manager.query('SELECT hash FROM event_log ORDER BY id DESC LIMIT 1');
    const previousHash: string = last?.hash ?? GENESIS_HASH;
    const fields = {
      occurredAt: this.clock.now().toISOString(),
      actorKind: event.actor.kind,
      actorId: event.actor.id,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      before: normalise(event.before),
      after: normalise(event.after),
    };
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
        chainHash(previousHash, fields),
      ],
    );
  }

  async history(entityType: string, entityId: string): Promise<(ChainRow & { id: string })[]> {
    return (await this.db.query(`${SELECT_ROWS} WHERE entity_type = $1 AND entity_id = $2 ORDER BY event_log.id`, [entityType, entityId])).map(toRow);
  }

  /** Walks the whole chain in pages, so memory stays flat however long it is. */
  async verify(pageSize = 5000): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    let after = '0';
    for (;;) {
      const rows = (await this.db.query(`${SELECT_ROWS} WHERE event_log.id > $1 ORDER BY event_log.id LIMIT $2`, [after, pageSize])).map(toRow);
      for (const row of rows) if (!verifier.feed(row)) return verifier.verdict();
      if (rows.length < pageSize) return verifier.verdict();
      after = rows[rows.length - 1].id;
    }
  }
}

// Ordered by event_log.id, the number: the text copy selected here would sort 10 before 2.
const SELECT_ROWS = `SELECT event_log.id::text AS id, occurred_at, actor_kind, actor_id, entity_type, entity_id, action, before, after, previous_hash, hash FROM event_log`;

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

/** What goes in is what comes back out of jsonb: dates as strings, no undefined. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
