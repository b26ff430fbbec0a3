import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, PersonPrincipal, Principal } from '@keurmerk/accounts';
import { Clock, isUuid, Page, PageRequest } from '@keurmerk/common';
import { DocumentEntity, DocumentService, Upload } from '@keurmerk/documents';
import { Actor, actorOf, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { CertificationPort } from './certification-port';
import { FindingFilter, FindingRepository } from './finding.repository';
import { FindingEntity, RepairReportEntity } from './inspection.entities';
import { InspectionException, InspectionExceptionCode, inspectionNotFound } from './inspection.exception';
import { InspectionRepository } from './inspection.repository';

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
    private readonly repository: FindingRepository,
    private readonly inspections: InspectionRepository,
    private readonly documents: DocumentService,
    private readonly events: EventLog,
    private readonly certification: CertificationPort,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, request: PageRequest, filter: FindingFilter = {}): Promise<Page<FindingEntity>> {
    return this.repository.listVisible(principal, request, filter);
  }

  async get(principal: Principal, id: string): Promise<FindingWithReports> {
    const finding = isUuid(id) ? await this.repository.findVisible(principal, id) : null;
    if (!finding) throw inspectionNotFound(InspectionExceptionCode.FindingNotFound, 'The finding');
    const reports = await this.repository.reportsOf(id);
    return { finding, reports };
  }

  private async lockVisible(manager: EntityManager, principal: Principal, id: string): Promise<FindingEntity> {
    const finding = isUuid(id) ? await this.repository.lockVisible(manager, principal, id) : null;
    if (!finding) throw inspectionNotFound(InspectionExceptionCode.FindingNotFound, 'The finding');
    return finding;
  }

  async reportRepair(
    caller: PersonPrincipal,
    findingId: string,
    input: { description: string; evidence?: Upload; clientReference?: string },
  ): Promise<{ report: RepairReportEntity; document?: DocumentEntity }> {
    if (!hasRole(caller, 'verhuurder'))
      throw new InspectionException(InspectionExceptionCode.NotRepairReporter, 'Only the landlord reports repairs.');
    if (input.evidence) this.documents.inspect(input.evidence);
    return this.db.transaction(async (manager) => {
      const finding = await this.lockVisible(manager, caller, findingId);
      if (finding.status === 'gesloten') throw new InspectionException(InspectionExceptionCode.FindingClosed, 'This finding is closed.');
      if (finding.status === 'herstel-gemeld') {
        throw new InspectionException(InspectionExceptionCode.RepairAwaitingReview, 'A repair report for this finding is awaiting review.');
      }
      const report = await this.repository.insertReport(manager, {
        findingId,
        description: input.description.trim(),
        reportedBy: caller.userId,
        reportedAt: this.clock.now(),
      });
      const document = input.evidence
        ? await this.documents.store(manager, { repairReportId: report.id }, input.evidence, caller.userId, input.clientReference)
        : undefined;
      await this.repository.setStatus(manager, findingId, 'herstel-gemeld');
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
    if (!hasRole(caller, 'auditor', 'certificeerder')) {
      throw new InspectionException(InspectionExceptionCode.NotRepairReviewer, 'Only an auditor or a certificeerder reviews repairs.');
    }
    return this.db.transaction(async (manager) => {
      const finding = await this.lockVisible(manager, caller, findingId);
      if (caller.role === 'auditor') {
        const inspection = await this.inspections.findById(finding.inspectionId, manager);
        if (inspection?.auditorId !== caller.userId) throw inspectionNotFound(InspectionExceptionCode.FindingNotFound, 'The finding');
      }
      if (finding.status !== 'herstel-gemeld') {
        throw new InspectionException(
          InspectionExceptionCode.NoRepairToReview,
          'There is no repair report awaiting review for this finding.',
        );
      }
      if (input.accepted && finding.severity === 'knock-out') {
        throw new InspectionException(
          InspectionExceptionCode.KnockOutNeedsReinspection,
          'A knock-out finding is closed only by a passing herinspectie of its criterion, not by accepting a repair report.',
        );
      }
      const report = await this.repository.awaitingReportOf(manager, findingId);
      const now = this.clock.now();
      await this.repository.recordReview(manager, report.id, {
        accepted: input.accepted,
        reviewExplanation: input.explanation.trim(),
        reviewedBy: caller.userId,
        reviewedAt: now,
      });
      const status = input.accepted ? 'gesloten' : 'open';
      await this.repository.setStatus(manager, findingId, status, input.accepted ? now : null);
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'finding',
        entityId: findingId,
        action: input.accepted ? 'repair-accepted' : 'repair-rejected',
        before: { status: 'herstel-gemeld' },
        after: { status, repairReportId: report.id, explanation: input.explanation.trim() },
      });
      const reports = await this.repository.reportsOf(findingId, manager);
      return { finding: { ...finding, status, closedAt: input.accepted ? now : null }, reports };
    });
  }

  async evidenceOf(principal: Principal, findingId: string, reportId: string): Promise<DocumentEntity[]> {
    const { reports } = await this.get(principal, findingId);
    if (!reports.some((r) => r.id === reportId))
      throw inspectionNotFound(InspectionExceptionCode.RepairReportNotFound, 'The repair report');
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
        const finding = await this.repository.lockNextOverdueMajor(manager, today);
        if (!finding) return true;
        await this.repository.markOverdueHandled(manager, finding.id, this.clock.now());
        await this.events.append(manager, {
          actor,
          entityType: 'finding',
          entityId: finding.id,
          action: 'overdue',
          after: { repairDeadlinePassed: true, on: today },
        });
        await this.certification.majorOverdue(manager, {
          locationId: finding.locationId,
          findingId: finding.id,
          criterionCode: finding.criterionCode,
          actor,
        });
        return false;
      });
      if (done) return handled;
      handled++;
    }
  }
}
