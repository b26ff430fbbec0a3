import type { EntityManager } from 'typeorm';
import type { Actor } from '@keurmerk/events';

/** The location's current (geldig or geschorst) certificate, as far as a change of the location cares. */
export interface CurrentCertificate {
  number: string;
  maximumResidents: number;
}

/**
 * What changing, deregistering or transferring a location means for certification and surveillance,
 * in the transaction of the change. Implemented outside this feature (@keurmerk/location-consequences),
 * because certificates and planning requests depend on locations, not the other way round.
 */
export abstract class LocationConsequences {
  /** The location's current certificate, locked for the rest of the transaction; null when it has none. */
  abstract currentCertificate(manager: EntityManager, locationId: string): Promise<CurrentCertificate | null>;

  /** A material change needs an inspection: a `wijziging` planning request (null when one is already open). */
  abstract requestChangeInspection(
    manager: EntityManager,
    context: { locationId: string; certificateNumber: string; dueDate: string; actor: Actor },
  ): Promise<string | null>;

  /** The location's current certificate is withdrawn (deregistration, transfer); returns its number, if it had one. */
  abstract withdrawCertificate(
    manager: EntityManager,
    context: { locationId: string; reason: string; actor: Actor },
  ): Promise<string | undefined>;
}
