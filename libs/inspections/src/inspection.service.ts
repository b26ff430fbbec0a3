import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountService, hasRole, OrganisationEntity, PersonPrincipal, UserEntity } from '@keurmerk/accounts';
import { AppErrorCode, AppException, Clock, InvalidParam, isUuid, MAX_PAGE_SIZE, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { DocumentEntity, DocumentService, Upload } from '@keurmerk/documents';
import { Actor, actorOf, EventLog } from '@keurmerk/events';
import { ApplicationService, LocationEntity, LocationService } from '@keurmerk/locations';
import {
  addDays,
  AnswerBody,
  answerFromContract,
  criteriaOf,
  dateInAmsterdam,
  dayOfWeek,
  evaluateInspection,
  findCriterion,
  InspectionResult,
  judgeMeasurement,
  NormError,
  NormVersion,
  unansweredCriteria,
  validateAnswer,
} from '@keurmerk/norm';
import { NormVersionService } from '@keurmerk/norm-versions';
import { CertificationPort } from './certification-port';
import { FindingRepository } from './finding.repository';
import {
  AuditorConflict,
  auditorConflictReason,
  InspectionException,
  InspectionExceptionCode,
  inspectionNotFound,
} from './inspection.exception';
import { InspectionFilter, InspectionRepository, type PlannedPerWeek } from './inspection.repository';
import { InspectionPlanningObserver } from './inspection-planning.port';
import { plannedAtProblem } from './inspection-input';
import { landlordMayKnowOf } from './inspection-visibility';
import { InspectionNoticeObserver } from './inspection-notice.port';
import { canMove, isOpenForAnswers } from './inspection-status';
import {
  AnswerEntity,
  AuditorRelationEntity,
  DecisionEntity,
  FindingEntity,
  InspectionEntity,
  InspectionKind,
  InspectionStatus,
} from './inspection.entities';

export interface PlanInspection {
  locationId: string;
  auditorId: string;
  kind: InspectionKind;
  plannedAt: Date;
}

export interface SubmittedInspection {
  inspection: InspectionEntity;
  result: InspectionResult;
  findings: FindingEntity[];
}

/** A conflict of interest outweighs a lapsed accreditation: another auditor is needed either way, but for a different reason. */
function conflictCode(conflicts: AuditorConflict[]): InspectionExceptionCode {
  return conflicts.some((c) => c.kind === 'same-organisation' || c.kind === 'declared-relation')
    ? InspectionExceptionCode.AuditorConflictOfInterest
    : InspectionExceptionCode.AuditorNotAccredited;
}

/** undefined for a refusal meaning "not found", so a lookup can report it as a field problem instead. */
function unlessNotFound<T>(lookup: Promise<T>): Promise<T | undefined> {
  return lookup.catch((error: unknown) => {
    if (error instanceof AppException && error.code === AppErrorCode.NotFound) return undefined;
    throw error;
  });
}

/**
 * The audit workflow: planning with conflict checks, answering against the pinned norm version,
 * submission (which evaluates with @keurmerk/norm and freezes the answers) and the four-eyes decision.
 */
@Injectable()
export class InspectionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: InspectionRepository,
    private readonly findings: FindingRepository,
    private readonly locations: LocationService,
    private readonly applications: ApplicationService,
    private readonly accounts: AccountService,
    private readonly norms: NormVersionService,
    private readonly documents: DocumentService,
    private readonly events: EventLog,
    private readonly certification: CertificationPort,
    private readonly clock: Clock,
    @Optional() private readonly planningObserver?: InspectionPlanningObserver,
    @Optional() private readonly noticeObserver?: InspectionNoticeObserver,
  ) {}

  async get(principal: PersonPrincipal, id: string): Promise<InspectionEntity> {
    const inspection = isUuid(id) ? await this.repository.findVisible(principal, id) : null;
    if (!inspection) throw inspectionNotFound(InspectionExceptionCode.InspectionNotFound, 'The inspection');
    return inspection;
  }

  async list(principal: PersonPrincipal, request: PageRequest, filter: InspectionFilter = {}): Promise<Page<InspectionEntity>> {
    return this.repository.listVisible(principal, request, filter);
  }

  /**
   * The auditors' load: inspections still to be done per auditor and calendar week (Amsterdam, from
   * Monday), for `weeks` weeks from the week holding `fromDate`, among the inspections the caller may see.
   */
  async plannedLoad(
    principal: PersonPrincipal,
    fromDate: string,
    weeks: number,
  ): Promise<{ weekStarts: string[]; rows: PlannedPerWeek[] }> {
    const monday = addDays(fromDate, -((dayOfWeek(fromDate) + 6) % 7));
    const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(monday, 7 * i));
    const rows = await this.repository.plannedPerAuditorWeek(principal, monday, addDays(monday, 7 * weeks));
    return { weekStarts, rows };
  }

  /** The active auditors, the ones planning may choose from; a scheme has dozens, not thousands. */
  async activeAuditors(): Promise<UserEntity[]> {
    return (await this.accounts.listUsers({ page: 1, pageSize: MAX_PAGE_SIZE }, { role: 'auditor' })).items.filter((user) => user.active);
  }

  /** The active auditor with this id, or undefined: the ones planning may choose from. */
  async activeAuditor(id: string): Promise<UserEntity | undefined> {
    const user = isUuid(id) ? await unlessNotFound(this.accounts.getUser(id.toLowerCase())) : undefined;
    return user && user.role === 'auditor' && user.active ? user : undefined;
  }

  /**
   * The reasons an auditor may not inspect a location on a date (empty when it may): same
   * organisation as the landlord, a declared relation, or an accreditation that is not valid then.
   */
  async auditorConflicts(auditor: UserEntity, location: LocationEntity, onDate: string): Promise<AuditorConflict[]> {
    const conflicts: AuditorConflict[] = [];
    if (auditor.organisationId === location.organisationId) conflicts.push({ kind: 'same-organisation' });
    const relation = await this.repository.findRelation(auditor.id, location.organisationId);
    if (relation) conflicts.push({ kind: 'declared-relation', description: relation.description });
    const body: OrganisationEntity | undefined = auditor.organisationId
      ? await unlessNotFound(this.accounts.getOrganisation(auditor.organisationId))
      : undefined;
    if (!body?.accreditationValidUntil) conflicts.push({ kind: 'body-not-accredited' });
    else if (body.accreditationValidUntil < onDate) conflicts.push({ kind: 'body-accreditation-lapsed', on: body.accreditationValidUntil });
    if (auditor.accreditationValidUntil && auditor.accreditationValidUntil < onDate) {
      conflicts.push({ kind: 'auditor-accreditation-lapsed', on: auditor.accreditationValidUntil });
    }
    return conflicts;
  }

  /** The same reasons, in the words the API uses (English). */
  async conflictsOf(auditor: UserEntity, location: LocationEntity, onDate: string): Promise<string[]> {
    return (await this.auditorConflicts(auditor, location, onDate)).map(auditorConflictReason);
  }

  async plan(caller: PersonPrincipal, input: PlanInspection): Promise<InspectionEntity> {
    const plannedOn = dateInAmsterdam(input.plannedAt);
    const norm = await this.norms.currentPublished(plannedOn);
    const problems: InvalidParam[] = [];
    const location = await this.locations.findById(input.locationId);
    if (!location) problems.push({ name: 'locatieId', code: 'unknown', reason: 'No location has this id.' });
    const auditor = await this.activeAuditor(input.auditorId);
    if (!auditor) problems.push({ name: 'auditorId', code: 'unknown', reason: 'No active auditor has this id.' });
    const notice = plannedAtProblem(input.kind, input.plannedAt, this.clock.now());
    if (notice) problems.push(notice);
    if (!location || !auditor || notice) throw AppException.invalid(problems);

    const conflicts = await this.auditorConflicts(auditor, location, plannedOn);
    if (conflicts.length > 0) {
      throw new InspectionException(
        conflictCode(conflicts),
        `This auditor cannot inspect this location: ${conflicts.map(auditorConflictReason).join(' ')}`,
        {
          conflicts,
        },
      );
    }
    return this.db.transaction(async (manager) => {
      // The open application for the location, if any, is now being handled: the locations feature moves it.
      // Not by an unannounced visit: the landlord would read it in the application's status before the auditor rings.
      const applicationId = landlordMayKnowOf({ kind: input.kind, submittedAt: null })
        ? await this.applications.startHandling(manager, location.id)
        : undefined;
      const inspection = await this.repository.insert(manager, {
        locationId: location.id,
        applicationId: applicationId ?? null,
        auditorId: auditor.id,
        kind: input.kind,
        plannedAt: input.plannedAt,
        normVersion: norm.version,
        status: 'gepland',
        submittedAt: null,
        result: null,
        createdBy: caller.userId,
      });
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'inspection',
        entityId: inspection.id,
        action: 'planned',
        after: {
          locationId: inspection.locationId,
          auditorId: inspection.auditorId,
          kind: inspection.kind,
          plannedAt: inspection.plannedAt,
          normVersion: inspection.normVersion,
          status: 'gepland',
        },
      });
      await this.planningObserver?.planned(manager, {
        inspectionId: inspection.id,
        locationId: inspection.locationId,
        kind: inspection.kind,
        actor: actorOf(caller),
      });
      await this.noticeObserver?.planned(manager, inspection);
      return inspection;
    });
  }

  /** The assigned auditor's inspection, locked for the change; others do not see it (404). */
  private async forAuditor(manager: EntityManager, caller: PersonPrincipal, id: string): Promise<InspectionEntity> {
    const inspection = await this.repository.lock(manager, id, caller.userId);
    if (!inspection) throw inspectionNotFound(InspectionExceptionCode.InspectionNotFound, 'The inspection');
    return inspection;
  }

  /** The norm version of the caller's own inspection, before its transaction; others do not see it (404). */
  private async pinnedForAuditor(
    caller: PersonPrincipal,
    inspectionId: string,
  ): Promise<Pick<InspectionEntity, 'normVersion' | 'locationId' | 'kind'>> {
    const pinned = isUuid(inspectionId) ? await this.repository.findPinnedForAuditor(inspectionId, caller.userId) : null;
    if (!pinned) throw inspectionNotFound(InspectionExceptionCode.InspectionNotFound, 'The inspection');
    return pinned;
  }

  private async normOf(inspection: Pick<InspectionEntity, 'normVersion'>): Promise<NormVersion> {
    return this.norms.getPublished(inspection.normVersion);
  }

  async answers(principal: PersonPrincipal, inspectionId: string): Promise<AnswerEntity[]> {
    await this.get(principal, inspectionId);
    return this.repository.answersOf(inspectionId);
  }

  /** Records (or replaces) one answer; measured criteria are judged by the platform, not the auditor. */
  async answer(caller: PersonPrincipal, inspectionId: string, criterionCode: string, body: unknown): Promise<AnswerEntity> {
    const pinned = await this.pinnedForAuditor(caller, inspectionId);
    const norm = await this.normOf(pinned);
    const criterion = findCriterion(norm, criterionCode);
    if (!criterion)
      throw inspectionNotFound(InspectionExceptionCode.CriterionNotFound, `Criterion ${criterionCode} of norm ${norm.version}`);
    const problems = validateAnswer(criterion, body, { inspectionKind: pinned.kind });
    if (problems.length > 0) throw AppException.invalid(problems);
    const input = answerFromContract(criterion, body as AnswerBody);

    return this.db.transaction(async (manager) => {
      const inspection = await this.forAuditor(manager, caller, inspectionId);
      if (!isOpenForAnswers(inspection.status)) {
        throw new InspectionException(InspectionExceptionCode.AnswersFrozen, 'The inspection has been submitted; its answers are frozen.', {
          status: inspection.status,
        });
      }
      const location = await this.locations.getById(inspection.locationId, manager);
      let result = input.result!;
      let personsSupported: number | null = null;
      if (criterion.kind === 'measured') {
        const judged = judgeMeasurement(criterion, location, input.measurement!);
        result = judged.result;
        personsSupported = judged.personsSupported;
      }
      const before = await this.repository.findAnswer(manager, inspectionId, criterionCode);
      const answer = await this.repository.saveAnswer(manager, {
        inspectionId,
        criterionCode,
        result,
        measurement: criterion.kind === 'measured' ? input.measurement! : null,
        personsSupported,
        remark: input.remark ?? null,
        answeredBy: caller.userId,
        answeredAt: this.clock.now(),
      });
      if (inspection.status === 'gepland') await this.move(manager, caller, inspection, 'in-uitvoering');
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'inspection',
        entityId: inspectionId,
        action: 'answered',
        before: before ? answerSnapshot(before) : null,
        after: answerSnapshot(answer),
      });
      return answer;
    });
  }

  async addEvidence(
    caller: PersonPrincipal,
    inspectionId: string,
    criterionCode: string,
    upload: Upload,
    clientReference?: string,
  ): Promise<DocumentEntity> {
    const pinned = await this.pinnedForAuditor(caller, inspectionId);
    const norm = await this.normOf(pinned);
    if (!findCriterion(norm, criterionCode)) {
      throw AppException.invalidField('criteriumCode', 'unknown', `Norm ${norm.version} has no criterion ${criterionCode}.`);
    }
    this.documents.inspect(upload);
    return this.db.transaction(async (manager) => {
      const inspection = await this.forAuditor(manager, caller, inspectionId);
      if (!isOpenForAnswers(inspection.status)) {
        throw new InspectionException(InspectionExceptionCode.AnswersFrozen, 'The inspection has been submitted; its evidence is frozen.', {
          status: inspection.status,
        });
      }
      const document = await this.documents.store(manager, { inspectionId, criterionCode }, upload, caller.userId, clientReference);
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'inspection',
        entityId: inspectionId,
        action: 'evidence-added',
        after: { documentId: document.id, criterionCode, sha256: document.sha256 },
      });
      return document;
    });
  }

  async evidence(principal: PersonPrincipal, inspectionId: string): Promise<DocumentEntity[]> {
    await this.get(principal, inspectionId);
    return this.documents.list({ inspectionId });
  }

  async evidenceContent(
    principal: PersonPrincipal,
    inspectionId: string,
    documentId: string,
  ): Promise<{ document: DocumentEntity; bytes: Buffer }> {
    await this.get(principal, inspectionId);
    const content = await this.documents.content(documentId);
    if (content.document.inspectionId !== inspectionId) throw inspectionNotFound(InspectionExceptionCode.EvidenceNotFound, 'The document');
    return content;
  }

  /** Evaluates and freezes the inspection; unanswered criteria are listed, each by its code. */
  async submit(caller: PersonPrincipal, inspectionId: string): Promise<SubmittedInspection> {
    const pinned = await this.pinnedForAuditor(caller, inspectionId);
    const norm = await this.normOf(pinned);
    return this.db.transaction(async (manager) => {
      const inspection = await this.forAuditor(manager, caller, inspectionId);
      if (!isOpenForAnswers(inspection.status)) {
        throw new InspectionException(InspectionExceptionCode.AlreadySubmitted, 'The inspection has already been submitted.', {
          status: inspection.status,
        });
      }
      const location = await this.locations.getById(inspection.locationId, manager);
      const rows = await this.repository.answersOf(inspectionId, manager);
      const answers = new Map(
        rows.map((a) => [a.criterionCode, { result: a.result, measurement: a.measurement ?? undefined, remark: a.remark ?? undefined }]),
      );
      const missing = unansweredCriteria(norm, answers);
      if (missing.length > 0) {
        throw AppException.invalid(
          missing.map((code) => ({ name: code, code: 'unanswered', reason: `Criterion ${code} has no answer.` })),
          `${missing.length} of ${criteriaOf(norm).length} criteria have no answer.`,
        );
      }
      const submittedAt = this.clock.now();
      let result: InspectionResult;
      try {
        result = evaluateInspection({
          norm,
          location: { housingType: location.housingType, newBuild: location.newBuild, requestedBeds: location.requestedBeds },
          answers,
          submittedOn: dateInAmsterdam(submittedAt),
        });
      } catch (error) {
        if (error instanceof NormError) throw AppException.invalid([...error.problems]);
        throw error;
      }
      if (inspection.status === 'gepland') await this.move(manager, caller, inspection, 'in-uitvoering');
      await this.repository.recordSubmission(manager, inspectionId, submittedAt, result);
      const findings = await this.findings.insertOpen(
        manager,
        result.findings.map((f) => ({
          inspectionId,
          locationId: location.id,
          criterionCode: f.criterionCode,
          severity: f.severity,
          repairDeadline: f.repairDeadline,
        })),
      );
      const actor = actorOf(caller);
      await this.events.append(manager, {
        actor,
        entityType: 'inspection',
        entityId: inspectionId,
        action: 'submitted',
        before: { status: inspection.status },
        after: {
          status: 'ingediend',
          score: result.score,
          knockOuts: result.knockOuts,
          majors: result.majors,
          minors: result.minors,
          maximumResidents: result.maximumResidents,
          findings: findings.map((f) => f.id),
        },
      });
      if (inspection.kind === 'herinspectie') await this.closeRepairedByReinspection(manager, inspection, rows, submittedAt, actor);
      const knockOuts = findings.filter((f) => f.severity === 'knock-out');
      if (knockOuts.length > 0) {
        await this.certification.knockOutFound(manager, {
          locationId: location.id,
          inspectionId,
          criterionCodes: knockOuts.map((f) => f.criterionCode),
          findingIds: knockOuts.map((f) => f.id),
          actor,
        });
      }
      return { inspection: { ...inspection, status: 'ingediend', submittedAt, result }, result, findings };
    });
  }

  /**
   * The four-eyes decision: by a certificeerder who is not the inspection's auditor, once, on a
   * submitted inspection. Granting needs no open knock-out or major finding and no measured criterion
   * that supports nobody. The row lock makes a concurrent second decision wait and then see 409; the
   * unique constraint is the backstop.
   */
  async decide(
    caller: PersonPrincipal,
    inspectionId: string,
    input: { outcome: 'toekennen' | 'afwijzen'; explanation: string },
  ): Promise<{ decision: DecisionEntity; certificateNumber?: string }> {
    if (!hasRole(caller, 'certificeerder'))
      throw new InspectionException(InspectionExceptionCode.NotCertifier, 'Only a certificeerder decides.');
    try {
      return await this.db.transaction(async (manager) => {
        const inspection = isUuid(inspectionId) ? await this.repository.lock(manager, inspectionId) : null;
        if (!inspection) throw inspectionNotFound(InspectionExceptionCode.InspectionNotFound, 'The inspection');
        if (inspection.auditorId === caller.userId) {
          throw new InspectionException(InspectionExceptionCode.FourEyes, 'The auditor of an inspection cannot decide on it (four eyes).');
        }
        if ((await this.repository.revisedDecidersOf(manager, inspectionId)).includes(caller.userId)) {
          throw new InspectionException(
            InspectionExceptionCode.RevisedDecider,
            'Your earlier decision on this inspection was revised after an objection; another certificeerder decides anew.',
          );
        }
        if (inspection.status === 'besloten') throw alreadyDecided();
        if (inspection.status !== 'ingediend') {
          throw new InspectionException(InspectionExceptionCode.NotSubmitted, 'Only a submitted inspection can be decided.', {
            status: inspection.status,
          });
        }
        if (input.outcome === 'toekennen') {
          const blocking = await this.findings.openSeriousOf(manager, inspectionId);
          const supportsNobody = (inspection.result?.outcomes ?? [])
            .filter((o) => o.kind === 'measured' && o.personsSupported === 0)
            .map((o) => o.criterionCode);
          const reasons = [
            ...blocking.map((f) => `${f.criterionCode} (${f.severity}) is open`),
            ...supportsNobody.map((code) => `${code} supports nobody`),
          ];
          if (reasons.length > 0) {
            throw new InspectionException(
              blocking.length > 0 ? InspectionExceptionCode.OpenSeriousFindings : InspectionExceptionCode.CriterionSupportsNobody,
              `The certificate cannot be granted: ${reasons.join('; ')}.`,
              {
                blockingFindings: blocking.map((f) => ({ criterionCode: f.criterionCode, severity: f.severity })),
                criteriaSupportingNobody: supportsNobody,
              },
            );
          }
        }
        const decision = await this.repository.insertDecision(manager, {
          inspectionId,
          outcome: input.outcome,
          explanation: input.explanation.trim(),
          decidedBy: caller.userId,
          decidedAt: this.clock.now(),
        });
        await this.move(manager, caller, inspection, 'besloten');
        if (inspection.applicationId) await this.applications.complete(manager, inspection.applicationId);
        const actor = actorOf(caller);
        await this.events.append(manager, {
          actor,
          entityType: 'inspection',
          entityId: inspectionId,
          action: 'decided',
          before: { status: 'ingediend' },
          after: { status: 'besloten', decisionId: decision.id, outcome: decision.outcome, explanation: decision.explanation },
        });
        await this.noticeObserver?.decided(manager, inspection, decision);
        if (decision.outcome !== 'toekennen') {
          // The latest decision governs the location: a refusal suspends its current certificate, if it has one.
          const openSerious = await this.findings.openSeriousOf(manager, inspectionId);
          await this.certification.refused(manager, {
            decisionId: decision.id,
            inspectionId,
            locationId: inspection.locationId,
            openSeriousFindingIds: openSerious.map((f) => f.id),
            actor,
          });
          return { decision };
        }
        const { certificateNumber } = await this.certification.granted(manager, {
          decisionId: decision.id,
          inspectionId,
          locationId: inspection.locationId,
          actor,
        });
        return { decision, certificateNumber };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_decision_inspection')) throw alreadyDecided();
      throw error;
    }
  }

  /**
   * An upheld objection against a decision (a refusal): the decision stays in the file, marked revised,
   * and the inspection is `ingediend` again, to be decided anew by a certificeerder who is neither its
   * auditor nor anyone whose decision on it was revised (decide() holds that rule). In the caller's
   * transaction; `revisedBy` is the person who upheld the objection.
   */
  async reopenDecision(
    manager: EntityManager,
    context: { inspectionId: string; decisionId: string; reason: string; revisedBy: string; actor: Actor },
  ): Promise<void> {
    const inspection = await this.repository.lock(manager, context.inspectionId);
    const decision = inspection ? await this.repository.decisionOf(context.inspectionId, manager) : null;
    if (!inspection || inspection.status !== 'besloten' || decision?.id !== context.decisionId) {
      throw new InspectionException(
        InspectionExceptionCode.DecisionNotInForce,
        'This decision is no longer the inspection’s decision in force; it cannot be reopened.',
        inspection ? { status: inspection.status } : {},
      );
    }
    await this.repository.markDecisionRevised(manager, decision.id, {
      at: this.clock.now(),
      by: context.revisedBy,
      reason: context.reason,
    });
    // Back one step, outside canMove: only a revision moves a decided inspection, and only here.
    await this.repository.setStatus(manager, inspection.id, 'ingediend');
    await this.events.append(manager, {
      actor: context.actor,
      entityType: 'inspection',
      entityId: inspection.id,
      action: 'decision-revised',
      before: { status: 'besloten', decisionId: decision.id, outcome: decision.outcome },
      after: { status: 'ingediend', reason: context.reason, excludedDeciders: [decision.decidedBy] },
    });
  }

  /**
   * A herinspectie that passes a criterion closes the location's earlier open findings of that criterion:
   * the only way a knock-out finding closes (a repair report cannot), and one way a major does.
   */
  private async closeRepairedByReinspection(
    manager: EntityManager,
    inspection: InspectionEntity,
    answers: AnswerEntity[],
    at: Date,
    actor: Actor,
  ): Promise<void> {
    const passed = answers.filter((a) => a.result === 'voldoet').map((a) => a.criterionCode);
    const closed = await this.findings.closeByReinspection(manager, inspection.locationId, inspection.id, passed, at);
    for (const finding of closed) {
      await this.events.append(manager, {
        actor,
        entityType: 'finding',
        entityId: finding.id,
        action: 'closed-by-reinspection',
        before: { status: finding.status },
        after: { status: 'gesloten', inspectionId: inspection.id, criterionCode: finding.criterionCode },
      });
    }
  }

  /** The findings a submission produced; callers have already checked access to the inspection. */
  async findingsOf(inspectionId: string): Promise<FindingEntity[]> {
    return this.findings.findingsOf(inspectionId);
  }

  async decisionOf(principal: PersonPrincipal, inspectionId: string): Promise<DecisionEntity | null> {
    await this.get(principal, inspectionId);
    return this.repository.decisionOf(inspectionId);
  }

  private async move(manager: EntityManager, caller: PersonPrincipal, inspection: InspectionEntity, to: InspectionStatus): Promise<void> {
    if (!canMove(inspection.status, to)) {
      throw new InspectionException(
        InspectionExceptionCode.IllegalTransition,
        `An inspection cannot go from ${inspection.status} to ${to}.`,
        { status: inspection.status },
      );
    }
    await this.repository.setStatus(manager, inspection.id, to);
    if (to === 'in-uitvoering') {
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'inspection',
        entityId: inspection.id,
        action: 'started',
        before: { status: inspection.status },
        after: { status: to },
      });
    }
    inspection.status = to;
  }

  /** Declares a relation between an auditor and a landlord, which then rules out that pairing. */
  async declareRelation(
    caller: PersonPrincipal,
    input: { auditorId: string; organisationId: string; description: string },
  ): Promise<AuditorRelationEntity> {
    const problems: InvalidParam[] = [];
    const auditor = isUuid(input.auditorId) ? await unlessNotFound(this.accounts.getUser(input.auditorId)) : undefined;
    if (!auditor || auditor.role !== 'auditor') problems.push({ name: 'auditorId', code: 'unknown', reason: 'No auditor has this id.' });
    const organisation = isUuid(input.organisationId)
      ? await unlessNotFound(this.accounts.getOrganisation(input.organisationId))
      : undefined;
    if (!organisation || organisation.kind !== 'verhuurder')
      problems.push({ name: 'organisatieId', code: 'unknown', reason: 'No landlord organisation has this id.' });
    if (problems.length > 0) throw AppException.invalid(problems);
    return this.db.transaction(async (manager) => {
      if (await this.repository.findRelation(input.auditorId, input.organisationId, manager)) {
        throw new InspectionException(InspectionExceptionCode.RelationAlreadyDeclared, 'This relation has already been declared.');
      }
      const relation = await this.repository.insertRelation(manager, { ...input, description: input.description.trim() });
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'auditor-relation',
        entityId: `${input.auditorId}:${input.organisationId}`,
        action: 'declared',
        after: { ...input },
      });
      return relation;
    });
  }

  async relations(auditorId?: string): Promise<AuditorRelationEntity[]> {
    return this.repository.listRelations(auditorId);
  }
}

function alreadyDecided(): InspectionException {
  return new InspectionException(InspectionExceptionCode.AlreadyDecided, 'This inspection has already been decided.', {
    status: 'besloten',
  });
}

function answerSnapshot(answer: AnswerEntity) {
  return {
    criterionCode: answer.criterionCode,
    result: answer.result,
    measurement: answer.measurement,
    personsSupported: answer.personsSupported,
    remark: answer.remark,
  };
}
