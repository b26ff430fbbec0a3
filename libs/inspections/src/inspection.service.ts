import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { hasRole, OrganisationEntity, PersonPrincipal, UserEntity } from '@keurmerk/accounts';
import { AppException, Clock, InvalidParam, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { DocumentEntity, DocumentService, Upload } from '@keurmerk/documents';
import { actorOf, EventLog } from '@keurmerk/events';
import { LocationEntity } from '@keurmerk/locations';
import {
  AnswerBody,
  answerFromContract,
  criteriaOf,
  dateInAmsterdam,
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
import { InspectionPlanningObserver } from './inspection-planning.port';
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

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

/**
 * The audit workflow: planning with conflict checks, answering against the pinned norm version,
 * submission (which evaluates with @keurmerk/norm and freezes the answers) and the four-eyes decision.
 */
@Injectable()
export class InspectionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly norms: NormVersionService,
    private readonly documents: DocumentService,
    private readonly events: EventLog,
    private readonly certification: CertificationPort,
    private readonly clock: Clock,
    @Optional() private readonly planningObserver?: InspectionPlanningObserver,
  ) {}

  /** Inspections the caller may see: an auditor its own, a landlord its locations', staff all. */
  private visible(principal: PersonPrincipal, query: SelectQueryBuilder<InspectionEntity>): SelectQueryBuilder<InspectionEntity> {
    switch (principal.role) {
      case 'beheerder':
      case 'certificeerder':
        return query;
      case 'auditor':
        return query.andWhere('i.auditor_id = :caller', { caller: principal.userId });
      case 'verhuurder':
        return query.andWhere('EXISTS (SELECT 1 FROM location l WHERE l.id = i.location_id AND l.organisation_id = :org)', { org: principal.organisationId });
      default:
        return query.andWhere('false');
    }
  }

  async get(principal: PersonPrincipal, id: string): Promise<InspectionEntity> {
    const inspection = await this.visible(principal, this.db.manager.createQueryBuilder(InspectionEntity, 'i').where('i.id = :id', { id })).getOne();
    if (!inspection) throw AppException.notFound('The inspection');
    return inspection;
  }

  async list(principal: PersonPrincipal, request: PageRequest, filter: { status?: InspectionStatus; locationId?: string } = {}): Promise<Page<InspectionEntity>> {
    let query = this.visible(principal, this.db.manager.createQueryBuilder(InspectionEntity, 'i'));
    if (filter.status) query = query.andWhere('i.status = :status', { status: filter.status });
    if (filter.locationId) query = query.andWhere('i.location_id = :locationId', { locationId: filter.locationId });
    const [items, total] = await query.orderBy('i.planned_at', 'ASC').addOrderBy('i.id', 'ASC').skip(pageOffset(request)).take(request.pageSize).getManyAndCount();
    return { items, total, ...request };
  }

  /**
   * The reasons an auditor may not inspect a location on a date (empty when it may): same
   * organisation as the landlord, a declared relation, or an accreditation that is not valid then.
   */
  async conflictsOf(manager: EntityManager, auditor: UserEntity, location: LocationEntity, onDate: string): Promise<string[]> {
    const reasons: string[] = [];
    if (auditor.organisationId === location.organisationId) reasons.push('The auditor belongs to the landlord’s own organisation.');
    const relation = await manager.findOneBy(AuditorRelationEntity, { auditorId: auditor.id, organisationId: location.organisationId });
    if (relation) reasons.push(`The auditor declared a relation with the landlord: ${relation.description}`);
    const body = auditor.organisationId ? await manager.findOneBy(OrganisationEntity, { id: auditor.organisationId }) : null;
    if (!body?.accreditationValidUntil) reasons.push('The inspection body has no accreditation on record.');
    else if (body.accreditationValidUntil < onDate) reasons.push(`The inspection body’s accreditation lapsed on ${body.accreditationValidUntil}.`);
    if (auditor.accreditationValidUntil && auditor.accreditationValidUntil < onDate) {
      reasons.push(`The auditor’s accreditation lapsed on ${auditor.accreditationValidUntil}.`);
    }
    return reasons;
  }

  async plan(caller: PersonPrincipal, input: PlanInspection): Promise<InspectionEntity> {
    const plannedOn = dateInAmsterdam(input.plannedAt);
    const norm = await this.norms.currentPublished(plannedOn);
    return this.db.transaction(async (manager) => {
      const problems: InvalidParam[] = [];
      const location = await manager.findOneBy(LocationEntity, { id: input.locationId });
      if (!location) problems.push({ name: 'locatieId', code: 'unknown', reason: 'No location has this id.' });
      const auditor = await manager.findOneBy(UserEntity, { id: input.auditorId });
      if (!auditor || auditor.role !== 'auditor' || !auditor.active) problems.push({ name: 'auditorId', code: 'unknown', reason: 'No active auditor has this id.' });
      if (problems.length > 0) throw AppException.invalid(problems);

      const conflicts = await this.conflictsOf(manager, auditor!, location!, plannedOn);
      if (conflicts.length > 0) throw AppException.conflict(`This auditor cannot inspect this location: ${conflicts.join(' ')}`);

      // The open application for the location, if any, is now being handled.
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
      const [updatedRows] = (await manager.query(
        `UPDATE application SET status = 'in-behandeling' WHERE location_id = $1 AND status IN ('ingediend', 'in-behandeling') RETURNING id`,
        [location!.id],
      )) as [{ id: string }[], number];
      const application = updatedRows[0];
      const inspection = await manager.save(
        manager.create(InspectionEntity, {
          locationId: location!.id,
          applicationId: application?.id ?? null,
          auditorId: auditor!.id,
          kind: input.kind,
          plannedAt: input.plannedAt,
          normVersion: norm.version,
          status: 'gepland',
          submittedAt: null,
          result: null,
          createdBy: caller.userId,
        }),
      );
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'inspection',
        entityId: inspection.id,
        action: 'planned',
        after: { locationId: inspection.locationId, auditorId: inspection.auditorId, kind: inspection.kind, plannedAt: inspection.plannedAt, normVersion: inspection.normVersion, status: 'gepland' },
      });
      await this.planningObserver?.planned(manager, { inspectionId: inspection.id, locationId: inspection.locationId, kind: inspection.kind, actor: actorOf(caller) });
      return inspection;
    });
  }

  /** The assigned auditor's inspection, locked for the change; others do not see it (404). */
  private async forAuditor(manager: EntityManager, caller: PersonPrincipal, id: string): Promise<InspectionEntity> {
    const inspection = await manager
      .createQueryBuilder(InspectionEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.id = :id AND i.auditor_id = :auditor', { id, auditor: caller.userId })
      .getOne();
    if (!inspection) throw AppException.notFound('The inspection');
    return inspection;
  }

  private async normOf(inspection: Pick<InspectionEntity, 'normVersion'>): Promise<NormVersion> {
    return this.norms.getPublished(inspection.normVersion);
  }

  async answers(principal: PersonPrincipal, inspectionId: string): Promise<AnswerEntity[]> {
    await this.get(principal, inspectionId);
    return this.db.manager.find(AnswerEntity, { where: { inspectionId }, order: { criterionCode: 'ASC' } });
  }

  /** Records (or replaces) one answer; measured criteria are judged by the platform, not the auditor. */
  async answer(caller: PersonPrincipal, inspectionId: string, criterionCode: string, body: unknown): Promise<AnswerEntity> {
    const pinned = await this.db.manager.findOne(InspectionEntity, { where: { id: inspectionId, auditorId: caller.userId }, select: { normVersion: true, locationId: true, kind: true } });
    if (!pinned) throw AppException.notFound('The inspection');
    const norm = await this.normOf(pinned);
    const criterion = findCriterion(norm, criterionCode);
    if (!criterion) throw AppException.notFound(`Criterion ${criterionCode} of norm ${norm.version}`);
    const problems = validateAnswer(criterion, body, { inspectionKind: pinned.kind });
    if (problems.length > 0) throw AppException.invalid(problems);
    const input = answerFromContract(criterion, body as AnswerBody);

    return this.db.transaction(async (manager) => {
      const inspection = await this.forAuditor(manager, caller, inspectionId);
      if (!isOpenForAnswers(inspection.status)) throw AppException.conflict('The inspection has been submitted; its answers are frozen.');
      const location = await manager.findOneByOrFail(LocationEntity, { id: inspection.locationId });
      let result = input.result!;
      let personsSupported: number | null = null;
      if (criterion.kind === 'measured') {
        const judged = judgeMeasurement(criterion, location, input.measurement!);
        result = judged.result;
        personsSupported = judged.personsSupported;
      }
      const before = await manager.findOneBy(AnswerEntity, { inspectionId, criterionCode });
      const answer = manager.create(AnswerEntity, {
        inspectionId,
        criterionCode,
        result,
        measurement: criterion.kind === 'measured' ? input.measurement! : null,
        personsSupported,
        remark: input.remark ?? null,
        answeredBy: caller.userId,
        answeredAt: this.clock.now(),
      });
      await manager.save(answer);
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

  async addEvidence(caller: PersonPrincipal, inspectionId: string, criterionCode: string, upload: Upload, clientReference?: string): Promise<DocumentEntity> {
    const pinned = await this.db.manager.findOne(InspectionEntity, { where: { id: inspectionId, auditorId: caller.userId }, select: { normVersion: true } });
    if (!pinned) throw AppException.notFound('The inspection');
    const norm = await this.normOf(pinned);
    if (!findCriterion(norm, criterionCode)) {
      throw AppException.invalidField('criteriumCode', 'unknown', `Norm ${norm.version} has no criterion ${criterionCode}.`);
    }
    this.documents.inspect(upload);
    return this.db.transaction(async (manager) => {
      const inspection = await this.forAuditor(manager, caller, inspectionId);
      if (!isOpenForAnswers(inspection.status)) throw AppException.conflict('The inspection has been submitted; its evidence is frozen.');
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

  async evidenceContent(principal: PersonPrincipal, inspectionId: string, documentId: string): Promise<{ document: DocumentEntity; bytes: Buffer }> {
    await this.get(principal, inspectionId);
    const content = await this.documents.content(documentId);
    if (content.document.inspectionId !== inspectionId) throw AppException.notFound('The document');
    return content;
  }

  /** Evaluates and freezes the inspection; unanswered criteria are listed, each by its code. */
  async submit(caller: PersonPrincipal, inspectionId: string): Promise<SubmittedInspection> {
    const pinned = await this.db.manager.findOne(InspectionEntity, { where: { id: inspectionId, auditorId: caller.userId }, select: { normVersion: true } });
    if (!pinned) throw AppException.notFound('The inspection');
    const norm = await this.normOf(pinned);
    return this.db.transaction(async (manager) => {
      const inspection = await this.forAuditor(manager, caller, inspectionId);
      if (!isOpenForAnswers(inspection.status)) throw AppException.conflict('The inspection has already been submitted.');
      const location = await manager.findOneByOrFail(LocationEntity, { id: inspection.locationId });
      const rows = await manager.findBy(AnswerEntity, { inspectionId });
      const answers = new Map(rows.map((a) => [a.criterionCode, { result: a.result, measurement: a.measurement ?? undefined, remark: a.remark ?? undefined }]));
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
      await manager.update(InspectionEntity, { id: inspectionId }, { status: 'ingediend', submittedAt, result });
      const findings = await manager.save(
        result.findings.map((f) =>
          manager.create(FindingEntity, {
            inspectionId,
            locationId: location.id,
            criterionCode: f.criterionCode,
            severity: f.severity,
            repairDeadline: f.repairDeadline,
            status: 'open',
            closedAt: null,
            overdueHandledAt: null,
          }),
        ),
      );
      const actor = actorOf(caller);
      await this.events.append(manager, {
        actor,
        entityType: 'inspection',
        entityId: inspectionId,
        action: 'submitted',
        before: { status: inspection.status },
        after: { status: 'ingediend', score: result.score, knockOuts: result.knockOuts, majors: result.majors, minors: result.minors, maximumResidents: result.maximumResidents, findings: findings.map((f) => f.id) },
      });
      const knockOuts = result.findings.filter((f) => f.severity === 'knock-out').map((f) => f.criterionCode);
      if (knockOuts.length > 0) await this.certification.knockOutFound(manager, { locationId: location.id, inspectionId, criterionCodes: knockOuts, actor });
      return { inspection: { ...inspection, status: 'ingediend', submittedAt, result }, result, findings };
    });
  }

  /**
   * The four-eyes decision: by a certificeerder who is not the inspection's auditor, once, on a
   * submitted inspection. Granting needs no open knock-out or major finding and no measured criterion
   * that supports nobody. The row lock makes a concurrent second decision wait and then see 409; the
   * unique constraint is the backstop.
   */
  async decide(caller: PersonPrincipal, inspectionId: string, input: { outcome: 'toekennen' | 'afwijzen'; explanation: string }): Promise<{ decision: DecisionEntity; certificateNumber?: string }> {
    if (!hasRole(caller, 'certificeerder')) throw AppException.forbidden('Only a certificeerder decides.');
    try {
      return await this.db.transaction(async (manager) => {
        const inspection = await manager.createQueryBuilder(InspectionEntity, 'i').setLock('pessimistic_write').where('i.id = :id', { id: inspectionId }).getOne();
        if (!inspection) throw AppException.notFound('The inspection');
        if (inspection.auditorId === caller.userId) throw AppException.forbidden('The auditor of an inspection cannot decide on it (four eyes).');
        if (inspection.status === 'besloten') throw AppException.conflict('This inspection has already been decided.');
        if (inspection.status !== 'ingediend') throw AppException.conflict('Only a submitted inspection can be decided.');
        if (input.outcome === 'toekennen') {
          const blocking = await manager
            .createQueryBuilder(FindingEntity, 'f')
            .where('f.inspection_id = :id', { id: inspectionId })
            .andWhere(`f.status <> 'gesloten'`)
            .andWhere(`f.severity IN ('knock-out', 'major')`)
            .orderBy('f.criterion_code')
            .getMany();
          const supportsNobody = (inspection.result?.outcomes ?? []).filter((o) => o.kind === 'measured' && o.personsSupported === 0).map((o) => o.criterionCode);
          const reasons = [
            ...blocking.map((f) => `${f.criterionCode} (${f.severity}) is open`),
            ...supportsNobody.map((code) => `${code} supports nobody`),
          ];
          if (reasons.length > 0) throw AppException.conflict(`The certificate cannot be granted: ${reasons.join('; ')}.`);
        }
        const decision = await manager.save(
          manager.create(DecisionEntity, { inspectionId, outcome: input.outcome, explanation: input.explanation.trim(), decidedBy: caller.userId, decidedAt: this.clock.now() }),
        );
        await this.move(manager, caller, inspection, 'besloten');
        if (inspection.applicationId) await manager.query(`UPDATE application SET status = 'afgerond' WHERE id = $1`, [inspection.applicationId]);
        const actor = actorOf(caller);
        await this.events.append(manager, {
          actor,
          entityType: 'inspection',
          entityId: inspectionId,
          action: 'decided',
          before: { status: 'ingediend' },
          after: { status: 'besloten', decisionId: decision.id, outcome: decision.outcome, explanation: decision.explanation },
        });
        if (decision.outcome !== 'toekennen') return { decision };
        const { certificateNumber } = await this.certification.granted(manager, { decisionId: decision.id, inspectionId, locationId: inspection.locationId, actor });
        return { decision, certificateNumber };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_decision_inspection')) throw AppException.conflict('This inspection has already been decided.');
      throw error;
    }
  }

  /** The findings a submission produced; callers have already checked access to the inspection. */
  async findingsOf(inspectionId: string): Promise<FindingEntity[]> {
    return this.db.manager.find(FindingEntity, { where: { inspectionId }, order: { criterionCode: 'ASC' } });
  }

  async decisionOf(principal: PersonPrincipal, inspectionId: string): Promise<DecisionEntity | null> {
    await this.get(principal, inspectionId);
    return this.db.manager.findOneBy(DecisionEntity, { inspectionId });
  }

  private async move(manager: EntityManager, caller: PersonPrincipal, inspection: InspectionEntity, to: InspectionStatus): Promise<void> {
    if (!canMove(inspection.status, to)) throw AppException.conflict(`An inspection cannot go from ${inspection.status} to ${to}.`);
    await manager.update(InspectionEntity, { id: inspection.id }, { status: to });
    if (to === 'in-uitvoering') {
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'inspection', entityId: inspection.id, action: 'started', before: { status: inspection.status }, after: { status: to } });
    }
    inspection.status = to;
  }

  /** Declares a relation between an auditor and a landlord, which then rules out that pairing. */
  async declareRelation(caller: PersonPrincipal, input: { auditorId: string; organisationId: string; description: string }): Promise<AuditorRelationEntity> {
    return this.db.transaction(async (manager) => {
      const problems: InvalidParam[] = [];
      const auditor = await manager.findOneBy(UserEntity, { id: input.auditorId });
      if (!auditor || auditor.role !== 'auditor') problems.push({ name: 'auditorId', code: 'unknown', reason: 'No auditor has this id.' });
      const organisation = await manager.findOneBy(OrganisationEntity, { id: input.organisationId });
      if (!organisation || organisation.kind !== 'verhuurder') problems.push({ name: 'organisatieId', code: 'unknown', reason: 'No landlord organisation has this id.' });
      if (problems.length > 0) throw AppException.invalid(problems);
      if (await manager.findOneBy(AuditorRelationEntity, { auditorId: input.auditorId, organisationId: input.organisationId })) {
        throw AppException.conflict('This relation has already been declared.');
      }
      const relation = await manager.save(manager.create(AuditorRelationEntity, { ...input, description: input.description.trim() }));
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'auditor-relation', entityId: `${input.auditorId}:${input.organisationId}`, action: 'declared', after: { ...input } });
      return relation;
    });
  }

  async relations(auditorId?: string): Promise<AuditorRelationEntity[]> {
    return this.db.manager.find(AuditorRelationEntity, { where: auditorId ? { auditorId } : {}, order: { declaredAt: 'ASC' } });
  }
}

function answerSnapshot(answer: AnswerEntity) {
  return { criterionCode: answer.criterionCode, result: answer.result, measurement: answer.measurement, personsSupported: answer.personsSupported, remark: answer.remark };
}
