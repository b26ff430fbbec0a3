import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CertificateLifecycleService, CertificateRepository } from '@keurmerk/certificates';
import type { Actor } from '@keurmerk/events';
import { type CurrentCertificate, LocationConsequences } from '@keurmerk/locations';
import { PlanningRequestService } from '@keurmerk/surveillance';

/**
 * LocationConsequences for a process that has certificates and surveillance: the current certificate
 * is read (and locked) through the certificates feature, withdrawn through its one status path, and a
 * material change becomes a `wijziging` planning request for a re-inspection.
 */
@Injectable()
export class CertificatePlanningConsequences extends LocationConsequences {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly lifecycle: CertificateLifecycleService,
    private readonly planning: PlanningRequestService,
  ) {
    super();
  }

  async currentCertificate(manager: EntityManager, locationId: string): Promise<CurrentCertificate | null> {
    const current = await this.certificates.lockCurrentAtLocation(manager, locationId);
    // One at a time in practice (a newer one replaces the older); if ever two, the later one governs.
    const latest = current.sort((a, b) => (b.issuedAt?.getTime() ?? 0) - (a.issuedAt?.getTime() ?? 0))[0];
    return latest ? { number: latest.number, maximumResidents: latest.maximumResidents } : null;
  }

  async requestChangeInspection(
    manager: EntityManager,
    context: { locationId: string; certificateNumber: string; dueDate: string; actor: Actor },
  ): Promise<string | null> {
    return this.planning.openRequest(
      manager,
      {
        locationId: context.locationId,
        certificateNumber: context.certificateNumber,
        reason: 'wijziging',
        kind: 'herinspectie',
        dueDate: context.dueDate,
      },
      context.actor,
    );
  }

  async withdrawCertificate(
    manager: EntityManager,
    context: { locationId: string; reason: string; actor: Actor },
  ): Promise<string | undefined> {
    return this.lifecycle.withdrawAtLocation(manager, context.locationId, context.reason, context.actor);
  }
}
