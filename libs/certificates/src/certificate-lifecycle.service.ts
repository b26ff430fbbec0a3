import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@keurmerk/common';
import { Actor, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { canChangeStatus, CertificateStatus } from './certificate-lifecycle';
import { CertificateEntity, CertificateStatusChangeEntity } from './certificate.entities';
import { CertificateHolderObserver } from './certificate-holder.port';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { addDays, dateInAmsterdam } from '@keurmerk/norm';
import { CertificateRepository, StatusChangeColumns, SuspensionCause } from './certificate.repository';

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
 * webhook outbox and the holder's notices (the observers) and the cache eviction (pg_notify), in the caller's transaction.
 */
@Injectable()
export class CertificateLifecycleService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly changeObserver?: CertificateChangeObserver,
    @Optional() private readonly holderObserver?: CertificateHolderObserver,
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
    // Whatever held the suspension is over once the certificate leaves it, by whichever path.
    if (from === 'geschorst') await this.certificates.releaseSuspensionCauses(manager, certificate.number, now);
    await this.changeObserver?.changed(manager, { ...change, id });
    await this.holderObserver?.changed(manager, { ...change, id });
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

  /**
   * A person's (or the system's) change of a published certificate; 404 for one that is not public.
   * A reinstatement is refused (409) while a finding that led to the suspension is open: a suspension
   * is cured by repair, not by a request.
   */
  async changeStatus(number: string, to: CertificateStatus, reason: string, actor: Actor): Promise<void> {
    await this.certificates.transaction(async (manager) => {
      const certificate = await this.certificates.lockByNumber(manager, number);
      if (!certificate || certificate.status === 'uitgifte')
        throw new CertificateException(CertificateExceptionCode.NotFound, `Certificate ${number} was not found.`);
      if (certificate.status === to)
        throw new CertificateException(CertificateExceptionCode.AlreadyInStatus, `Certificate ${number} is already ${to}.`);
      if (certificate.status === 'geschorst' && to === 'geldig') await this.assertNoOpenCause(manager, number);
      await this.recordChange(manager, certificate, to, reason.trim(), actor);
    });
  }

  /** 409 while a finding recorded as a cause of the certificate's suspension is not closed. */
  private async assertNoOpenCause(manager: EntityManager, number: string): Promise<void> {
    const open = await this.certificates.openCausingFindings(manager, number);
    if (open.length === 0) return;
    throw new CertificateException(
      CertificateExceptionCode.SuspensionCauseOpen,
      `Certificate ${number} cannot be reinstated while a finding that led to its suspension is open: ` +
        `${open.map((f) => `${f.criterionCode} (${f.severity})`).join(', ')}.`,
      { openFindings: open },
    );
  }

  /**
   * Suspends the location's current certificate (knock-out found, major overdue, a refusal on a later
   * inspection) and records what holds the suspension. One already suspended stays so, and the new
   * causes hold it too. Returns the certificate's number, or undefined when the location has none.
   */
  async suspendAtLocation(
    manager: EntityManager,
    locationId: string,
    reason: string,
    actor: Actor,
    causes: SuspensionCause[] = [],
  ): Promise<string | undefined> {
    const [certificate] = await this.certificates.lockCurrentAtLocation(manager, locationId);
    if (!certificate) return undefined;
    await this.suspend(manager, certificate, reason, actor, causes);
    return certificate.number;
  }

  /**
   * Withdraws the location's current (geldig or geschorst) certificate, if it has one: the location was
   * deregistered or moved to another holder. Returns the number withdrawn.
   */
  async withdrawAtLocation(manager: EntityManager, locationId: string, reason: string, actor: Actor): Promise<string | undefined> {
    const current = await this.certificates.lockCurrentAtLocation(manager, locationId);
    for (const certificate of current) await this.recordChange(manager, certificate, 'ingetrokken', reason, actor);
    return current[0]?.number;
  }

  /** The certificate suspended (if it is not already) with its causes recorded; a cause added to a running suspension is logged. */
  async suspend(
    manager: EntityManager,
    certificate: CertificateEntity,
    reason: string,
    actor: Actor,
    causes: SuspensionCause[],
  ): Promise<void> {
    const already = certificate.status === 'geschorst';
    if (!already) await this.recordChange(manager, certificate, 'geschorst', reason, actor);
    await this.certificates.insertSuspensionCauses(manager, certificate.number, causes, this.clock.now());
    if (already && causes.length > 0) {
      await this.events.append(manager, {
        actor,
        entityType: 'certificate',
        entityId: certificate.number,
        action: 'suspension-cause-added',
        after: { status: 'geschorst', reason, causes },
      });
    }
  }

  /**
   * Reinstates a suspended certificate when nothing but `sanctionId` holds it (no open causing finding,
   * no refusal, no other sanction); returns whether it did. The sanction's hold is released either way.
   */
  async reinstateUnlessHeld(
    manager: EntityManager,
    certificate: CertificateEntity,
    sanctionId: string,
    reason: string,
    actor: Actor,
  ): Promise<boolean> {
    if (certificate.status !== 'geschorst' || (await this.certificates.heldOtherwise(manager, certificate.number, sanctionId))) {
      await this.certificates.releaseSuspensionCauses(manager, certificate.number, this.clock.now(), sanctionId);
      return false;
    }
    await this.recordChange(manager, certificate, 'geldig', reason, actor);
    return true;
  }

  /**
   * The location's current certificate (geldig or geschorst) gives way to `successor`, the certificate of a
   * later decision, in the publishing transaction: `vervangen`, naming its successor. A renewal is a
   * replacement, never a withdrawal.
   */
  async supersedeAtLocation(manager: EntityManager, locationId: string, successor: string): Promise<void> {
    for (const old of await this.certificates.lockCurrentAtLocation(manager, locationId)) {
      await this.recordChange(manager, old, 'vervangen', `Vervangen door ${successor} na een nieuw besluit`, SYSTEM_ACTOR, {
        supersededBy: successor,
      });
    }
  }

  /**
   * The sanctions ladder's last step: a certificate suspended for `maximumDays` days or more (counted from
   * the Amsterdam day it was suspended) is withdrawn, in batches; returns how many.
   */
  async withdrawLongSuspended(maximumDays: number, actor: Actor = SYSTEM_ACTOR): Promise<number> {
    const cutoff = addDays(this.clock.today(), -maximumDays);
    let withdrawn = 0;
    for (;;) {
      const batch = await this.certificates.transaction(async (manager) => {
        const due = await this.certificates.lockSuspendedSince(manager, cutoff, EXPIRY_BATCH);
        for (const certificate of due) {
          const since = dateInAmsterdam(certificate.statusChangedAt);
          await this.recordChange(
            manager,
            certificate,
            'ingetrokken',
            `Ingetrokken: ${maximumDays} dagen geschorst (sinds ${since}) zonder herstel (SCHORSING_MAXIMUM_DAGEN)`,
            actor,
          );
        }
        return due.length;
      });
      withdrawn += batch;
      if (batch < EXPIRY_BATCH) return withdrawn;
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
