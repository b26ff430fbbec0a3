import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CertificateDocumentData } from '@keurmerk/certificate-pdf';
import { Clock } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Actor, EventLog } from '@keurmerk/events';
import { addDays, addMonths, dateInAmsterdam } from '@keurmerk/norm';
import { JobQueue } from '@keurmerk/queue';
import { formatCertificateNumber } from './certificate-number';
import type { CertificateEntity } from './certificate.entities';
import { CertificateRepository } from './certificate.repository';

export const ISSUE_QUEUE = 'certificates.issue';

/**
 * Boulder's first step: the decision asks for a certificate, and allocation records everything it will
 * say (number, holder, address, maximum, validity) before anything is signed, and enqueues its
 * issuance, all in the decision's transaction. Holds no key; the worker's issuer signs later.
 */
@Injectable()
export class CertificateAllocator {
  constructor(
    private readonly certificates: CertificateRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  async allocate(
    manager: EntityManager,
    context: { decisionId: string; inspectionId: string; locationId: string; actor: Actor },
  ): Promise<string> {
    const facts = await this.certificates.allocationFacts(manager, context.inspectionId);
    if (!facts) throw new Error(`inspection ${context.inspectionId} has no location, holder or municipality to certify`);
    const now = this.clock.now();
    const validFrom = dateInAmsterdam(now);
    const validUntil = addDays(addMonths(validFrom, 12), -1);
    const year = Number(validFrom.slice(0, 4));
    const number = formatCertificateNumber(year, await this.certificates.nextSequence(manager, year));
    const content: CertificateDocumentData = {
      certificateNumber: number,
      holderName: facts.holderName,
      holderKvkNumber: facts.holderKvkNumber,
      address: {
        street: facts.street,
        houseNumber: facts.houseNumber,
        ...(facts.houseLetter ? { houseLetter: facts.houseLetter } : {}),
        ...(facts.houseNumberAddition ? { houseNumberAddition: facts.houseNumberAddition } : {}),
        postcode: facts.postcode,
        city: facts.city,
      },
      municipalityName: facts.municipalityName,
      maximumResidents: facts.maximumResidents,
      validFrom,
      validUntil,
      normVersion: facts.normVersion,
      issuedOn: validFrom,
      verifyUrl: `${this.config.publicBaseUrl}/controleer/${number}`,
    };
    await this.certificates.insert(manager, {
      number,
      decisionId: context.decisionId,
      locationId: context.locationId,
      organisationId: facts.organisationId,
      municipalityCode: facts.municipalityCode,
      status: 'uitgifte',
      validFrom,
      validUntil,
      maximumResidents: facts.maximumResidents,
      normVersion: facts.normVersion,
      content,
      statusChangedAt: now,
      createdAt: now,
    });
    await this.events.append(manager, {
      actor: context.actor,
      entityType: 'certificate',
      entityId: number,
      action: 'allocated',
      after: { decisionId: context.decisionId, content },
    });
    await this.queue.send(ISSUE_QUEUE, { number }, { manager, retryLimit: 1000, retryDelaySeconds: 5, retryBackoff: true });
    return number;
  }

  /**
   * A certificate for the rest of an earlier one's validity, after an upheld objection against its
   * withdrawal: what the old one said (holder, address, maximum, norm version), valid from today to the
   * old one's last day, under a new number. The same first step as a decision's: recorded, then
   * enqueued for the issuer, in the caller's transaction; no decision of its own (the objection is the
   * reason, named in the event log).
   */
  async allocateContinuation(
    manager: EntityManager,
    context: { predecessor: CertificateEntity; reason: string; actor: Actor },
  ): Promise<string> {
    const { predecessor } = context;
    const now = this.clock.now();
    const validFrom = dateInAmsterdam(now);
    if (predecessor.validUntil <= validFrom) throw new Error(`certificate ${predecessor.number} has no validity left to continue`);
    const year = Number(validFrom.slice(0, 4));
    const number = formatCertificateNumber(year, await this.certificates.nextSequence(manager, year));
    const content: CertificateDocumentData = {
      ...predecessor.content,
      certificateNumber: number,
      validFrom,
      validUntil: predecessor.validUntil,
      issuedOn: validFrom,
      verifyUrl: `${this.config.publicBaseUrl}/controleer/${number}`,
    };
    await this.certificates.insert(manager, {
      number,
      decisionId: null,
      locationId: predecessor.locationId,
      organisationId: predecessor.organisationId,
      municipalityCode: predecessor.municipalityCode,
      status: 'uitgifte',
      validFrom,
      validUntil: predecessor.validUntil,
      maximumResidents: predecessor.maximumResidents,
      normVersion: predecessor.normVersion,
      content,
      statusChangedAt: now,
      createdAt: now,
    });
    await this.events.append(manager, {
      actor: context.actor,
      entityType: 'certificate',
      entityId: number,
      action: 'allocated',
      after: { continues: predecessor.number, reason: context.reason, content },
    });
    await this.queue.send(ISSUE_QUEUE, { number }, { manager, retryLimit: 1000, retryDelaySeconds: 5, retryBackoff: true });
    return number;
  }
}
