import { addDays } from '@keurmerk/norm';

/*
 * What the landlord's overview says about each location, from what the services return: its current
 * certificate, its latest application and the dates it must act by.
 */

/** Open repairs this close to their deadline are marked as soon. */
export const REPAIR_SOON_DAYS = 14;
/** A certificate this close to expiry is marked as soon: time to plan the periodic inspection. */
export const EXPIRY_SOON_DAYS = 90;

export type DeadlineState = 'overdue' | 'soon' | 'later';

export interface Deadline {
  kind: 'repair' | 'expiry';
  /** `YYYY-MM-DD`. */
  date: string;
  state: DeadlineState;
  /** For a repair: the finding's criterion. */
  criterionCode?: string;
}

interface FindingLike {
  criterionCode: string;
  status: string;
  repairDeadline: string | null;
}

interface CertificateLike {
  locationId: string;
  status: string;
  validUntil: string;
}

function stateOf(date: string, today: string, soonDays: number): DeadlineState {
  if (date < today) return 'overdue';
  return date <= addDays(today, soonDays) ? 'soon' : 'later';
}

/**
 * The dates a location must act by, earliest first: the repair deadline of every finding not yet
 * closed (a reported repair may still be rejected), and the expiry of a certificate still in force.
 */
export function deadlinesOf(findings: FindingLike[], certificate: CertificateLike | undefined, today: string): Deadline[] {
  const deadlines: Deadline[] = findings
    .filter((finding) => finding.status !== 'gesloten' && finding.repairDeadline)
    .map((finding) => ({
      kind: 'repair' as const,
      date: finding.repairDeadline!,
      state: stateOf(finding.repairDeadline!, today, REPAIR_SOON_DAYS),
      criterionCode: finding.criterionCode,
    }));
  if (certificate && (certificate.status === 'geldig' || certificate.status === 'geschorst')) {
    deadlines.push({ kind: 'expiry', date: certificate.validUntil, state: stateOf(certificate.validUntil, today, EXPIRY_SOON_DAYS) });
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date) || (a.criterionCode ?? '').localeCompare(b.criterionCode ?? ''));
}

/** The first of each location's items in a list already ordered newest first. */
export function newestByLocation<T extends { locationId: string }>(items: T[]): Map<string, T> {
  const newest = new Map<string, T>();
  for (const item of items) if (!newest.has(item.locationId)) newest.set(item.locationId, item);
  return newest;
}

export function groupByLocation<T extends { locationId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.locationId, [...(groups.get(item.locationId) ?? []), item]);
  return groups;
}
