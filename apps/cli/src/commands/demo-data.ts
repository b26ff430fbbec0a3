import type { NewUser } from '@keurmerk/accounts';

/**
 * Demo organisations and people for trying the product locally; `seed-demo` refuses to write them
 * anywhere but the embedded default unless forced. The passwords are public (README): never use them in production.
 */
export const DEMO_PASSWORD = 'keurmerk-demo-2026';

export const DEMO_ORGANISATIONS = [
  { key: 'landlord', name: 'Flexwonen Westland B.V.', kvkNumber: '90000001', kind: 'verhuurder' as const },
  { key: 'other-landlord', name: 'AgriHuis Brabant B.V.', kvkNumber: '90000002', kind: 'verhuurder' as const },
  { key: 'inspection-body', name: 'Inspectie Huisvesting Nederland', kvkNumber: '90000003', kind: 'inspectie-instelling' as const, accreditationValidUntil: '2028-12-31' },
];

export const DEMO_USERS: (Omit<NewUser, 'password' | 'organisationId'> & { organisation?: string })[] = [
  { email: 'beheerder@demo.keurmerk.nl', name: 'Bea Beheerder', role: 'beheerder' },
  { email: 'verhuurder@demo.keurmerk.nl', name: 'Vincent Verhuurder', role: 'verhuurder', organisation: 'landlord' },
  { email: 'verhuurder2@demo.keurmerk.nl', name: 'Vera van AgriHuis', role: 'verhuurder', organisation: 'other-landlord' },
  { email: 'auditor@demo.keurmerk.nl', name: 'Anton Auditor', role: 'auditor', organisation: 'inspection-body', accreditationValidUntil: '2028-12-31' },
  { email: 'certificeerder@demo.keurmerk.nl', name: 'Carla Certificeerder', role: 'certificeerder' },
  { email: 'gemeente@demo.keurmerk.nl', name: 'Gerrit van Westland', role: 'gemeente', municipalityCode: 'GM1783' },
];
