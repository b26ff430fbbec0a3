import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, type PersonPrincipal, type Principal } from '@keurmerk/accounts';
import { CertificateAllocator, CertificateLifecycleService, CertificateQueryService, CertificateRepository } from '@keurmerk/certificates';
import { AppException, Clock, isUuid, MAX_PAGE_SIZE, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { actorOf, EventLog } from '@keurmerk/events';
import { InspectionService } from '@keurmerk/inspections';
import { LocationService } from '@keurmerk/locations';
import { addDays, dateInAmsterdam } from '@keurmerk/norm';
import { PlanningRequestService } from '@keurmerk/surveillance';
import { ObjectionEntity, ObjectionRemedy, ObjectionView } from './objection.entity';
import { ObjectionException, ObjectionExceptionCode } from './objection.exception';
import {
  type ContestedEffect,
  DECISION_TERM_DAYS,
  type NewObjection,
  OBJECTION_TERM_DAYS,
  type ObjectionOutcome,
  type ObjectionSubject,
} from './objection-input';
import { ObjectionNoticeObserver } from './objection-notice.port';
import { ObjectionFilter, ObjectionRepository } from './objection.repository';

/** A refusal, suspension or withdrawal a landlord may object against, as found for its subject. */
export interface ContestedCase {
  contested: ContestedEffect;
  locationId: string;
  inspectionId?: string;
  decisionId?: string;
  certificateNumber?: string;
  statusChangeId?: string;
  /** The day (Amsterdam) of the effect. */
  effectOn: string;
  /** The last day an objection may be filed: the effect's day + OBJECTION_TERM_DAYS. */
  lastDay: string;
  /** Who decided or inspected the case. */
  involved: string[];
}

export interface ObjectionDecisionInput {
  outcome: ObjectionOutcome;
  explanation: string;
  /** Also ask for a re-inspection (planning request, reden `bezwaar`) when upheld. */
  reinspection?: boolean;
}

const RE_INSPECTION_KIND = 'herinspectie';

/**
 * The objection procedure (ISO/IEC 17065 §7.13). A landlord objects against a refusal, a suspension or
 * a withdrawal at its location within OBJECTION_TERM_DAYS; a certificeerder who took no part in the
 * contested case decides. An upheld objection undoes the effect through the owning features' normal
 * paths: the inspection's decision is reopened (InspectionService), a suspension is reinstated and a
 * withdrawal followed by a certificate for the rest of the validity (CertificateLifecycleService,
 * CertificateAllocator), and where nothing can be undone a re-inspection is asked for (PlanningRequestService).
 */
@Injectable()
export class ObjectionService {
  constructor(
    private readonly objections: ObjectionRepository,
    private readonly inspections: InspectionService,
    private readonly locations: LocationService,
    private readonly certificates: CertificateRepository,
    private readonly certificateQueries: CertificateQueryService,
    private readonly lifecycle: CertificateLifecycleService,
    private readonly allocator: CertificateAllocator,
    private readonly planning: PlanningRequestService,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly notices?: ObjectionNoticeObserver,
  ) {}

  async list(principal: Principal, request: PageRequest, filter: ObjectionFilter = {}): Promise<Page<ObjectionView>> {
    const page = await this.objections.listVisible(principal, request, filter);
    const today = this.clock.today();
    return { ...page, items: page.items.map((item) => this.view(item, today)) };
  }

  /** How many undecided objections the principal sees, and how many of them are overdue. */
  async openCounts(principal: Principal): Promise<{ open: number; overdue: number }> {
    return this.objections.openCounts(principal, this.clock.today());
  }

  async get(principal: Principal, id: string): Promise<ObjectionView> {
    const objection = isUuid(id) ? await this.objections.findVisible(principal, id.toLowerCase()) : null;
    if (!objection) throw new ObjectionException(ObjectionExceptionCode.NotFound, 'The objection was not found.');
    return this.view(objection, this.clock.today());
  }

  /** Undecided after its beslistermijn (judged on today in the Netherlands): overdue. */
  private view(objection: ObjectionEntity, today: string): ObjectionView {
    return { ...objection, overdue: objection.status === 'ingediend' && objection.decisionDue < today };
  }

  /** Whether `principal` may decide this objection: a certificeerder who took no part in the case, while it is open. */
  mayDecide(principal: PersonPrincipal, objection: ObjectionEntity): boolean {
    return (
      hasRole(principal, 'certificeerder') && objection.status === 'ingediend' && !objection.involvedUserIds.includes(principal.userId)
    );
  }

  /**
   * The refusal, suspension or withdrawal the landlord may object against today, or the refusal why
   * not: 404 for what is not its location's, 409 for nothing to contest or a term that has passed.
   * Does not look at earlier objections (filing does, by the database's unique rule).
   */
  async contestedCase(caller: PersonPrincipal, subject: ObjectionSubject): Promise<ContestedCase> {
    if (!hasRole(caller, 'verhuurder'))
      throw new ObjectionException(ObjectionExceptionCode.NotLandlord, 'Only the landlord of the location files an objection.');
    const found =
      'inspectionId' in subject ? await this.refusal(caller, subject.inspectionId) : await this.sanction(caller, subject.certificateNumber);
    if (this.clock.today() > found.lastDay) {
      throw new ObjectionException(
        ObjectionExceptionCode.TermExpired,
        `The term for an objection ended on ${found.lastDay} (${OBJECTION_TERM_DAYS} days after ${found.effectOn}).`,
      );
    }
    return found;
  }

  private async refusal(caller: PersonPrincipal, inspectionId: string): Promise<ContestedCase> {
    // The inspections feature's own visibility (a landlord's locations, never an unannounced one before submission): else 404.
    const inspection = await this.inspections.get(caller, inspectionId);
    const decision = await this.inspections.decisionOf(caller, inspectionId);
    if (!decision || decision.outcome !== 'afwijzen') {
      throw new ObjectionException(ObjectionExceptionCode.NothingContestable, 'This inspection has no refusal to object against.');
    }
    const effectOn = dateInAmsterdam(decision.decidedAt);
    return {
      contested: 'afwijzing',
      locationId: inspection.locationId,
      inspectionId: inspection.id,
      decisionId: decision.id,
      effectOn,
      lastDay: addDays(effectOn, OBJECTION_TERM_DAYS),
      involved: [...new Set([decision.decidedBy, inspection.auditorId])],
    };
  }

  private async sanction(caller: PersonPrincipal, number: string): Promise<ContestedCase> {
    const certificate = await this.certificates.findByNumber(number);
    const notFound = new ObjectionException(ObjectionExceptionCode.NotFound, `Certificate ${number} was not found.`);
    if (!certificate || certificate.status === 'uitgifte') throw notFound;
    // Only the landlord of the location: another's certificate is not revealed (404), as for every other of its resources.
    const visible = await this.locations.visibleByIds(caller, [certificate.locationId]);
    if (!visible.has(certificate.locationId)) throw notFound;
    const change = await this.objections.latestStatusChange(number);
    const contested: ContestedEffect | undefined =
      certificate.status === 'geschorst'
        ? 'schorsing'
        : certificate.status === 'ingetrokken' && !certificate.supersededBy
          ? 'intrekking'
          : undefined;
    if (!contested || !change || change.toStatus !== certificate.status) {
      throw new ObjectionException(
        ObjectionExceptionCode.NothingContestable,
        `Certificate ${number} is ${certificate.status}: there is no suspension or withdrawal to object against.`,
      );
    }
    const effectOn = dateInAmsterdam(change.occurredAt);
    const participants = await this.objections.inspectionParticipantsBefore(certificate.locationId, change.occurredAt);
    const actor = change.actorKind === 'person' && change.actorId ? [change.actorId] : [];
    return {
      contested,
      locationId: certificate.locationId,
      certificateNumber: number,
      statusChangeId: change.id,
      effectOn,
      lastDay: addDays(effectOn, OBJECTION_TERM_DAYS),
      involved: [...new Set([...actor, ...participants])],
    };
  }

  /**
   * What the landlord may object against at its location today, and was not objected against yet:
   * refusals of its inspections and the suspension or withdrawal of its certificates. For the pages.
   */
  async contestableAtLocation(caller: PersonPrincipal, locationId: string): Promise<ContestedCase[]> {
    if (!hasRole(caller, 'verhuurder')) return [];
    const inspections = await this.inspections.list(caller, { page: 1, pageSize: MAX_PAGE_SIZE }, { locationId, status: 'besloten' });
    const certificates = (await this.certificateQueries.list(caller, { page: 1, pageSize: MAX_PAGE_SIZE }, { locationId })).items.filter(
      (c) => c.status === 'geschorst' || c.status === 'ingetrokken',
    );
    const subjects: ObjectionSubject[] = [
      ...inspections.items.map((inspection) => ({ inspectionId: inspection.id })),
      ...certificates.map((certificate) => ({ certificateNumber: certificate.number })),
    ];
    const cases: ContestedCase[] = [];
    for (const subject of subjects) {
      try {
        cases.push(await this.contestedCase(caller, subject));
      } catch (error) {
        // Not contestable (a grant, a term passed…): simply not offered.
        if (!(error instanceof AppException)) throw error;
      }
    }
    const taken = await this.objections.existingFor({
      decisionIds: cases.flatMap((c) => (c.decisionId ? [c.decisionId] : [])),
      statusChangeIds: cases.flatMap((c) => (c.statusChangeId ? [c.statusChangeId] : [])),
    });
    return cases.filter(
      (c) =>
        !taken.some((o) => (c.decisionId && o.decisionId === c.decisionId) || (c.statusChangeId && o.statusChangeId === c.statusChangeId)),
    );
  }

  /** Files an objection; its beslistermijn is DECISION_TERM_DAYS on from today (Amsterdam). One per contested effect. */
  async file(caller: PersonPrincipal, input: NewObjection): Promise<ObjectionView> {
    const found = await this.contestedCase(caller, input.subject);
    const now = this.clock.now();
    const today = this.clock.today();
    try {
      const objection = await this.objections.transaction(async (manager) => {
        const row = await this.objections.insert(manager, {
          locationId: found.locationId,
          contested: found.contested,
          inspectionId: found.inspectionId ?? null,
          decisionId: found.decisionId ?? null,
          certificateNumber: found.certificateNumber ?? null,
          statusChangeId: found.statusChangeId ?? null,
          effectOn: found.effectOn,
          grounds: input.grounds,
          filedBy: caller.userId,
          filedAt: now,
          filedOn: today,
          decisionDue: addDays(today, DECISION_TERM_DAYS),
          involvedUserIds: found.involved,
        });
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'objection',
          entityId: row.id,
          action: 'filed',
          after: {
            status: 'ingediend',
            locationId: row.locationId,
            contested: row.contested,
            inspectionId: row.inspectionId,
            certificateNumber: row.certificateNumber,
            effectOn: row.effectOn,
            decisionDue: row.decisionDue,
            grounds: row.grounds,
          },
        });
        // The landlord's users hear that it arrived, in this transaction (the mail feature's outbox, where present).
        await this.notices?.objectionReceived(manager, noticeOf(row, caller.organisationId ?? ''));
        return row;
      });
      return this.view(objection, today);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_objection_decision') || isUniqueViolation(error, 'uq_objection_status_change')) {
        throw new ObjectionException(
          ObjectionExceptionCode.AlreadyObjected,
          'This refusal, suspension or withdrawal has been objected against already.',
        );
      }
      throw error;
    }
  }

  /**
   * The decision, by a certificeerder who took no part in the contested case, once. `gegrond` undoes the
   * effect in the same transaction; the row lock makes a concurrent second decision wait and see 409.
   */
  async decide(caller: PersonPrincipal, id: string, input: ObjectionDecisionInput): Promise<ObjectionView> {
    if (!hasRole(caller, 'certificeerder'))
      throw new ObjectionException(ObjectionExceptionCode.NotCertifier, 'Only a certificeerder decides on an objection.');
    const objection = await this.objections.transaction(async (manager) => {
      const locked = isUuid(id) ? await this.objections.lock(manager, id.toLowerCase()) : null;
      if (!locked) throw new ObjectionException(ObjectionExceptionCode.NotFound, 'The objection was not found.');
      if (locked.involvedUserIds.includes(caller.userId)) {
        throw new ObjectionException(
          ObjectionExceptionCode.Involved,
          'You decided or inspected the contested case; a certificeerder who took no part in it decides the objection.',
        );
      }
      if (locked.status !== 'ingediend')
        throw new ObjectionException(ObjectionExceptionCode.AlreadyDecided, 'This objection has been decided already.');
      const explanation = input.explanation.trim();
      const remedy = input.outcome === 'gegrond' ? await this.remedy(manager, caller, locked, input.reinspection ?? false) : null;
      const decidedAt = this.clock.now();
      await this.objections.recordDecision(manager, locked.id, {
        outcome: input.outcome,
        explanation,
        decidedBy: caller.userId,
        decidedAt,
        remedy,
      });
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'objection',
        entityId: locked.id,
        action: 'decided',
        before: { status: 'ingediend' },
        after: { status: 'besloten', outcome: input.outcome, explanation, remedy },
      });
      const { organisationId } = await this.locations.getById(locked.locationId, manager);
      await this.notices?.objectionDecided(manager, {
        ...noticeOf(locked, organisationId),
        upheld: input.outcome === 'gegrond',
        explanation,
      });
      return { ...locked, status: 'besloten' as const, outcome: input.outcome, explanation, decidedBy: caller.userId, decidedAt, remedy };
    });
    return this.view(objection, this.clock.today());
  }

  /** Undoes the contested effect through its owner's normal path; asks for a re-inspection where that is all that can be done. */
  private async remedy(
    manager: EntityManager,
    caller: PersonPrincipal,
    objection: ObjectionEntity,
    reinspection: boolean,
  ): Promise<ObjectionRemedy> {
    const actor = actorOf(caller);
    const reason = `Bezwaar ${objection.id} gegrond`;
    let remedy: ObjectionRemedy = { kind: 'geen' };
    if (objection.contested === 'afwijzing') {
      await this.inspections.reopenDecision(manager, {
        inspectionId: objection.inspectionId!,
        decisionId: objection.decisionId!,
        reason,
        revisedBy: caller.userId,
        actor,
      });
      remedy = { kind: 'besluit-heropend', inspectionId: objection.inspectionId! };
    } else {
      const number = objection.certificateNumber!;
      const certificate = await this.certificates.lockByNumber(manager, number);
      const latest = await this.objections.latestStatusChange(number, manager);
      // Only the contested change is undone: a later change (expiry, a new inspection's certificate) stands.
      const inForce = certificate && latest?.id === objection.statusChangeId;
      if (inForce && certificate.status === 'geschorst') {
        await this.lifecycle.recordChange(manager, certificate, 'geldig', `${reason}: schorsing herroepen`, actor);
        remedy = { kind: 'hersteld', certificateNumber: number };
      } else if (inForce && certificate.status === 'ingetrokken' && certificate.validUntil > this.clock.today()) {
        const current = await this.certificates.lockCurrentAtLocation(manager, certificate.locationId);
        if (current.length === 0) {
          const successor = await this.allocator.allocateContinuation(manager, {
            predecessor: certificate,
            reason: `${reason}: intrekking van ${number} herroepen`,
            actor,
          });
          remedy = { kind: 'nieuw-certificaat', certificateNumber: successor };
        }
      }
    }
    if (reinspection || remedy.kind === 'geen') {
      const planningRequestId = await this.planning.openRequest(
        manager,
        {
          locationId: objection.locationId,
          reason: 'bezwaar',
          kind: RE_INSPECTION_KIND,
          dueDate: addDays(this.clock.today(), DECISION_TERM_DAYS),
          // The certificate the re-inspection is about: the reinstated or new one, else the contested one.
          ...(remedy.certificateNumber || objection.certificateNumber
            ? { certificateNumber: remedy.certificateNumber ?? objection.certificateNumber! }
            : {}),
        },
        actor,
      );
      if (planningRequestId) remedy = { ...remedy, planningRequestId };
    }
    return remedy;
  }
}

/** What the landlord's mail says of an objection: which effect, and where its page is. */
function noticeOf(objection: ObjectionEntity, organisationId: string) {
  const subject = objection.certificateNumber ? `certificaat ${objection.certificateNumber}` : `keuring van ${objection.effectOn}`;
  return { objectionId: objection.id, organisationId, subject, path: `/app/bezwaren/${objection.id}` };
}
