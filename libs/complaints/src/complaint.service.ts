import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, type PersonPrincipal } from '@keurmerk/accounts';
import { parseCertificateNumber } from '@keurmerk/certificates';
import { AppException, Clock, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { type Actor, actorOf, EventLog, PUBLIC_ACTOR } from '@keurmerk/events';
import { InspectionService, type InspectionEntity } from '@keurmerk/inspections';
import { addDays, dateInAmsterdam } from '@keurmerk/norm';
import { PlanningRequestService } from '@keurmerk/surveillance';
import type { ComplaintEntity, ComplaintFlag } from './complaint.entity';
import { ComplaintException, ComplaintExceptionCode } from './complaint.exception';
import { type ComplaintFilter, ComplaintRepository } from './complaint.repository';
import {
  COMPLAINT_INSPECTION_WITHIN_DAYS,
  type ComplaintSubject,
  type NewComplaint,
  RESOLUTION_MAX_LENGTH,
  validateComplaintContent,
} from './complaint-input';
import { complaintReference, normaliseComplaintReference } from './complaint-reference';
import { canMoveComplaint } from './complaint-status';

export type { ComplaintFilter } from './complaint.repository';

/** All a resident learns from a reference: where the complaint stands, and since when. Nothing it says, nothing about who sent it. */
export interface ComplaintProgress {
  status: ComplaintEntity['status'];
  receivedAt: Date;
  /** When it last moved (in hand, closed); the receipt itself for a complaint still `ontvangen`. */
  changedAt: Date;
}

export interface PlanComplaintInspection {
  auditorId: string;
  plannedAt: Date;
}

/** A complaint marked as needing an inspection: the planning request opened for it, or null when one was open already. */
export interface InspectionRequested {
  complaint: ComplaintEntity;
  planningRequestId: string | null;
}

const REFERENCE_ATTEMPTS = 5;

/**
 * What the event log keeps of a complaint. Not the description: the log can never be changed, and a
 * resident's text may name people. Its hash proves later which text was received.
 */
function snapshot(complaint: ComplaintEntity): Record<string, unknown> {
  return {
    reference: complaint.reference,
    certificateNumber: complaint.certificateNumber,
    postcode: complaint.postcode,
    houseNumber: complaint.houseNumber,
    houseLetter: complaint.houseLetter,
    houseNumberAddition: complaint.houseNumberAddition,
    locationId: complaint.locationId,
    flag: complaint.flag,
    language: complaint.language,
    status: complaint.status,
    inspectionId: complaint.inspectionId,
    descriptionSha256: createHash('sha256').update(complaint.description).digest('hex'),
  };
}

/**
 * Residents' complaints: anyone may file one, about a certificate number or an address; the
 * beheerder reads them and answers with an unannounced inspection, planned through the audit
 * workflow's own rules (conflicts of interest, accreditation).
 */
@Injectable()
export class ComplaintService {
  private readonly logger = new Logger('complaints');
  /** Planning per complaint, one at a time in this process; the conditional update guards across processes. */
  private readonly planning = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly inspections: InspectionService,
    private readonly planningRequests: PlanningRequestService,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  /** Files a complaint and answers with it, including its reference. An unknown number or address is kept, flagged. */
  async submit(input: NewComplaint, actor: Actor = PUBLIC_ACTOR): Promise<ComplaintEntity> {
    const { value, problems } = validateComplaintContent({ description: input.description, language: input.language });
    if ('certificateNumber' in input.subject && !parseCertificateNumber(input.subject.certificateNumber).valid) {
      problems.push({ name: 'certificaatnummer', code: 'check-digit', reason: 'This is not a valid certificate number.' });
    }
    if (problems.length > 0 || !value) throw AppException.invalid(problems);

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (manager) => {
          const now = this.clock.now();
          const { locationId, flag } = await this.resolve(manager, input.subject);
          const address = 'address' in input.subject ? input.subject.address : undefined;
          const complaint = await this.complaints.insert(manager, {
            reference: complaintReference(Number(dateInAmsterdam(now).slice(0, 4))),
            certificateNumber: 'certificateNumber' in input.subject ? input.subject.certificateNumber : null,
            postcode: address?.postcode ?? null,
            houseNumber: address?.houseNumber ?? null,
            houseLetter: address?.houseLetter ?? null,
            houseNumberAddition: address?.houseNumberAddition ?? null,
            locationId,
            flag,
            description: value.description,
            language: value.language,
            status: 'ontvangen',
            inspectionId: null,
            resolution: null,
            createdAt: now,
            updatedAt: now,
          });
          await this.events.append(manager, {
            actor,
            entityType: 'complaint',
            entityId: complaint.id,
            action: 'received',
            after: snapshot(complaint),
          });
          return complaint;
        });
      } catch (error) {
        // A reference drawn twice: draw again (the odds are about one in 700 million).
        if (attempt < REFERENCE_ATTEMPTS && isUniqueViolation(error, 'uq_complaint_reference')) continue;
        throw error;
      }
    }
  }

  /** The location the resident means: the certificate's, whatever its status, or the one registered at the address. */
  private async resolve(
    manager: EntityManager,
    subject: ComplaintSubject,
  ): Promise<{ locationId: string | null; flag: ComplaintFlag | null }> {
    if ('certificateNumber' in subject) {
      const found = await this.complaints.locationOfCertificate(manager, subject.certificateNumber);
      return found ? { locationId: found.locationId, flag: null } : { locationId: null, flag: 'onbekend-certificaatnummer' };
    }
    const found = await this.complaints.locationAt(manager, subject.address);
    return found ? { locationId: found.locationId, flag: null } : { locationId: null, flag: 'onbekend-adres' };
  }

  /**
   * A complaint's progress by the reference its sender was given, for anyone who has it (the reference
   * is the sender's only key: random, so it cannot be guessed, and the public routes are rate limited).
   * A malformed or unknown reference is undefined.
   */
  async progress(reference: string): Promise<ComplaintProgress | undefined> {
    const normalised = normaliseComplaintReference(reference);
    if (!normalised) return undefined;
    const complaint = await this.complaints.findByReference(normalised);
    if (!complaint) return undefined;
    return {
      status: complaint.status,
      receivedAt: complaint.createdAt,
      changedAt: complaint.status === 'ontvangen' ? complaint.createdAt : complaint.updatedAt,
    };
  }

  async list(caller: PersonPrincipal, request: PageRequest, filter: ComplaintFilter = {}): Promise<Page<ComplaintEntity>> {
    requireAdministrator(caller);
    return this.complaints.page(request, filter);
  }

  async get(caller: PersonPrincipal, id: string): Promise<ComplaintEntity> {
    requireAdministrator(caller);
    const complaint = await this.complaints.findById(id);
    if (!complaint) throw notFound();
    return complaint;
  }

  /**
   * Plans an unannounced inspection of the complaint's location through the audit workflow (which
   * refuses a conflicted or unaccredited auditor with 409), links it and marks the complaint in hand.
   * The inspection service plans in a transaction of its own, so the link is a second, conditional step.
   */
  async planInspection(
    caller: PersonPrincipal,
    id: string,
    input: PlanComplaintInspection,
  ): Promise<{ complaint: ComplaintEntity; inspection: InspectionEntity }> {
    requireAdministrator(caller);
    return this.oneAtATime(id, async () => {
      const complaint = await this.get(caller, id);
      if (complaint.status === 'afgehandeld') throw new ComplaintException(ComplaintExceptionCode.Closed, 'The complaint is closed.');
      if (complaint.inspectionId) {
        throw new ComplaintException(
          ComplaintExceptionCode.InspectionAlreadyPlanned,
          `An inspection (${complaint.inspectionId}) is already planned for this complaint.`,
        );
      }
      if (!complaint.locationId) {
        throw new ComplaintException(
          ComplaintExceptionCode.NoKnownLocation,
          'The complaint names no known location (unknown certificate number or address); an inspection cannot be planned from it.',
        );
      }
      const inspection = await this.inspections.plan(caller, {
        locationId: complaint.locationId,
        auditorId: input.auditorId,
        kind: 'onaangekondigd',
        plannedAt: input.plannedAt,
      });
      const linked = await this.db.transaction(async (manager) => {
        // In hand from now on; a closed complaint stays closed even if it was closed a moment ago.
        const change = {
          inspectionId: inspection.id,
          status: 'in-behandeling' as const,
          unlessStatus: 'afgehandeld' as const,
          at: this.clock.now(),
        };
        if (!(await this.complaints.linkInspection(manager, id, change))) return undefined;
        const after = await this.complaints.findById(id, manager);
        if (!after) throw notFound();
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'complaint',
          entityId: id,
          action: 'inspection-planned',
          before: { status: complaint.status, inspectionId: null },
          after: { status: after.status, inspectionId: inspection.id },
        });
        return after;
      });
      if (!linked) {
        // Another process linked or closed the complaint meanwhile; the inspection just planned stands alone.
        this.logger.warn(`inspection ${inspection.id} was planned for complaint ${id}, which changed meanwhile; it is not linked`);
        throw new ComplaintException(
          ComplaintExceptionCode.ChangedMeanwhile,
          `The complaint changed while the inspection was planned; inspection ${inspection.id} is not linked to it.`,
        );
      }
      return { complaint: linked, inspection };
    });
  }

  /**
   * The beheerder judges that the complaint needs an unannounced inspection without planning one yet:
   * a `melding` planning request (soort `onaangekondigd`, due within COMPLAINT_INSPECTION_WITHIN_DAYS)
   * joins the planning page's list, through the surveillance feature's service, in this transaction, and
   * the complaint is in hand. A location with an open `melding` request is not asked twice: a second
   * complaint about it rides on the open request (planningRequestId null). Asking again changes nothing.
   */
  async requestInspection(caller: PersonPrincipal, id: string): Promise<InspectionRequested> {
    requireAdministrator(caller);
    return this.db.transaction(async (manager) => {
      const complaint = await this.complaints.findForUpdate(manager, id);
      if (!complaint) throw notFound();
      if (complaint.status === 'afgehandeld') throw new ComplaintException(ComplaintExceptionCode.Closed, 'The complaint is closed.');
      if (complaint.inspectionId) {
        throw new ComplaintException(
          ComplaintExceptionCode.InspectionAlreadyPlanned,
          `An inspection (${complaint.inspectionId}) is already planned for this complaint.`,
        );
      }
      if (!complaint.locationId) {
        throw new ComplaintException(
          ComplaintExceptionCode.NoKnownLocation,
          'The complaint names no known location (unknown certificate number or address); no inspection can be asked for it.',
        );
      }
      const actor = actorOf(caller);
      const planningRequestId = await this.planningRequests.openRequest(
        manager,
        {
          locationId: complaint.locationId,
          reason: 'melding',
          kind: 'onaangekondigd',
          dueDate: addDays(this.clock.today(), COMPLAINT_INSPECTION_WITHIN_DAYS),
        },
        actor,
      );
      const before = complaint.status;
      if (before === 'ontvangen') {
        complaint.status = 'in-behandeling';
        complaint.updatedAt = this.clock.now();
        await this.complaints.save(manager, complaint);
      }
      if (planningRequestId || before !== complaint.status) {
        await this.events.append(manager, {
          actor,
          entityType: 'complaint',
          entityId: id,
          action: 'inspection-requested',
          before: { status: before },
          after: { status: complaint.status, planningRequestId },
        });
      }
      return { complaint, planningRequestId };
    });
  }

  /** Closes a complaint with the beheerder's note; closed is final. */
  async close(caller: PersonPrincipal, id: string, resolution: string): Promise<ComplaintEntity> {
    requireAdministrator(caller);
    const note = typeof resolution === 'string' ? resolution.trim() : '';
    if (note.length === 0 || note.length > RESOLUTION_MAX_LENGTH) {
      throw AppException.invalidField('toelichting', 'length', `toelichting must be 1 to ${RESOLUTION_MAX_LENGTH} characters.`);
    }
    return this.db.transaction(async (manager) => {
      const complaint = await this.complaints.findForUpdate(manager, id);
      if (!complaint) throw notFound();
      if (!canMoveComplaint(complaint.status, 'afgehandeld')) {
        throw new ComplaintException(ComplaintExceptionCode.Closed, 'The complaint is already closed.');
      }
      const before = complaint.status;
      complaint.status = 'afgehandeld';
      complaint.resolution = note;
      complaint.updatedAt = this.clock.now();
      await this.complaints.save(manager, complaint);
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'complaint',
        entityId: id,
        action: 'closed',
        before: { status: before },
        after: { status: 'afgehandeld', resolution: note },
      });
      return complaint;
    });
  }

  private async oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.planning.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.planning.set(key, current);
    try {
      return await current;
    } finally {
      if (this.planning.get(key) === current) this.planning.delete(key);
    }
  }
}

function requireAdministrator(caller: PersonPrincipal): void {
  if (!hasRole(caller, 'beheerder')) {
    throw new ComplaintException(ComplaintExceptionCode.AdministratorOnly, 'Only the beheerder handles complaints.');
  }
}

function notFound(): ComplaintException {
  return new ComplaintException(ComplaintExceptionCode.NotFound, 'The complaint was not found.');
}
