import type { ComplaintStatus } from './complaint.entity';
import { canMoveComplaint } from './complaint-status';

describe('complaint status', () => {
  it.each<[ComplaintStatus, ComplaintStatus, boolean]>([
    ['ontvangen', 'in-behandeling', true],
    ['ontvangen', 'afgehandeld', true],
    ['in-behandeling', 'afgehandeld', true],
    ['in-behandeling', 'ontvangen', false],
    ['afgehandeld', 'ontvangen', false],
    ['afgehandeld', 'in-behandeling', false],
    ['afgehandeld', 'afgehandeld', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveComplaint(from, to)).toBe(allowed);
  });
});
