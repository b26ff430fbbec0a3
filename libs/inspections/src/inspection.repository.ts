import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not, SelectQueryBuilder } from 'typeorm';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import type { InspectionResult } from '@keurmerk/norm';
import { restrictToVisibleInspections } from './inspection-visibility';
import { AnswerEntity, AuditorRelationEntity, DecisionEntity, InspectionEntity, InspectionStatus } from './inspection.entities';

export interface InspectionFilter {
  status?: InspectionStatus;
  locationId?: string;
}

/** How many inspections an auditor has to do in the week starting on Monday `weekStart` (Amsterdam). */
export interface PlannedPerWeek {
  auditorId: string;
  weekStart: string;
  count: number;
}

/** The columns a new inspection gets from planning. */
export type NewInspectionRow = Omit<InspectionEntity, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * The queries on inspections and what hangs off them in this feature's own tables: answers,
 * decisions and declared auditor relations. Who may do what is InspectionService's to decide.
 */
@Injectable()
export class InspectionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findVisible(principal: PersonPrincipal, id: string): Promise<InspectionEntity | null> {
    return this.visible(principal, this.db.manager.createQueryBuilder(InspectionEntity, 'i').where('i.id = :id', { id })).getOne();
  }

  async listVisible(principal: PersonPrincipal, request: PageRequest, filter: InspectionFilter = {}): Promise<Page<InspectionEntity>> {
    let query = this.visible(principal, this.db.manager.createQueryBuilder(InspectionEntity, 'i'));
    if (filter.status) query = query.andWhere('i.status = :status', { status: filter.status });
    if (filter.locationId) query = query.andWhere('i.location_id = :locationId', { locationId: filter.locationId });
    const [items, total] = await query
      .orderBy('i.planned_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip(pageOffset(request))
      .take(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  /**
   * The inspections still to be done (gepland, in-uitvoering) that the principal may see, counted per
   * auditor and Amsterdam calendar week (Monday) from `fromDate` up to, not including, `untilDate`.
   */
  async plannedPerAuditorWeek(principal: PersonPrincipal, fromDate: string, untilDate: string): Promise<PlannedPerWeek[]> {
    const query = this.visible(principal, this.db.manager.createQueryBuilder(InspectionEntity, 'i'))
      .select('i.auditor_id', 'auditorId')
      .addSelect(`to_char(date_trunc('week', i.planned_at AT TIME ZONE 'Europe/Amsterdam'), 'YYYY-MM-DD')`, 'weekStart')
      .addSelect('count(*)::int', 'count')
      .andWhere(`i.status IN ('gepland', 'in-uitvoering')`)
      .andWhere(`i.planned_at >= (CAST(:fromDate AS date)::timestamp AT TIME ZONE 'Europe/Amsterdam')`, { fromDate })
      .andWhere(`i.planned_at < (CAST(:untilDate AS date)::timestamp AT TIME ZONE 'Europe/Amsterdam')`, { untilDate })
      .groupBy('i.auditor_id')
      .addGroupBy('"weekStart"');
    return query.getRawMany<PlannedPerWeek>();
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<InspectionEntity | null> {
    return manager.findOneBy(InspectionEntity, { id });
  }

  /** The norm version and location an auditor's own inspection is pinned to, read before its transaction. */
  async findPinnedForAuditor(id: string, auditorId: string): Promise<Pick<InspectionEntity, 'normVersion' | 'locationId' | 'kind'> | null> {
    return this.db.manager.findOne(InspectionEntity, {
      where: { id, auditorId },
      select: { normVersion: true, locationId: true, kind: true },
    });
  }

  /** The inspection locked FOR UPDATE, optionally only when `auditorId` is its auditor. */
  async lock(manager: EntityManager, id: string, auditorId?: string): Promise<InspectionEntity | null> {
    const query = manager.createQueryBuilder(InspectionEntity, 'i').setLock('pessimistic_write').where('i.id = :id', { id });
    if (auditorId !== undefined) query.andWhere('i.auditor_id = :auditor', { auditor: auditorId });
    return query.getOne();
  }

  async insert(manager: EntityManager, row: NewInspectionRow): Promise<InspectionEntity> {
    return manager.save(manager.create(InspectionEntity, row));
  }

  async setStatus(manager: EntityManager, id: string, status: InspectionStatus): Promise<void> {
    await manager.update(InspectionEntity, { id }, { status });
  }

  async recordSubmission(manager: EntityManager, id: string, submittedAt: Date, result: InspectionResult): Promise<void> {
    await manager.update(InspectionEntity, { id }, { status: 'ingediend', submittedAt, result });
  }

  async answersOf(inspectionId: string, manager: EntityManager = this.db.manager): Promise<AnswerEntity[]> {
    return manager.find(AnswerEntity, { where: { inspectionId }, order: { criterionCode: 'ASC' } });
  }

  async findAnswer(manager: EntityManager, inspectionId: string, criterionCode: string): Promise<AnswerEntity | null> {
    return manager.findOneBy(AnswerEntity, { inspectionId, criterionCode });
  }

  /** Records the answer, replacing an earlier one to the same criterion. */
  async saveAnswer(manager: EntityManager, row: AnswerEntity): Promise<AnswerEntity> {
    return manager.save(manager.create(AnswerEntity, row));
  }

  async insertDecision(
    manager: EntityManager,
    row: Omit<DecisionEntity, 'id' | 'revisedAt' | 'revisedBy' | 'revisionReason'>,
  ): Promise<DecisionEntity> {
    return manager.save(manager.create(DecisionEntity, { ...row, revisedAt: null, revisedBy: null, revisionReason: null }));
  }

  /** The decision in force (not revised after an objection), if any. */
  async decisionOf(inspectionId: string, manager: EntityManager = this.db.manager): Promise<DecisionEntity | null> {
    return manager.findOneBy(DecisionEntity, { inspectionId, revisedAt: IsNull() });
  }

  /** Who decided on the inspection before and saw the decision revised: they may not decide on it again. */
  async revisedDecidersOf(manager: EntityManager, inspectionId: string): Promise<string[]> {
    const rows = await manager.find(DecisionEntity, { where: { inspectionId, revisedAt: Not(IsNull()) }, select: { decidedBy: true } });
    return [...new Set(rows.map((row) => row.decidedBy))];
  }

  async markDecisionRevised(manager: EntityManager, id: string, revision: { at: Date; by: string; reason: string }): Promise<void> {
    await manager.update(DecisionEntity, { id }, { revisedAt: revision.at, revisedBy: revision.by, revisionReason: revision.reason });
  }

  async findRelation(
    auditorId: string,
    organisationId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<AuditorRelationEntity | null> {
    return manager.findOneBy(AuditorRelationEntity, { auditorId, organisationId });
  }

  async insertRelation(
    manager: EntityManager,
    row: Pick<AuditorRelationEntity, 'auditorId' | 'organisationId' | 'description'>,
  ): Promise<AuditorRelationEntity> {
    return manager.save(manager.create(AuditorRelationEntity, row));
  }

  async listRelations(auditorId?: string): Promise<AuditorRelationEntity[]> {
    return this.db.manager.find(AuditorRelationEntity, { where: auditorId ? { auditorId } : {}, order: { declaredAt: 'ASC' } });
  }

  /** Inspections the caller may see: the one rule of inspection-visibility.ts (unannounced: hidden from the landlord until submitted). */
  private visible(principal: PersonPrincipal, query: SelectQueryBuilder<InspectionEntity>): SelectQueryBuilder<InspectionEntity> {
    return restrictToVisibleInspections(query, principal, 'i');
  }
}
