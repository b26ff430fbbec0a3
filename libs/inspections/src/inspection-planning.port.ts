import type { EntityManager } from 'typeorm';
import type { Actor } from '@keurmerk/events';
import type { InspectionKind } from './inspection.entities';

/**
 * Told of every planned inspection, in the planning transaction, so whatever asked for the visit
 * (a planning request of @keurmerk/surveillance) is marked as planned all or nothing with it.
 * Optional: a process without surveillance plans inspections all the same.
 */
export abstract class InspectionPlanningObserver {
  abstract planned(
    manager: EntityManager,
    context: { inspectionId: string; locationId: string; kind: InspectionKind; actor: Actor },
  ): Promise<void>;
}
