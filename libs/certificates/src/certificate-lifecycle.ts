export const CERTIFICATE_STATUSES = ['geldig', 'geschorst', 'ingetrokken', 'verlopen'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * geldig ⇄ geschorst → ingetrokken, and geldig|geschorst → verlopen (the expiry sweep only).
 * ingetrokken and verlopen are final.
 */
const ALLOWED: Record<CertificateStatus, readonly CertificateStatus[]> = {
  geldig: ['geschorst', 'ingetrokken', 'verlopen'],
  geschorst: ['geldig', 'ingetrokken', 'verlopen'],
  ingetrokken: [],
  verlopen: [],
};

export function canChangeStatus(from: CertificateStatus, to: CertificateStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The CloudEvent type of a change: reinstating a suspended certificate is `hersteld`. */
export function eventTypeOf(from: CertificateStatus | null, to: CertificateStatus): string {
  if (from === null) return 'nl.keurmerk.certificaat-toegekend';
  if (to === 'geldig') return 'nl.keurmerk.certificaat-hersteld';
  return `nl.keurmerk.certificaat-${to}`;
}
