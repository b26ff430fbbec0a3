import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import type { InspectionResult } from '@keurmerk/norm';
import { AnswerEntity, AuditorRelationEntity, DecisionEntity, InspectionEntity, InspectionStatus } from './inspection.entities';

export interface InspectionFilter {
  status?: InspectionStatus;
  locationId?: string;
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

  async insertDecision(manager: EntityManager, row: Omit<DecisionEntity, 'id'>): Promise<DecisionEntity> {
    return manager.save(manager.create(DecisionEntity, row));
  }

  async decisionOf(inspectionId: string): Promise<DecisionEntity | null> {
    return this.db.manager.findOneBy(DecisionEntity, { inspectionId });
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

  /** Inspections the caller may see: an auditor its own, a landlord its locations', staff all. */
  private visible(principal: PersonPrincipal, query: SelectQueryBuilder<InspectionEntity>): SelectQueryBuilder<InspectionEntity> {
    switch (principal.role) {
      case 'beheerder':
      case 'certificeerder':
        return query;
      case 'auditor':
        return query.andWhere('i.auditor_id = :caller', { caller: principal.userId });
      case 'verhuurder':
        return query.andWhere('EXISTS (SELECT 1 FROM location l WHERE l.id = i.location_id AND l.organisation_id = :org)', {
          org: principal.organisationId,
        });
      default:
        return query.andWhere('false');
    }
  }
}
