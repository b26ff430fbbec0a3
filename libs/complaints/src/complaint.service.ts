import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { hasRole, type PersonPrincipal } from '@keurmerk/accounts';
import { parseCertificateNumber } from '@keurmerk/certificates';
import { AppException, Clock, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { type Actor, actorOf, EventLog, PUBLIC_ACTOR } from '@keurmerk/events';
import { InspectionService, type InspectionEntity } from '@keurmerk/inspections';
import { dateInAmsterdam } from '@keurmerk/norm';
import { ComplaintEntity, type ComplaintFlag, type ComplaintStatus } from './complaint.entity';
import { type ComplaintSubject, type NewComplaint, validateComplaintContent } from './complaint-input';
import { complaintReference } from './complaint-reference';
import { canMoveComplaint } from './complaint-status';

export interface ComplaintFilter {
  status?: ComplaintStatus;
  locationId?: string;
}

export interface PlanComplaintInspection {
  auditorId: string;
  plannedAt: Date;
}

const RESOLUTION_MAX_LENGTH = 2000;
const REFERENCE_ATTEMPTS = 5;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

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
    private readonly inspections: InspectionService,
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
          const complaint = manager.create(ComplaintEntity, {
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
          await manager.save(complaint);
          await this.events.append(manager, { actor, entityType: 'complaint', entityId: complaint.id, action: 'received', after: snapshot(complaint) });
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
  private async resolve(manager: EntityManager, subject: ComplaintSubject): Promise<{ locationId: string | null; flag: ComplaintFlag | null }> {
    if ('certificateNumber' in subject) {
      const [row] = await manager.query(`SELECT location_id FROM certificate WHERE number = $1`, [subject.certificateNumber]);
      return row ? { locationId: row.location_id, flag: null } : { locationId: null, flag: 'onbekend-certificaatnummer' };
    }
    const { postcode, houseNumber, houseLetter, houseNumberAddition } = subject.address;
    const [row] = await manager.query(
      `SELECT id FROM location WHERE postcode = $1 AND house_number = $2 AND coalesce(house_letter, '') = $3 AND coalesce(house_number_addition, '') = $4`,
      [postcode, houseNumber, (houseLetter ?? '').toUpperCase(), (houseNumberAddition ?? '').toUpperCase()],
    );
    return row ? { locationId: row.id, flag: null } : { locationId: null, flag: 'onbekend-adres' };
  }

  async list(caller: PersonPrincipal, request: PageRequest, filter: ComplaintFilter = {}): Promise<Page<ComplaintEntity>> {
    requireAdministrator(caller);
    let query = this.db.manager.createQueryBuilder(ComplaintEntity, 'c');
    if (filter.status) query = query.andWhere('c.status = :status', { status: filter.status });
    if (filter.locationId) query = query.andWhere('c.location_id = :locationId', { locationId: filter.locationId });
    const [items, total] = await query.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'ASC').skip(pageOffset(request)).take(request.pageSize).getManyAndCount();
    return { items, total, ...request };
  }

  async get(caller: PersonPrincipal, id: string): Promise<ComplaintEntity> {
    requireAdministrator(caller);
    const complaint = await this.db.manager.findOneBy(ComplaintEntity, { id });
    if (!complaint) throw AppException.notFound('The complaint');
    return complaint;
  }

  /**
   * Plans an unannounced inspection of the complaint's location through the audit workflow (which
   * refuses a conflicted or unaccredited auditor with 409), links it and marks the complaint in hand.
   * The inspection service plans in a transaction of its own, so the link is a second, conditional step.
   */
  async planInspection(caller: PersonPrincipal, id: string, input: PlanComplaintInspection): Promise<{ complaint: ComplaintEntity; inspection: InspectionEntity }> {
    requireAdministrator(caller);
    return this.oneAtATime(id, async () => {
      const complaint = await this.get(caller, id);
      if (complaint.status === 'afgehandeld') throw AppException.conflict('The complaint is closed.');
      if (complaint.inspectionId) throw AppException.conflict(`An inspection (${complaint.inspectionId}) is already planned for this complaint.`);
      if (!complaint.locationId) {
        throw AppException.conflict('The complaint names no known location (unknown certificate number or address); an inspection cannot be planned from it.');
      }
      const inspection = await this.inspections.plan(caller, { locationId: complaint.locationId, auditorId: input.auditorId, kind: 'onaangekondigd', plannedAt: input.plannedAt });
      const linked = await this.db.transaction(async (manager) => {
        const [rows] = (await manager.query(
          `UPDATE complaint SET inspection_id = $2, status = 'in-behandeling', updated_at = $3
            WHERE id = $1 AND inspection_id IS NULL AND status <> 'afgehandeld' RETURNING id`,
          [id, inspection.id, this.clock.now()],
        )) as [{ id: string }[], number];
        if (rows.length === 0) return undefined;
        const after = await manager.findOneByOrFail(ComplaintEntity, { id });
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
        throw AppException.conflict(`The complaint changed while the inspection was planned; inspection ${inspection.id} is not linked to it.`);
      }
      return { complaint: linked, inspection };
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
      const complaint = await manager.createQueryBuilder(ComplaintEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
      if (!complaint) throw AppException.notFound('The complaint');
      if (!canMoveComplaint(complaint.status, 'afgehandeld')) throw AppException.conflict('The complaint is already closed.');
      const before = complaint.status;
      complaint.status = 'afgehandeld';
      complaint.resolution = note;
      complaint.updatedAt = this.clock.now();
      await manager.save(complaint);
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'complaint', entityId: id, action: 'closed', before: { status: before }, after: { status: 'afgehandeld', resolution: note } });
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
  if (!hasRole(caller, 'beheerder')) throw AppException.forbidden('Only the beheerder handles complaints.');
}
