import type { EntityManager } from 'typeorm';
import type { Actor } from '@keurmerk/events';

/**
 * What the audit workflow tells certification, in the transaction of the change that causes it.
 * The certificates feature implements it (@keurmerk/certificates).
 * Keeping the seam here means the audit code never touches certificates or keys itself.
 */
export abstract class CertificationPort {
  /** A `toekennen` decision was recorded; returns the number of the certificate that will be issued. */
  abstract granted(
    manager: EntityManager,
    context: { decisionId: string; inspectionId: string; locationId: string; actor: Actor },
  ): Promise<{ certificateNumber?: string }>;

  /**
   * A submitted inspection failed a knock-out: a valid certificate at the location is suspended at once,
   * held by these findings until they close (a knock-out closes only by a passing herinspectie).
   */
  abstract knockOutFound(
    manager: EntityManager,
    context: { locationId: string; inspectionId: string; criterionCodes: string[]; findingIds: string[]; actor: Actor },
  ): Promise<void>;

  /**
   * An `afwijzen` decision on an inspection of a location: the latest decision governs the location, so
   * its current certificate (geldig or geschorst) is suspended, held by the refusal and by the
   * inspection's open knock-out and major findings.
   */
  abstract refused(
    manager: EntityManager,
    context: { decisionId: string; inspectionId: string; locationId: string; openSeriousFindingIds: string[]; actor: Actor },
  ): Promise<void>;

  /** A major finding passed its repair deadline unrepaired: the location's certificate is suspended. */
  abstract majorOverdue(
    manager: EntityManager,
    context: { locationId: string; findingId: string; criterionCode: string; actor: Actor },
  ): Promise<void>;
}
