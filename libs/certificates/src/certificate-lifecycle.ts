export const CERTIFICATE_STATUSES = ['geldig', 'geschorst', 'ingetrokken', 'verlopen', 'vervangen'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The statuses a certificate never leaves. */
export const FINAL_CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['ingetrokken', 'verlopen', 'vervangen'];

/**
 * geldig ⇄ geschorst → ingetrokken, geldig|geschorst → verlopen (the expiry sweep only), and
 * geldig|geschorst → vervangen (a later decision's certificate takes its place; a renewal is a
 * replacement, never a withdrawal). ingetrokken, verlopen and vervangen are final.
 */
const ALLOWED: Record<CertificateStatus, readonly CertificateStatus[]> = {
  geldig: ['geschorst', 'ingetrokken', 'verlopen', 'vervangen'],
  geschorst: ['geldig', 'ingetrokken', 'verlopen', 'vervangen'],
  ingetrokken: [],
  verlopen: [],
  vervangen: [],
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
