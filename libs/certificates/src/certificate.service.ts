import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { type CertificateDocumentData, renderCertificatePdf } from '@keurmerk/certificate-pdf';
import { AppException, Clock, normalisePostcode, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Actor, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { addDays, addMonths, dateInAmsterdam } from '@keurmerk/norm';
import { JobQueue } from '@keurmerk/queue';
import { KeyRing, signCredential, signPdf } from '@keurmerk/signing';
import { ObjectStorage } from '@keurmerk/storage';
import { canChangeStatus, CertificateStatus } from './certificate-lifecycle';
import { CertificateEntity, CertificateStatusChangeEntity } from './certificate.entities';
import { formatCertificateNumber, parseCertificateNumber } from './certificate-number';
import { KEY_RING } from './key-ring.provider';

export const ISSUE_QUEUE = 'certificates.issue';
export const CERTIFICATE_CHANGED_CHANNEL = 'keurmerk_certificate_changed';

/** The address as verification keys it: normalised postcode, number, letter and addition. */
export function addressKey(address: { postcode: string; houseNumber: number; houseLetter?: string | null; houseNumberAddition?: string | null }): string {
  return [address.postcode, address.houseNumber, (address.houseLetter ?? '').toUpperCase(), (address.houseNumberAddition ?? '').toUpperCase()].join('|');
}

export function certificateChangePayload(certificate: Pick<CertificateEntity, 'number' | 'content'>): string {
  return JSON.stringify({ number: certificate.number, address: addressKey(certificate.content.address) });
}
/** Raised when the certificate's layout changes, so `reissue` knows which PDFs are stale. */
export const TEMPLATE_VERSION = 1;

export type PublicCertificate = CertificateEntity & { status: CertificateStatus };

export interface CertificateFilter {
  status?: CertificateStatus;
  municipalityCode?: string;
  locationId?: string;
  /** A certificate number, a postcode with or without house number, or part of street, place or holder. */
  search?: string;
}

/**
 * Told of every recorded status change, inside the transaction that records it, so what follows
 * from a change (webhook deliveries) commits or rolls back with it. Use only `manager` in there.
 * Optional: a process without an observer records changes all the same.
 */
export abstract class CertificateChangeObserver {
  abstract changed(manager: EntityManager, change: CertificateStatusChangeEntity): Promise<void>;
}

/**
 * Certificates, kept apart the way Boulder keeps them: the decision (audit workflow) only asks for
 * one; allocation records what will be signed; the worker renders, signs (through @keurmerk/signing,
 * the only holder of the key) and stores; publishing is a single transaction that needs the stored PDF.
 */
@Injectable()
export class CertificateService {
  private readonly logger = new Logger('certificates');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KEY_RING) private readonly keyRing: KeyRing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: ObjectStorage,
    private readonly queue: JobQueue,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly changeObserver?: CertificateChangeObserver,
  ) {}

  /**
   * Called in the transaction of a `toekennen` decision: allocates the number, records everything the
   * certificate will say, and enqueues its issuance, all or nothing with the decision.
   */
  async allocate(manager: EntityManager, context: { decisionId: string; inspectionId: string; locationId: string; actor: Actor }): Promise<string> {
    const [facts] = await manager.query(
      `SELECT l.organisation_id, l.postcode, l.house_number, l.house_letter, l.house_number_addition, l.street, l.city,
              l.municipality_code, m.name AS municipality_name, o.name AS holder_name, o.kvk_number,
              i.norm_version, (i.result ->> 'maximumResidents')::int AS maximum_residents
         FROM inspection i
         JOIN location l ON l.id = i.location_id
         JOIN organisation o ON o.id = l.organisation_id
         JOIN municipality m ON m.code = l.municipality_code
        WHERE i.id = $1`,
      [context.inspectionId],
    );
    const now = this.clock.now();
    const validFrom = dateInAmsterdam(now);
    const validUntil = addDays(addMonths(validFrom, 12), -1);
    const year = Number(validFrom.slice(0, 4));
    const [series] = (await manager.query(
      `INSERT INTO certificate_number_series (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = certificate_number_series.last_value + 1
       RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    const number = formatCertificateNumber(year, series.last_value);
    const content: CertificateDocumentData = {
      certificateNumber: number,
      holderName: facts.holder_name,
      holderKvkNumber: facts.kvk_number,
      address: {
        street: facts.street,
        houseNumber: facts.house_number,
        ...(facts.house_letter ? { houseLetter: facts.house_letter } : {}),
        ...(facts.house_number_addition ? { houseNumberAddition: facts.house_number_addition } : {}),
        postcode: facts.postcode,
        city: facts.city,
      },
      municipalityName: facts.municipality_name,
      maximumResidents: facts.maximum_residents,
      validFrom,
      validUntil,
      normVersion: facts.norm_version,
      issuedOn: validFrom,
      verifyUrl: `${this.config.publicBaseUrl}/controleer/${number}`,
    };
    await manager.insert(CertificateEntity, {
      number,
      decisionId: context.decisionId,
      locationId: context.locationId,
      organisationId: facts.organisation_id,
      municipalityCode: facts.municipality_code,
      status: 'uitgifte',
      validFrom,
      validUntil,
      maximumResidents: facts.maximum_residents,
      normVersion: facts.norm_version,
      content,
      statusChangedAt: now,
      createdAt: now,
    });
    await this.events.append(manager, { actor: context.actor, entityType: 'certificate', entityId: number, action: 'allocated', after: { decisionId: context.decisionId, content } });
    await this.queue.send(ISSUE_QUEUE, { number }, { manager, retryLimit: 1000, retryDelaySeconds: 5, retryBackoff: true });
    return number;
  }

  /** Renders and signs what was recorded; the same content always renders the same page. */
  private async renderAndSign(certificate: CertificateEntity): Promise<{ pdf: Buffer; sha256: string }> {
    const unsigned = await renderCertificatePdf(certificate.content, { signingTime: certificate.createdAt });
    const pdf = await signPdf(unsigned, this.keyRing);
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  /**
   * The worker's step for one allocated certificate: render, sign, store, then publish. Safe to run
   * again after a crash at any point (it only publishes what is still 'uitgifte'), and safe to run
   * twice at once (the row lock lets one publish; the other's stored copy is never referenced).
   */
  async issue(number: string): Promise<'issued' | 'already-issued'> {
    const certificate = await this.db.manager.findOneBy(CertificateEntity, { number });
    if (!certificate) throw new Error(`certificate ${number} does not exist`);
    if (certificate.status !== 'uitgifte') return 'already-issued';
    const { pdf, sha256 } = await this.renderAndSign(certificate);
    const key = `certificates/${number}/${sha256}.pdf`;
    await this.storage.put(key, pdf, 'application/pdf');
    return this.db.transaction(async (manager) => {
      const locked = await manager.createQueryBuilder(CertificateEntity, 'c').setLock('pessimistic_write').where('c.number = :number', { number }).getOne();
      if (!locked || locked.status !== 'uitgifte') return 'already-issued' as const;
      const now = this.clock.now();
      // A re-inspection's certificate replaces the location's current one.
      const current = await manager
        .createQueryBuilder(CertificateEntity, 'c')
        .setLock('pessimistic_write')
        .where('c.location_id = :location AND c.status IN (:...statuses)', { location: locked.locationId, statuses: ['geldig', 'geschorst'] })
        .getMany();
      for (const old of current) {
        await this.recordChange(manager, old, 'ingetrokken', `Vervangen door ${number} na herinspectie`, SYSTEM_ACTOR, { supersededBy: number });
      }
      await manager.update(
        CertificateEntity,
        { number },
        { status: 'geldig', pdfKey: key, pdfSha256: sha256, signingKid: this.keyRing.activeKey.kid, templateVersion: TEMPLATE_VERSION, issuedAt: now, statusChangedAt: now },
      );
      await this.appendChange(manager, { ...locked, status: 'uitgifte' }, null, 'geldig', 'Toegekend', SYSTEM_ACTOR, now);
      await this.events.append(manager, { actor: SYSTEM_ACTOR, entityType: 'certificate', entityId: number, action: 'issued', before: { status: 'uitgifte' }, after: { status: 'geldig', pdfSha256: sha256, signingKid: this.keyRing.activeKey.kid } });
      return 'issued' as const;
    });
  }

  /** Issues everything still allocated (a catch-up for jobs lost with a dead queue, and for tests). */
  async issuePending(): Promise<number> {
    const pending = await this.db.manager.find(CertificateEntity, { where: { status: 'uitgifte' }, order: { createdAt: 'ASC' }, select: { number: true } });
    let issued = 0;
    for (const { number } of pending) if ((await this.issue(number)) === 'issued') issued++;
    return issued;
  }

  /**
   * The one path every status change takes, from the API, from findings and from the expiry sweep:
   * the row, the changes feed, and the event log, in the caller's transaction.
   */
  async recordChange(
    manager: EntityManager,
    certificate: CertificateEntity,
    to: CertificateStatus,
    reason: string,
    actor: Actor,
    extra: Partial<Pick<CertificateEntity, 'supersededBy'>> = {},
  ): Promise<void> {
    const from = certificate.status as CertificateStatus;
    if (!canChangeStatus(from, to)) throw AppException.conflict(`A certificate cannot go from ${from} to ${to}.`);
    const now = this.clock.now();
    await manager.update(CertificateEntity, { number: certificate.number }, { status: to, statusChangedAt: now, ...extra });
    await this.appendChange(manager, certificate, from, to, reason, actor, now);
    await this.events.append(manager, { actor, entityType: 'certificate', entityId: certificate.number, action: 'status-changed', before: { status: from }, after: { status: to, reason, ...extra } });
  }

  private async appendChange(manager: EntityManager, certificate: CertificateEntity, from: CertificateStatus | null, to: CertificateStatus, reason: string, actor: Actor, at: Date): Promise<void> {
    // Delivered at commit to every process LISTENing, so their verification caches drop this certificate and its address.
    await manager.query('SELECT pg_notify($1, $2)', [CERTIFICATE_CHANGED_CHANNEL, certificateChangePayload(certificate)]);
    const change = {
      certificateNumber: certificate.number,
      municipalityCode: certificate.municipalityCode,
      fromStatus: from,
      toStatus: to,
      reason,
      actorKind: actor.kind,
      actorId: actor.id,
      occurredAt: at,
    };
    const inserted = await manager.insert(CertificateStatusChangeEntity, change);
    await this.changeObserver?.changed(manager, { ...change, id: String(inserted.identifiers[0].id) });
  }

  async changeStatus(number: string, to: CertificateStatus, reason: string, actor: Actor): Promise<PublicCertificate> {
    await this.db.transaction(async (manager) => {
      const certificate = await manager.createQueryBuilder(CertificateEntity, 'c').setLock('pessimistic_write').where('c.number = :number', { number }).getOne();
      if (!certificate || certificate.status === 'uitgifte') throw AppException.notFound(`Certificate ${number}`);
      if (certificate.status === to) throw AppException.conflict(`Certificate ${number} is already ${to}.`);
      await this.recordChange(manager, certificate, to, reason.trim(), actor);
    });
    return this.getPublic(number);
  }

  /** Suspends the location's valid certificate, if it has one (knock-out found, major overdue). */
  async suspendAtLocation(manager: EntityManager, locationId: string, reason: string, actor: Actor): Promise<string | undefined> {
    const certificate = await manager
      .createQueryBuilder(CertificateEntity, 'c')
      .setLock('pessimistic_write')
      .where(`c.location_id = :locationId AND c.status = 'geldig'`, { locationId })
      .getOne();
    if (!certificate) return undefined;
    await this.recordChange(manager, certificate, 'geschorst', reason, actor);
    return certificate.number;
  }

  /** Certificates past their last valid day become `verlopen`, in batches; returns how many. */
  async expire(actor: Actor = SYSTEM_ACTOR): Promise<number> {
    const today = this.clock.today();
    let expired = 0;
    for (;;) {
      const batch = await this.db.transaction(async (manager) => {
        const due = await manager
          .createQueryBuilder(CertificateEntity, 'c')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`c.status IN ('geldig', 'geschorst') AND c.valid_until < :today`, { today })
          .orderBy('c.valid_until')
          .limit(500)
          .getMany();
        for (const certificate of due) await this.recordChange(manager, certificate, 'verlopen', `Geldigheid verstreken op ${certificate.validUntil}`, actor);
        return due.length;
      });
      expired += batch;
      if (batch < 500) return expired;
    }
  }

  /** A published certificate, or 404 (one being issued is not public yet). A malformed number is 400. */
  async getPublic(number: string, field = 'certificaatnummer'): Promise<PublicCertificate> {
    assertCertificateNumber(number, field);
    const certificate = await this.db.manager.findOneBy(CertificateEntity, { number });
    if (!certificate || certificate.status === 'uitgifte') throw AppException.notFound(`Certificate ${number}`);
    return certificate as PublicCertificate;
  }

  async pdf(number: string): Promise<{ certificate: PublicCertificate; bytes: Buffer }> {
    const certificate = await this.getPublic(number);
    return { certificate, bytes: await this.storage.get(certificate.pdfKey!) };
  }

  /** The certificate as a signed credential (compact JWS, `typ: vc+jwt`), signed when asked so it carries the current status. */
  async credential(number: string): Promise<string> {
    const certificate = await this.getPublic(number);
    const content = certificate.content;
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    return signCredential(
      {
        iss: this.config.publicBaseUrl,
        sub: certificate.number,
        iat: issuedAt,
        nbf: Math.floor(Date.parse(`${certificate.validFrom}T00:00:00Z`) / 1000),
        exp: Math.floor(Date.parse(`${addDays(certificate.validUntil, 1)}T00:00:00Z`) / 1000),
        vc: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential', 'KeurmerkCertificaat'],
          credentialSubject: {
            id: `${this.config.publicBaseUrl}/v1/certificaten/${certificate.number}`,
            certificaatnummer: certificate.number,
            status: certificate.status,
            geldigVanaf: certificate.validFrom,
            geldigTot: certificate.validUntil,
            maximaalAantalBewoners: certificate.maximumResidents,
            adres: content.address,
            gemeentecode: certificate.municipalityCode,
            houder: { naam: content.holderName, kvkNummer: content.holderKvkNumber },
            normVersie: certificate.normVersion,
            pdfSha256: certificate.pdfSha256,
          },
        },
      },
      { keyRing: this.keyRing },
    );
  }

  /** Certificates the caller may see, scoped like locations. */
  /**
   * Certificates the principal may see, newest first. `search` finds a certificate number, a postcode
   * (with or without a house number: `2671 AB 12`), or else a part of the street, place or holder.
   */
  async list(principal: Principal, request: PageRequest, filter: CertificateFilter = {}): Promise<Page<PublicCertificate>> {
    const [items, total] = await this.visible(principal, filter).orderBy('c.issued_at', 'DESC').addOrderBy('c.number', 'ASC').skip(pageOffset(request)).take(request.pageSize).getManyAndCount();
    return { items: items as PublicCertificate[], total, ...request };
  }

  /** What `list` finds, all of it, in number order: keyset batches, so memory stays flat however many. */
  async *listAll(principal: Principal, filter: CertificateFilter = {}, batchSize = 1000): AsyncGenerator<PublicCertificate> {
    let after = '';
    for (;;) {
      const batch = await this.visible(principal, filter).andWhere('c.number > :after', { after }).orderBy('c.number', 'ASC').take(batchSize).getMany();
      yield* batch as PublicCertificate[];
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1].number;
    }
  }

  private visible(principal: Principal, filter: CertificateFilter) {
    let query = this.db.manager.createQueryBuilder(CertificateEntity, 'c').where(`c.status <> 'uitgifte'`);
    if (principal.kind === 'api-key') query = query.andWhere('c.municipality_code = :own', { own: principal.municipalityCode });
    else if (principal.role === 'gemeente') query = query.andWhere('c.municipality_code = :own', { own: principal.municipalityCode });
    else if (principal.role === 'verhuurder') query = query.andWhere('c.organisation_id = :org', { org: principal.organisationId });
    else if (principal.role === 'auditor') query = query.andWhere('EXISTS (SELECT 1 FROM inspection i WHERE i.location_id = c.location_id AND i.auditor_id = :auditor)', { auditor: principal.userId });
    if (filter.status) query = query.andWhere('c.status = :status', { status: filter.status });
    if (filter.municipalityCode) query = query.andWhere('c.municipality_code = :gm', { gm: filter.municipalityCode });
    if (filter.locationId) query = query.andWhere('c.location_id = :location', { location: filter.locationId });
    const search = filter.search?.trim();
    if (search) {
      const postcode = /^([1-9][0-9]{3})\s*([a-zA-Z]{2})(?:\s+([0-9]{1,5}))?$/.exec(search);
      if (/^KM-\d{4}-\d{6}-\d$/i.test(search)) query = query.andWhere('c.number = :number', { number: search.toUpperCase() });
      else if (postcode) {
        query = query.andWhere('EXISTS (SELECT 1 FROM location l WHERE l.id = c.location_id AND l.postcode = :postcode AND (:houseNumber::int IS NULL OR l.house_number = :houseNumber::int))', {
          postcode: normalisePostcode(`${postcode[1]}${postcode[2]}`),
          houseNumber: postcode[3] === undefined ? null : Number(postcode[3]),
        });
      } else {
        const like = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        query = query.andWhere(`(c.content #>> '{address,street}' ILIKE :like OR c.content #>> '{address,city}' ILIKE :like OR c.content ->> 'holderName' ILIKE :like)`, { like });
      }
    }
    return query;
  }

  /**
   * Re-renders and re-signs current certificates whose PDF was made with another key or template
   * (after a key rotation or a layout change). Resumable: what is done no longer matches. Content,
   * number and status stay; only the PDF, its hash and the signing key change.
   */
  async reissue(options: { limit?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<{ reissued: number; remaining: number }> {
    const stale = () =>
      this.db.manager
        .createQueryBuilder(CertificateEntity, 'c')
        .where(`c.status IN ('geldig', 'geschorst')`)
        .andWhere('(c.signing_kid IS DISTINCT FROM :kid OR c.template_version IS DISTINCT FROM :template)', { kid: this.keyRing.activeKey.kid, template: TEMPLATE_VERSION });
    const total = await stale().getCount();
    let reissued = 0;
    while (options.limit === undefined || reissued < options.limit) {
      const batch = await stale().orderBy('c.number').limit(50).getMany();
      if (batch.length === 0) break;
      for (const certificate of batch) {
        const { pdf, sha256 } = await this.renderAndSign(certificate);
        const key = `certificates/${certificate.number}/${sha256}.pdf`;
        await this.storage.put(key, pdf, 'application/pdf');
        await this.db.transaction(async (manager) => {
          await manager.update(CertificateEntity, { number: certificate.number }, { pdfKey: key, pdfSha256: sha256, signingKid: this.keyRing.activeKey.kid, templateVersion: TEMPLATE_VERSION });
          await this.events.append(manager, { actor: SYSTEM_ACTOR, entityType: 'certificate', entityId: certificate.number, action: 'reissued', before: { pdfSha256: certificate.pdfSha256, signingKid: certificate.signingKid }, after: { pdfSha256: sha256, signingKid: this.keyRing.activeKey.kid } });
        });
        reissued++;
        options.onProgress?.(reissued, total);
        if (options.limit !== undefined && reissued >= options.limit) break;
      }
    }
    return { reissued, remaining: await stale().getCount() };
  }

  get signingKeys(): KeyRing {
    return this.keyRing;
  }
}

export function assertCertificateNumber(number: string, field = 'certificaatnummer'): void {
  const parsed = parseCertificateNumber(number);
  if (!parsed.valid) {
    throw AppException.invalidField(
      field,
      parsed.reason,
      parsed.reason === 'format' ? 'A certificate number looks like KM-2026-000123-3.' : 'The check digit of this certificate number is wrong.',
    );
  }
}
