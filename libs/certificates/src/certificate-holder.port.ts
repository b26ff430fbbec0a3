import type { EntityManager } from 'typeorm';
import type { CertificateStatusChangeEntity } from './certificate.entities';

/**
 * Told of every recorded status change, inside the transaction that records it, for what the holder
 * of the certificate should hear of it (a notice to the landlord's users). A second port beside the
 * CertificateChangeObserver (the municipalities' webhooks), so each follows the change all or nothing
 * and neither knows of the other. Use only `manager` in there. Optional.
 */
export abstract class CertificateHolderObserver {
  abstract changed(manager: EntityManager, change: CertificateStatusChangeEntity): Promise<void>;
}
