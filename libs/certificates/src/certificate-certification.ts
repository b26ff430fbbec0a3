import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@keurmerk/events';
import { CertificationPort } from '@keurmerk/inspections';
import { CertificateAllocator } from './certificate-allocator';
import { CertificateLifecycleService } from './certificate-lifecycle.service';

/**
 * What the audit workflow's decisions and findings mean for certificates: allocation (whose publication
 * replaces the location's current certificate), or a suspension by the one status path with what holds it.
 */
@Injectable()
export class CertificateCertification extends CertificationPort {
  constructor(
    private readonly allocator: CertificateAllocator,
    private readonly lifecycle: CertificateLifecycleService,
  ) {
    super();
  }

  async granted(
    manager: EntityManager,
    context: { decisionId: string; inspectionId: string; locationId: string; actor: Actor },
  ): Promise<{ certificateNumber?: string }> {
    return { certificateNumber: await this.allocator.allocate(manager, context) };
  }

  async knockOutFound(
    manager: EntityManager,
    context: { locationId: string; inspectionId: string; criterionCodes: string[]; findingIds: string[]; actor: Actor },
  ): Promise<void> {
    await this.lifecycle.suspendAtLocation(
      manager,
      context.locationId,
      `Knock-out bij inspectie: ${context.criterionCodes.join(', ')}`,
      context.actor,
      context.findingIds.map((findingId) => ({ kind: 'bevinding', findingId, inspectionId: context.inspectionId })),
    );
  }

  async refused(
    manager: EntityManager,
    context: { decisionId: string; inspectionId: string; locationId: string; openSeriousFindingIds: string[]; actor: Actor },
  ): Promise<void> {
    await this.lifecycle.suspendAtLocation(manager, context.locationId, `Afgewezen na inspectie ${context.inspectionId}`, context.actor, [
      { kind: 'afwijzing', inspectionId: context.inspectionId },
      ...context.openSeriousFindingIds.map((findingId) => ({ kind: 'bevinding' as const, findingId, inspectionId: context.inspectionId })),
    ]);
  }

  async majorOverdue(
    manager: EntityManager,
    context: { locationId: string; findingId: string; criterionCode: string; actor: Actor },
  ): Promise<void> {
    await this.lifecycle.suspendAtLocation(
      manager,
      context.locationId,
      `Hersteltermijn verstreken voor ${context.criterionCode}`,
      context.actor,
      [{ kind: 'bevinding', findingId: context.findingId }],
    );
  }
}
