import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { landlordMayKnowOfSql } from './inspection-visibility';
import { FindingEntity, FindingStatus, RepairReportEntity } from './inspection.entities';

export interface FindingFilter {
  locationId?: string;
  inspectionId?: string;
  status?: string;
}

/** The columns a finding gets when a submission produces it. */
export type NewFindingRow = Pick<FindingEntity, 'inspectionId' | 'locationId' | 'criterionCode' | 'severity' | 'repairDeadline'>;

/** A major finding past its deadline, as the sweep handles it. */
export interface OverdueMajor {
  id: string;
  locationId: string;
  criterionCode: string;
}

/** The queries on findings and their repair reports; the rules are FindingService's. */
@Injectable()
export class FindingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listVisible(principal: Principal, request: PageRequest, filter: FindingFilter = {}): Promise<Page<FindingEntity>> {
    let query = this.visible(principal, this.db.manager);
    if (filter.locationId) query = query.andWhere('f.location_id = :locationId', { locationId: filter.locationId });
    if (filter.inspectionId) query = query.andWhere('f.inspection_id = :inspectionId', { inspectionId: filter.inspectionId });
    if (filter.status) query = query.andWhere('f.status = :status', { status: filter.status });
    const [items, total] = await query
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.criterion_code', 'ASC')
      .skip(pageOffset(request))
      .take(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  async findVisible(principal: Principal, id: string): Promise<FindingEntity | null> {
    return this.visible(principal, this.db.manager).andWhere('f.id = :id', { id }).getOne();
  }

  /** The finding locked FOR UPDATE (the finding row only), if the principal may see it. */
  async lockVisible(manager: EntityManager, principal: Principal, id: string): Promise<FindingEntity | null> {
    return this.visible(principal, manager).setLock('pessimistic_write', undefined, ['f']).andWhere('f.id = :id', { id }).getOne();
  }

  async findingsOf(inspectionId: string): Promise<FindingEntity[]> {
    return this.db.manager.find(FindingEntity, { where: { inspectionId }, order: { criterionCode: 'ASC' } });
  }

  /** The inspection's knock-out and major findings that are not closed, by criterion. */
  async openSeriousOf(manager: EntityManager, inspectionId: string): Promise<FindingEntity[]> {
    return manager
      .createQueryBuilder(FindingEntity, 'f')
      .where('f.inspection_id = :id', { id: inspectionId })
      .andWhere(`f.status <> 'gesloten'`)
      .andWhere(`f.severity IN ('knock-out', 'major')`)
      .orderBy('f.criterion_code')
      .getMany();
  }

  /** New findings, open. */
  async insertOpen(manager: EntityManager, rows: NewFindingRow[]): Promise<FindingEntity[]> {
    return manager.save(
      rows.map((row) => manager.create(FindingEntity, { ...row, status: 'open', closedAt: null, overdueHandledAt: null })),
    );
  }

  async setStatus(manager: EntityManager, id: string, status: FindingStatus, closedAt?: Date | null): Promise<void> {
    await manager.update(FindingEntity, { id }, closedAt === undefined ? { status } : { status, closedAt });
  }

  async reportsOf(findingId: string, manager: EntityManager = this.db.manager): Promise<RepairReportEntity[]> {
    return manager.find(RepairReportEntity, { where: { findingId }, order: { reportedAt: 'ASC' } });
  }

  async insertReport(
    manager: EntityManager,
    row: Pick<RepairReportEntity, 'findingId' | 'description' | 'reportedBy' | 'reportedAt'>,
  ): Promise<RepairReportEntity> {
    return manager.save(manager.create(RepairReportEntity, { ...row, accepted: null }));
  }

  /** The report that awaits review; there is exactly one while the finding is `herstel-gemeld`. */
  async awaitingReportOf(manager: EntityManager, findingId: string): Promise<RepairReportEntity> {
    return manager.findOneByOrFail(RepairReportEntity, { findingId, accepted: IsNull() });
  }

  async recordReview(
    manager: EntityManager,
    reportId: string,
    review: Pick<RepairReportEntity, 'accepted' | 'reviewExplanation' | 'reviewedBy' | 'reviewedAt'>,
  ): Promise<void> {
    await manager.update(RepairReportEntity, { id: reportId }, review);
  }

  /**
   * The next major past its deadline on `today`, not closed and not yet handled, locked; one another
   * sweep holds is skipped, so two sweeps never handle one finding twice.
   */
  async lockNextOverdueMajor(manager: EntityManager, today: string): Promise<OverdueMajor | undefined> {
    const finding = await manager
      .createQueryBuilder(FindingEntity, 'f')
      .select(['f.id', 'f.locationId', 'f.criterionCode'])
      .where(`f.severity = 'major'`)
      .andWhere(`f.status <> 'gesloten'`)
      .andWhere('f.repair_deadline < :today', { today })
      .andWhere('f.overdue_handled_at IS NULL')
      .orderBy('f.repair_deadline')
      .addOrderBy('f.id')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
    return finding ? { id: finding.id, locationId: finding.locationId, criterionCode: finding.criterionCode } : undefined;
  }

  /**
   * Open findings of the location's earlier inspections whose criterion now passes, closed by this
   * herinspectie; returns them as they were.
   */
  async closeByReinspection(
    manager: EntityManager,
    locationId: string,
    inspectionId: string,
    passedCriteria: string[],
    at: Date,
  ): Promise<FindingEntity[]> {
    if (passedCriteria.length === 0) return [];
    const open = await manager
      .createQueryBuilder(FindingEntity, 'f')
      .setLock('pessimistic_write')
      .where('f.location_id = :locationId AND f.inspection_id <> :inspectionId', { locationId, inspectionId })
      .andWhere(`f.status <> 'gesloten'`)
      .andWhere('f.criterion_code IN (:...passedCriteria)', { passedCriteria })
      .orderBy('f.criterion_code')
      .addOrderBy('f.id')
      .getMany();
    if (open.length > 0)
      await manager.update(
        FindingEntity,
        open.map((f) => f.id),
        { status: 'gesloten', closedAt: at },
      );
    return open;
  }

  async markOverdueHandled(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(FindingEntity, { id }, { overdueHandledAt: at });
  }

  /** Findings joined to their location (alias `l`), narrowed to what the principal may see. */
  private visible(principal: Principal, manager: EntityManager): SelectQueryBuilder<FindingEntity> {
    const condition = visibleFindingCondition(principal);
    return manager
      .createQueryBuilder(FindingEntity, 'f')
      .innerJoin('location', 'l', 'l.id = f.location_id')
      .where(condition.sql, condition.params);
  }
}

/** Same visibility as the location: landlords their own, municipalities their area, auditors their inspections', staff all. */
function visibleFindingCondition(principal: Principal): { sql: string; params: Record<string, unknown> } {
  if (principal.kind === 'api-key') return { sql: 'l.municipality_code = :gm', params: { gm: principal.municipalityCode } };
  switch (principal.role) {
    case 'beheerder':
    case 'certificeerder':
      return { sql: 'true', params: {} };
    case 'verhuurder':
      // Findings exist only after submission, but the landlord's rule is the inspection's all the same.
      return {
        sql:
          'l.organisation_id = :org AND ' +
          `EXISTS (SELECT 1 FROM inspection fi WHERE fi.id = f.inspection_id AND ${landlordMayKnowOfSql('fi')})`,
        params: { org: principal.organisationId },
      };
    case 'gemeente':
      return { sql: 'l.municipality_code = :gm', params: { gm: principal.municipalityCode } };
    case 'auditor':
      return {
        sql: 'EXISTS (SELECT 1 FROM inspection ai WHERE ai.id = f.inspection_id AND ai.auditor_id = :auditor)',
        params: { auditor: principal.userId },
      };
  }
}
