import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, isUuid } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { Actor, EventLog } from '@keurmerk/events';
import { CertificateEntity } from './certificate.entities';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { CertificateLifecycleService } from './certificate-lifecycle.service';
import { CertificateRepository } from './certificate.repository';

export const SANCTION_MEASURES = ['schorsing', 'opheffing'] as const;
export type SanctionMeasure = (typeof SANCTION_MEASURES)[number];

/** What a company sanction changed. */
export interface SanctionOutcome {
  id: string;
  measure: SanctionMeasure;
  /** Suspended (schorsing) or reinstated (opheffing) by this measure, in number order. */
  changed: string[];
  /** On opheffing: certificates the sanction held that stay suspended because something else holds them too. */
  stillHeld: string[];
}

/**
 * The company sanction (SNF's): a landlord whose locations fail systemically is suspended as a whole.
 * `schorsing` suspends every geldig certificate of the organisation in one transaction, each through the
 * one status path, and records the sanction as a cause of each suspension; `opheffing` releases that
 * cause and reinstates the certificates nothing else holds (no open causing finding, no refusal).
 * A certificate published while the sanction is in force is suspended at publication (`applyInForce`).
 */
@Injectable()
export class CompanySanctionService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly lifecycle: CertificateLifecycleService,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  async impose(organisationId: string, input: { measure: SanctionMeasure; reason: string }, actor: Actor): Promise<SanctionOutcome> {
    const reason = input.reason.trim();
    try {
      return await this.certificates.transaction(async (manager) => {
        const kind = isUuid(organisationId) ? await this.certificates.organisationKind(manager, organisationId) : undefined;
        if (kind !== 'verhuurder') {
          throw new CertificateException(CertificateExceptionCode.SanctionOrganisationNotFound, 'The organisation was not found.');
        }
        const active = await this.certificates.lockActiveSanction(manager, organisationId);
        return input.measure === 'schorsing'
          ? this.suspendCompany(manager, organisationId, reason, actor, active?.id)
          : this.liftCompany(manager, organisationId, reason, actor, active?.id);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisation_sanction_active')) throw alreadyActive();
      throw error;
    }
  }

  private async suspendCompany(
    manager: EntityManager,
    organisationId: string,
    reason: string,
    actor: Actor,
    activeId: string | undefined,
  ): Promise<SanctionOutcome> {
    if (activeId) throw alreadyActive();
    const valid = await this.certificates.lockOfOrganisation(manager, organisationId, ['geldig']);
    const changed = valid.map((c) => c.number);
    const id = await this.certificates.insertSanction(manager, {
      organisationId,
      measure: 'schorsing',
      reason,
      certificateNumbers: changed,
      lifts: null,
      createdBy: actor.kind === 'person' ? actor.id : null,
      at: this.clock.now(),
    });
    for (const certificate of valid) await this.suspendBySanction(manager, certificate, id, reason, actor);
    await this.events.append(manager, {
      actor,
      entityType: 'organisation',
      entityId: organisationId,
      action: 'sanction-imposed',
      after: { sanctionId: id, measure: 'schorsing', reason, certificates: changed },
    });
    return { id, measure: 'schorsing', changed, stillHeld: [] };
  }

  private async liftCompany(
    manager: EntityManager,
    organisationId: string,
    reason: string,
    actor: Actor,
    activeId: string | undefined,
  ): Promise<SanctionOutcome> {
    if (!activeId) {
      throw new CertificateException(CertificateExceptionCode.NoActiveSanction, 'This organisation is not suspended as a company.');
    }
    const changed: string[] = [];
    const stillHeld: string[] = [];
    for (const certificate of await this.certificates.lockHeldBySanction(manager, activeId)) {
      const reinstated = await this.lifecycle.reinstateUnlessHeld(
        manager,
        certificate,
        activeId,
        `Schorsing van de certificaathouder opgeheven: ${reason}`,
        actor,
      );
      (reinstated ? changed : stillHeld).push(certificate.number);
    }
    await this.certificates.markSanctionLifted(manager, activeId, this.clock.now());
    const id = await this.certificates.insertSanction(manager, {
      organisationId,
      measure: 'opheffing',
      reason,
      certificateNumbers: changed,
      lifts: activeId,
      createdBy: actor.kind === 'person' ? actor.id : null,
      at: this.clock.now(),
    });
    await this.events.append(manager, {
      actor,
      entityType: 'organisation',
      entityId: organisationId,
      action: 'sanction-lifted',
      before: { sanctionId: activeId, measure: 'schorsing' },
      after: { sanctionId: id, measure: 'opheffing', reason, certificates: changed, stillSuspended: stillHeld },
    });
    return { id, measure: 'opheffing', changed, stillHeld };
  }

  /**
   * A certificate just published for an organisation under a company sanction is suspended at once, in the
   * publishing transaction: a new decision does not end a company's suspension.
   */
  async applyInForce(manager: EntityManager, certificate: CertificateEntity, actor: Actor): Promise<void> {
    const active = await this.certificates.lockActiveSanction(manager, certificate.organisationId);
    if (!active) return;
    await this.suspendBySanction(manager, { ...certificate, status: 'geldig' }, active.id, active.reason, actor);
  }

  private async suspendBySanction(
    manager: EntityManager,
    certificate: CertificateEntity,
    sanctionId: string,
    reason: string,
    actor: Actor,
  ): Promise<void> {
    await this.lifecycle.suspend(manager, certificate, `Schorsing van de certificaathouder: ${reason}`, actor, [
      { kind: 'sanctie', sanctionId },
    ]);
  }
}

function alreadyActive(): CertificateException {
  return new CertificateException(
    CertificateExceptionCode.SanctionAlreadyActive,
    'This organisation is already suspended as a company; lift that sanction first.',
  );
}
