import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@keurmerk/common';
import { Actor, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { canChangeStatus, CertificateStatus } from './certificate-lifecycle';
import { CertificateEntity, CertificateStatusChangeEntity } from './certificate.entities';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { CertificateRepository, StatusChangeColumns } from './certificate.repository';

/** The address as verification keys it: normalised postcode, number, letter and addition. */
export function addressKey(address: {
  postcode: string;
  houseNumber: number;
  houseLetter?: string | null;
  houseNumberAddition?: string | null;
}): string {
  return [
    address.postcode,
    address.houseNumber,
    (address.houseLetter ?? '').toUpperCase(),
    (address.houseNumberAddition ?? '').toUpperCase(),
  ].join('|');
}

export function certificateChangePayload(certificate: Pick<CertificateEntity, 'number' | 'content'>): string {
  return JSON.stringify({ number: certificate.number, address: addressKey(certificate.content.address) });
}

/**
 * Told of every recorded status change, inside the transaction that records it, so what follows
 * from a change (webhook deliveries) commits or rolls back with it. Use only `manager` in there.
 * Optional: a process without an observer records changes all the same.
 */
export abstract class CertificateChangeObserver {
  abstract changed(manager: EntityManager, change: CertificateStatusChangeEntity): Promise<void>;
}

const EXPIRY_BATCH = 500;

/**
 * Every status change of a certificate, from its publication by the issuer to its end. Holds no key.
 * All of them go through `recordChange`, the one path: the row, the changes feed, the event log, the
 * webhook outbox (the observer) and the cache eviction (pg_notify), in the caller's transaction.
 */
@Injectable()
export class CertificateLifecycleService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly changeObserver?: CertificateChangeObserver,
  ) {}

  /**
   * The one path. A certificate still being issued ('uitgifte') can only be published ('geldig'): the
   * changes feed shows that as coming from nothing, and `columns` carry the stored PDF and credential
   * the database requires of a public certificate.
   */
  async recordChange(
    manager: EntityManager,
    certificate: CertificateEntity,
    to: CertificateStatus,
    reason: string,
    actor: Actor,
    columns: StatusChangeColumns = {},
  ): Promise<void> {
    const publishing = certificate.status === 'uitgifte';
    const from = publishing ? null : (certificate.status as CertificateStatus);
    if (publishing ? to !== 'geldig' : !canChangeStatus(from!, to)) {
      throw new CertificateException(
        CertificateExceptionCode.IllegalTransition,
        `A certificate cannot go from ${from ?? 'uitgifte'} to ${to}.`,
      );
    }
    const now = this.clock.now();
    await this.certificates.updateStatus(manager, certificate.number, to, now, publishing ? { issuedAt: now, ...columns } : columns);
    // Delivered at commit to every process LISTENing, so their verification caches drop this certificate and its address.
    await this.certificates.notifyChanged(manager, certificateChangePayload(certificate));
    const change = {
      certificateNumber: certificate.number,
      municipalityCode: certificate.municipalityCode,
      fromStatus: from,
      toStatus: to,
      reason,
      actorKind: actor.kind,
      actorId: actor.id,
      occurredAt: now,
    };
    const id = await this.certificates.insertStatusChange(manager, change);
    await this.changeObserver?.changed(manager, { ...change, id });
    if (publishing) {
      await this.events.append(manager, {
        actor,
        entityType: 'certificate',
        entityId: certificate.number,
        action: 'issued',
        before: { status: 'uitgifte' },
        after: { status: to, pdfSha256: columns.pdfSha256, signingKid: columns.signingKid },
      });
    } else {
      const { supersededBy } = columns;
      await this.events.append(manager, {
        actor,
        entityType: 'certificate',
        entityId: certificate.number,
        action: 'status-changed',
        before: { status: from },
        after: { status: to, reason, ...(supersededBy ? { supersededBy } : {}) },
      });
    }
  }

  /** A person's (or the system's) change of a published certificate; 404 for one that is not public. */
  async changeStatus(number: string, to: CertificateStatus, reason: string, actor: Actor): Promise<void> {
    await this.certificates.transaction(async (manager) => {
      const certificate = await this.certificates.lockByNumber(manager, number);
      if (!certificate || certificate.status === 'uitgifte')
        throw new CertificateException(CertificateExceptionCode.NotFound, `Certificate ${number} was not found.`);
      if (certificate.status === to)
        throw new CertificateException(CertificateExceptionCode.AlreadyInStatus, `Certificate ${number} is already ${to}.`);
      await this.recordChange(manager, certificate, to, reason.trim(), actor);
    });
  }

  /** Suspends the location's valid certificate, if it has one (knock-out found, major overdue). */
  async suspendAtLocation(manager: EntityManager, locationId: string, reason: string, actor: Actor): Promise<string | undefined> {
    const [certificate] = await this.certificates.lockCurrentAtLocation(manager, locationId, ['geldig']);
    if (!certificate) return undefined;
    await this.recordChange(manager, certificate, 'geschorst', reason, actor);
    return certificate.number;
  }

  /** The location's current certificates give way to `successor` (a re-inspection's), in the publishing transaction. */
  async supersedeAtLocation(manager: EntityManager, locationId: string, successor: string): Promise<void> {
    for (const old of await this.certificates.lockCurrentAtLocation(manager, locationId)) {
      await this.recordChange(manager, old, 'ingetrokken', `Vervangen door ${successor} na herinspectie`, SYSTEM_ACTOR, {
        supersededBy: successor,
      });
    }
  }

  /** Certificates past their last valid day become `verlopen`, in batches; returns how many. */
  async expire(actor: Actor = SYSTEM_ACTOR): Promise<number> {
    const today = this.clock.today();
    let expired = 0;
    for (;;) {
      const batch = await this.certificates.transaction(async (manager) => {
        const due = await this.certificates.lockDueForExpiry(manager, today, EXPIRY_BATCH);
        for (const certificate of due)
          await this.recordChange(manager, certificate, 'verlopen', `Geldigheid verstreken op ${certificate.validUntil}`, actor);
        return due.length;
      });
      expired += batch;
      if (batch < EXPIRY_BATCH) return expired;
    }
  }
}
