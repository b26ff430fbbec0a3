import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, type PersonPrincipal } from '@keurmerk/accounts';
import { Clock, isUuid, Page, PageRequest } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { type Actor, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { type InspectionKind, InspectionPlanningObserver } from '@keurmerk/inspections';
import { addDays } from '@keurmerk/norm';
import { PlanningRequestEntity, PlanningRequestView } from './planning-request.entity';
import { PlanningRequestRepository } from './planning-request.repository';
import type { PlanningReason, PlanningRequestStatus } from './surveillance-input';
import { SurveillanceException, SurveillanceExceptionCode } from './surveillance.exception';

export interface OpenPlanningRequest {
  locationId: string;
  reason: PlanningReason;
  kind: InspectionKind;
  /** The last day (Amsterdam) by which the inspection should take place. */
  dueDate: string;
  certificateNumber?: string;
}

export function requireBeheerder(caller: PersonPrincipal): void {
  if (!hasRole(caller, 'beheerder'))
    throw new SurveillanceException(SurveillanceExceptionCode.BeheerderOnly, 'Only a beheerder sees and plans surveillance.');
}

/**
 * Planning requests: the platform's list of inspections that must happen, so coverage does not
 * depend on landlords applying. Opened by the worker (re-inspection before expiry), by the sample,
 * and by whatever later finds a reason (complaints, changes, objections: `openRequest`); marked
 * planned when an inspection of the location with the asked kind is planned (the observer seam of
 * @keurmerk/inspections, in the planning transaction).
 */
@Injectable()
export class PlanningRequestService implements InspectionPlanningObserver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: PlanningRequestRepository,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    caller: PersonPrincipal,
    request: PageRequest,
    filter: { status?: PlanningRequestStatus } = {},
  ): Promise<Page<PlanningRequestView>> {
    requireBeheerder(caller);
    const [items, total] = await this.requests.page(filter, request);
    const today = this.clock.today();
    return { items: items.map((item) => this.view(item, today)), total, ...request };
  }

  /** How many requests are open and how many of those are overdue: what the planning page leads with. */
  async openCounts(caller: PersonPrincipal): Promise<{ open: number; overdue: number }> {
    requireBeheerder(caller);
    return this.requests.countOpen(this.clock.today());
  }

  /** One request, or null for an unknown or malformed id. */
  async find(caller: PersonPrincipal, id: string): Promise<PlanningRequestView | null> {
    requireBeheerder(caller);
    const request = isUuid(id) ? await this.requests.findById(id.toLowerCase()) : null;
    return request ? this.view(request, this.clock.today()) : null;
  }

  /** The location's open requests (a complaint's page shows whether a visit is already asked for). */
  async openAt(caller: PersonPrincipal, locationId: string): Promise<PlanningRequestView[]> {
    requireBeheerder(caller);
    const today = this.clock.today();
    return (await this.requests.openAt(locationId)).map((request) => this.view(request, today));
  }

  /** Past its last day and still not planned, judged on the clock's Amsterdam today. */
  private view(request: PlanningRequestEntity, today: string): PlanningRequestView {
    return { ...request, overdue: request.status === 'open' && request.dueDate < today };
  }

  /**
   * The daily sweep: a `herinspectie` request (a `periodiek` inspection, due on the certificate's last
   * valid day) for every `geldig` certificate that expires within HERINSPECTIE_VOORLOOP_DAGEN and has
   * none yet. Returns how many were opened; running it again the same day opens none.
   */
  async openReinspectionRequests(actor: Actor = SYSTEM_ACTOR): Promise<number> {
    const today = this.clock.today();
    const horizon = addDays(today, this.config.surveillance.reinspectionLeadDays);
    return this.db.transaction(async (manager) => {
      const opened = await this.requests.openReinspections(manager, horizon, this.clock.now());
      // One entry per sweep, not per request: a first sweep over a million certificates opens a quarter of them.
      if (opened > 0) {
        await this.events.append(manager, {
          actor,
          entityType: 'planning-request',
          entityId: `herinspectie:${today}`,
          action: 'opened',
          after: { reason: 'herinspectie', opened, expiringUpTo: horizon },
        });
      }
      return opened;
    });
  }

  /**
   * Opens a request in the caller's transaction; null when the location already has an open request
   * for this reason (it is never asked twice for one reason). Without `certificateNumber` the request
   * names the location's current certificate, if any.
   */
  async openRequest(manager: EntityManager, request: OpenPlanningRequest, actor: Actor = SYSTEM_ACTOR): Promise<string | null> {
    const opened = await this.requests.open(manager, { ...request, createdAt: this.clock.now() });
    if (opened) {
      await this.events.append(manager, {
        actor,
        entityType: 'planning-request',
        entityId: opened.id,
        action: 'opened',
        after: {
          locationId: request.locationId,
          reason: request.reason,
          kind: request.kind,
          dueDate: request.dueDate,
          certificateNumber: opened.certificateNumber,
        },
      });
    }
    return opened?.id ?? null;
  }

  /** The sample's requests, one per drawn location, in the draw's transaction. */
  async openSampled(manager: EntityManager, context: { sampleDrawId: string; locationIds: string[]; dueDate: string }): Promise<number> {
    if (context.locationIds.length === 0) return 0;
    return this.requests.openSampled(manager, { ...context, createdAt: this.clock.now() });
  }

  /** InspectionPlanningObserver: the location's open requests for this kind of inspection are now planned. */
  async planned(
    manager: EntityManager,
    context: { inspectionId: string; locationId: string; kind: InspectionKind; actor: Actor },
  ): Promise<void> {
    const planned = await this.requests.markPlanned(manager, { ...context, plannedAt: this.clock.now() });
    for (const request of planned) {
      await this.events.append(manager, {
        actor: context.actor,
        entityType: 'planning-request',
        entityId: request.id,
        action: 'planned',
        before: { status: 'open' },
        after: { status: 'ingepland', reason: request.reason, inspectionId: context.inspectionId },
      });
    }
  }
}
