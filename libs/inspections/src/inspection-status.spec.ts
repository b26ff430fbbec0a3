import { canMove, isOpenForAnswers } from './inspection-status';
import { INSPECTION_STATUSES } from './inspection.entities';

describe('inspection status', () => {
  const allowed = new Set(['gepland>in-uitvoering', 'in-uitvoering>ingediend', 'ingediend>besloten']);
  const pairs = INSPECTION_STATUSES.flatMap((from) => INSPECTION_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed only along the one path', (from, to) => {
    expect(canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it.each([
    ['gepland', true],
    ['in-uitvoering', true],
    ['ingediend', false],
    ['besloten', false],
  ] as const)('answers are open in %s: %s', (status, open) => {
    expect(isOpenForAnswers(status)).toBe(open);
  });
});
