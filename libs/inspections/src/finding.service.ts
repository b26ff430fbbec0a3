import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { hasRole, PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException, Clock, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { DocumentEntity, DocumentService, Upload } from '@keurmerk/documents';
import { Actor, actorOf, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { CertificationPort } from './certification-port';
import { FindingEntity, InspectionEntity, RepairReportEntity } from './inspection.entities';

export interface FindingWithReports {
  finding: FindingEntity;
  reports: RepairReportEntity[];
}

/**
 * Findings of submitted inspections and their repair: the landlord reports a repair with evidence,
 * the inspection's auditor or a certificeerder accepts (the finding closes) or rejects it (it is
 * open again). The sweep suspends through the certification seam when a major passes its deadline.
 */
@Injectable()
export class FindingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentService,
    private readonly events: EventLog,
    private readonly certification: CertificationPort,
    private readonly clock: Clock,
  ) {}

  /** Same visibility as the location: landlords their own, municipalities their area, auditors their inspections', staff all. */
  private visibleWhere(principal: Principal): { sql: string; params: Record<string, unknown> } {
    if (principal.kind === 'api-key') return { sql: 'l.municipality_code = :gm', params: { gm: principal.municipalityCode } };
    switch (principal.role) {
      case 'beheerder':
      case 'certificeerder':
        return { sql: 'true', params: {} };
      case 'verhuurder':
        return { sql: 'l.organisation_id = :org', params: { org: principal.organisationId } };
      case 'gemeente':
        return { sql: 'l.municipality_code = :gm', params: { gm: principal.municipalityCode } };
      case 'auditor':
        return { sql: 'EXISTS (SELECT 1 FROM inspection ai WHERE ai.id = f.inspection_id AND ai.auditor_id = :auditor)', params: { auditor: principal.userId } };
    }
  }

  async list(principal: Principal, request: PageRequest, filter: { locationId?: string; inspectionId?: string; status?: string } = {}): Promise<Page<FindingEntity>> {
    const visible = this.visibleWhere(principal);
    let query = this.db.manager
      .createQueryBuilder(FindingEntity, 'f')
      .innerJoin('location', 'l', 'l.id = f.location_id')
      .where(visible.sql, visible.params);
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

  async get(principal: Principal, id: string): Promise<FindingWithReports> {
    const visible = this.visibleWhere(principal);
    const finding = await this.db.manager
      .createQueryBuilder(FindingEntity, 'f')
      .innerJoin('location', 'l', 'l.id = f.location_id')
      .where('f.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
    if (!finding) throw AppException.notFound('The finding');
    const reports = await this.db.manager.find(RepairReportEntity, { where: { findingId: id }, order: { reportedAt: 'ASC' } });
    return { finding, reports };
  }

  private async lockVisible(manager: EntityManager, principal: Principal, id: string): Promise<FindingEntity> {
    const visible = this.visibleWhere(principal);
    const finding = await manager
      .createQueryBuilder(FindingEntity, 'f')
      .innerJoin('location', 'l', 'l.id = f.location_id')
      .setLock('pessimistic_write', undefined, ['f'])
      .where('f.id = :id', { id })
      .andWhere(visible.sql, visible.params)
      .getOne();
    if (!finding) throw AppException.notFound('The finding');
    return finding;
  }

  async reportRepair(caller: PersonPrincipal, findingId: string, input: { description: string; evidence?: Upload; clientReference?: string }): Promise<{ report: RepairReportEntity; document?: DocumentEntity }> {
    if (!hasRole(caller, 'verhuurder')) throw AppException.forbidden('Only the landlord reports repairs.');
    if (input.evidence) this.documents.inspect(input.evidence);
    return this.db.transaction(async (manager) => {
      const finding = await this.lockVisible(manager, caller, findingId);
      if (finding.status === 'gesloten') throw AppException.conflict('This finding is closed.');
      if (finding.status === 'herstel-gemeld') throw AppException.conflict('A repair report for this finding is awaiting review.');
      const report = await manager.save(
        manager.create(RepairReportEntity, { findingId, description: input.description.trim(), reportedBy: caller.userId, reportedAt: this.clock.now(), accepted: null }),
      );
      const document = input.evidence ? await this.documents.store(manager, { repairReportId: report.id }, input.evidence, caller.userId, input.clientReference) : undefined;
      await manager.update(FindingEntity, { id: findingId }, { status: 'herstel-gemeld' });
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'finding',
        entityId: findingId,
        action: 'repair-reported',
        before: { status: finding.status },
        after: { status: 'herstel-gemeld', repairReportId: report.id, documentId: document?.id ?? null },
      });
      return { report, document };
    });
  }

  /** The auditor of the finding's inspection or a certificeerder judges the awaiting repair report. */
  async review(caller: PersonPrincipal, findingId: string, input: { accepted: boolean; explanation: string }): Promise<FindingWithReports> {
    if (!hasRole(caller, 'auditor', 'certificeerder')) throw AppException.forbidden('Only an auditor or a certificeerder reviews repairs.');
    return this.db.transaction(async (manager) => {
      const finding = await this.lockVisible(manager, caller, findingId);
      if (caller.role === 'auditor') {
        const inspection = await manager.findOneByOrFail(InspectionEntity, { id: finding.inspectionId });
        if (inspection.auditorId !== caller.userId) throw AppException.notFound('The finding');
      }
      if (finding.status !== 'herstel-gemeld') throw AppException.conflict('There is no repair report awaiting review for this finding.');
      const report = await manager.findOneByOrFail(RepairReportEntity, { findingId, accepted: IsNull() });
      const now = this.clock.now();
      await manager.update(RepairReportEntity, { id: report.id }, { accepted: input.accepted, reviewExplanation: input.explanation.trim(), reviewedBy: caller.userId, reviewedAt: now });
      const status = input.accepted ? 'gesloten' : 'open';
      await manager.update(FindingEntity, { id: findingId }, { status, closedAt: input.accepted ? now : null });
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'finding',
        entityId: findingId,
        action: input.accepted ? 'repair-accepted' : 'repair-rejected',
        before: { status: 'herstel-gemeld' },
        after: { status, repairReportId: report.id, explanation: input.explanation.trim() },
      });
      const reports = await manager.find(RepairReportEntity, { where: { findingId }, order: { reportedAt: 'ASC' } });
      return { finding: { ...finding, status, closedAt: input.accepted ? now : null }, reports };
    });
  }

  async evidenceOf(principal: Principal, findingId: string, reportId: string): Promise<DocumentEntity[]> {
    const { reports } = await this.get(principal, findingId);
    if (!reports.some((r) => r.id === reportId)) throw AppException.notFound('The repair report');
    return this.documents.list({ repairReportId: reportId });
  }

  /**
   * Majors past their repair deadline and not closed, each handled once: marked, logged, and the
   * location's certificate suspended through the seam. Returns how many were handled.
   */
  async sweepOverdueMajors(actor: Actor = SYSTEM_ACTOR): Promise<number> {
    const today = this.clock.today();
    let handled = 0;
    for (;;) {
      const done = await this.db.transaction(async (manager) => {
        const [finding] = await manager.query(
          `SELECT id, location_id, criterion_code FROM finding
            WHERE severity = 'major' AND status <> 'gesloten' AND repair_deadline < $1 AND overdue_handled_at IS NULL
            ORDER BY repair_deadline, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [today],
        );
        if (!finding) return true;
        await manager.update(FindingEntity, { id: finding.id }, { overdueHandledAt: this.clock.now() });
        await this.events.append(manager, { actor, entityType: 'finding', entityId: finding.id, action: 'overdue', after: { repairDeadlinePassed: true, on: today } });
        await this.certification.majorOverdue(manager, { locationId: finding.location_id, findingId: finding.id, criterionCode: finding.criterion_code, actor });
        return false;
      });
      if (done) return handled;
      handled++;
    }
  }
}

