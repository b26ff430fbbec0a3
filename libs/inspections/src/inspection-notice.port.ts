import type { EntityManager } from 'typeorm';
import type { DecisionEntity, InspectionEntity } from './inspection.entities';

/**
 * Told, in the transaction that records it, of what the location's landlord should hear of: an
 * inspection planned (the notice decides whether an unannounced one is told nothing, and it is) and a
 * decision with its findings. The process provides it (the mail feature); the audit workflow knows no
 * mail. Optional: a process without it plans and decides all the same.
 */
export abstract class InspectionNoticeObserver {
  abstract planned(manager: EntityManager, inspection: InspectionEntity): Promise<void>;
  abstract decided(manager: EntityManager, inspection: InspectionEntity, decision: DecisionEntity): Promise<void>;
}
