import { canChangeStatus, CERTIFICATE_STATUSES, eventTypeOf } from './certificate-lifecycle';

describe('certificate lifecycle', () => {
  const allowed = new Set([
    'geldig>geschorst',
    'geschorst>geldig',
    'geldig>ingetrokken',
    'geschorst>ingetrokken',
    'geldig>verlopen',
    'geschorst>verlopen',
    'geldig>vervangen',
    'geschorst>vervangen',
  ]);
  const pairs = CERTIFICATE_STATUSES.flatMap((from) => CERTIFICATE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it.each([
    [null, 'geldig', 'nl.keurmerk.certificaat-toegekend'],
    ['geldig', 'geschorst', 'nl.keurmerk.certificaat-geschorst'],
    ['geschorst', 'geldig', 'nl.keurmerk.certificaat-hersteld'],
    ['geschorst', 'ingetrokken', 'nl.keurmerk.certificaat-ingetrokken'],
    ['geldig', 'verlopen', 'nl.keurmerk.certificaat-verlopen'],
    ['geldig', 'vervangen', 'nl.keurmerk.certificaat-vervangen'],
    ['geschorst', 'vervangen', 'nl.keurmerk.certificaat-vervangen'],
  ] as const)('%s → %s is announced as %s', (from, to, type) => {
    expect(eventTypeOf(from, to)).toBe(type);
  });
});
