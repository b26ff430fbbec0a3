import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { Clock } from '@keurmerk/common';
import { ChainRow, ChainVerdict, ChainVerifier, chainHash, GENESIS_HASH } from './chain';
import { EventLogRepository } from './event-log.repository';

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
    private readonly entries: EventLogRepository,
    private readonly clock: Clock,
  ) {}

  async append(manager: EntityManager, event: NewEvent): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('EventLog.append must run inside the transaction of the change it records');
    }
    await this.entries.lockForAppend(manager);
    const previousHash = (await this.entries.lastHash(manager)) ?? GENESIS_HASH;
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
    await this.entries.insert(manager, fields, previousHash, chainHash(previousHash, fields));
  }

  history(entityType: string, entityId: string): Promise<ChainRow[]> {
    return this.entries.history(entityType, entityId);
  }

  /** Walks the whole chain in pages, so memory stays flat however long it is. */
  async verify(pageSize = 5000): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    let after = '0';
    for (;;) {
      const rows = await this.entries.pageAfter(after, pageSize);
      for (const row of rows) if (!verifier.feed(row)) return verifier.verdict();
      if (rows.length < pageSize) return verifier.verdict();
      after = rows[rows.length - 1].id;
    }
  }
}

/** What goes in is what comes back out of jsonb: dates as strings, no undefined. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
