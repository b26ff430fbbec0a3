import type { ComplaintStatus } from './complaint.entity';

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  ontvangen: ['in-behandeling', 'afgehandeld'],
  'in-behandeling': ['afgehandeld'],
  afgehandeld: [],
};

/** A complaint moves forward only: received, being handled, closed. Closed is final. */
export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT[from].includes(to);
}
