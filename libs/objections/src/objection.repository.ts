import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { visibleLocationCondition } from '@keurmerk/locations';
import { ObjectionEntity, ObjectionRemedy } from './objection.entity';
import type { ObjectionOutcome, ObjectionStatus } from './objection-input';

export interface ObjectionFilter {
  status?: ObjectionStatus;
  locationId?: string;
  /** Only undecided ones this person took no part in: what a certificeerder may decide. */
  decidableBy?: string;
}

/** The status change that brought a certificate to its present status. */
export interface LatestStatusChange {
  id: string;
  toStatus: string;
  actorKind: string;
  actorId: string | null;
  occurredAt: Date;
}

export type NewObjectionRow = Omit<ObjectionEntity, 'id' | 'status' | 'outcome' | 'explanation' | 'decidedBy' | 'decidedAt' | 'remedy'>;

/** The queries of objections (and the reads about the contested case they need); every rule is the service's. */
@Injectable()
export class ObjectionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(manager: EntityManager, row: NewObjectionRow): Promise<ObjectionEntity> {
    return manager.save(manager.create(ObjectionEntity, { ...row, status: 'ingediend' as const }));
  }

  lock(manager: EntityManager, id: string): Promise<ObjectionEntity | null> {
    return manager.createQueryBuilder(ObjectionEntity, 'o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  async recordDecision(
    manager: EntityManager,
    id: string,
    decision: { outcome: ObjectionOutcome; explanation: string; decidedBy: string; decidedAt: Date; remedy: ObjectionRemedy | null },
  ): Promise<void> {
    await manager.update(ObjectionEntity, { id }, { status: 'besloten', ...decision });
  }

  findVisible(principal: Principal, id: string): Promise<ObjectionEntity | null> {
    return this.visible(principal).andWhere('o.id = :id', { id }).getOne();
  }

  /** Undecided first, by beslistermijn (so the overdue ones lead), then the decided ones, newest first. */
  async listVisible(principal: Principal, request: PageRequest, filter: ObjectionFilter = {}): Promise<Page<ObjectionEntity>> {
    const query = this.visible(principal);
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.locationId) query.andWhere('o.location_id = :locationId', { locationId: filter.locationId });
    if (filter.decidableBy) {
      query.andWhere(`o.status = 'ingediend' AND NOT (:decider = ANY(o.involved_user_ids))`, { decider: filter.decidableBy });
    }
    const [items, total] = await query
      .orderBy(`CASE WHEN o.status = 'ingediend' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy(`CASE WHEN o.status = 'ingediend' THEN o.decision_due END`, 'ASC')
      .addOrderBy('o.filed_at', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .offset(pageOffset(request))
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  /** Undecided objections the principal may see, and how many of them are past their beslistermijn on `today`. */
  async openCounts(principal: Principal, today: string): Promise<{ open: number; overdue: number }> {
    const row = await this.visible(principal)
      .select('count(*)::int', 'open')
      .addSelect('(count(*) FILTER (WHERE o.decision_due < :today))::int', 'overdue')
      .andWhere(`o.status = 'ingediend'`)
      .setParameter('today', today)
      .getRawOne<{ open: number; overdue: number }>();
    return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
  }

  /** The latest status change of a certificate (what brought it to its present status), if any. */
  async latestStatusChange(number: string, manager: EntityManager = this.db.manager): Promise<LatestStatusChange | undefined> {
    // Ordered by the number, not by the text it is selected as ("4" sorts after "21").
    const [row] = (await manager.query(
      `SELECT id::text AS id, to_status, actor_kind, actor_id, occurred_at
         FROM certificate_status_change c WHERE certificate_number = $1 ORDER BY c.id DESC LIMIT 1`,
      [number],
    )) as { id: string; to_status: string; actor_kind: string; actor_id: string | null; occurred_at: Date }[];
    return row
      ? { id: row.id, toStatus: row.to_status, actorKind: row.actor_kind, actorId: row.actor_id, occurredAt: row.occurred_at }
      : undefined;
  }

  /**
   * Who took part in the inspection behind a certificate's status change: the auditor and the
   * certificeerder(s) of the location's latest inspection submitted up to that moment. Wider rather
   * than narrower: excluding one certificeerder too many costs a reassignment, one too few the
   * impartiality the procedure is for.
   */
  async inspectionParticipantsBefore(locationId: string, at: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT i.auditor_id::text AS auditor_id, d.decided_by::text AS decided_by
         FROM (SELECT id, auditor_id FROM inspection WHERE location_id = $1 AND submitted_at <= $2
                ORDER BY submitted_at DESC LIMIT 1) i
         LEFT JOIN decision d ON d.inspection_id = i.id AND d.decided_at <= $2`,
      [locationId, at],
    )) as { auditor_id: string; decided_by: string | null }[];
    return rows.flatMap((row) => [row.auditor_id, ...(row.decided_by ? [row.decided_by] : [])]);
  }

  /** The objections against these contested effects, if any: to tell the landlord which are taken. */
  async existingFor(effects: { decisionIds: string[]; statusChangeIds: string[] }): Promise<ObjectionEntity[]> {
    if (effects.decisionIds.length === 0 && effects.statusChangeIds.length === 0) return [];
    return this.db.manager
      .createQueryBuilder(ObjectionEntity, 'o')
      .where('o.decision_id = ANY(:decisions::uuid[]) OR o.status_change_id = ANY(:changes::bigint[])', {
        decisions: effects.decisionIds,
        changes: effects.statusChangeIds,
      })
      .getMany();
  }

  /** Objections the principal may see, under the alias `o`, by the location rule (locaties). */
  private visible(principal: Principal): SelectQueryBuilder<ObjectionEntity> {
    const query = this.db.manager.createQueryBuilder(ObjectionEntity, 'o');
    const condition = visibleLocationCondition(principal, 'location');
    if (!condition) return query;
    return query.andWhere(
      `EXISTS (SELECT 1 FROM location location WHERE location.id = o.location_id AND ${condition.sql})`,
      condition.params,
    );
  }
}
