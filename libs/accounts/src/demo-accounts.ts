import type { AccountService, NewUser } from './account.service';

/**
 * Demo organisations and people for trying the product locally; `seed-demo` (and `npm start -- --demo`)
 * refuse to write them anywhere but the embedded default unless forced. The passwords are public (README): never use them in production.
 */
export const DEMO_PASSWORD = 'keurmerk-demo-2026';

export const DEMO_ORGANISATIONS = [
  { key: 'landlord', name: 'Flexwonen Westland B.V.', kvkNumber: '90000001', kind: 'verhuurder' as const },
  { key: 'other-landlord', name: 'AgriHuis Brabant B.V.', kvkNumber: '90000002', kind: 'verhuurder' as const },
  {
    key: 'inspection-body',
    name: 'Inspectie Huisvesting Nederland',
    kvkNumber: '90000003',
    kind: 'inspectie-instelling' as const,
    accreditationValidUntil: '2028-12-31',
  },
];

export const DEMO_USERS: (Omit<NewUser, 'password' | 'organisationId'> & { organisation?: string })[] = [
  { email: 'beheerder@demo.keurmerk.nl', name: 'Bea Beheerder', role: 'beheerder' },
  { email: 'verhuurder@demo.keurmerk.nl', name: 'Vincent Verhuurder', role: 'verhuurder', organisation: 'landlord' },
  { email: 'verhuurder2@demo.keurmerk.nl', name: 'Vera van AgriHuis', role: 'verhuurder', organisation: 'other-landlord' },
  {
    email: 'auditor@demo.keurmerk.nl',
    name: 'Anton Auditor',
    role: 'auditor',
    organisation: 'inspection-body',
    accreditationValidUntil: '2028-12-31',
  },
  { email: 'certificeerder@demo.keurmerk.nl', name: 'Carla Certificeerder', role: 'certificeerder' },
  { email: 'gemeente@demo.keurmerk.nl', name: 'Gerrit van Westland', role: 'gemeente', municipalityCode: 'GM1783' },
];

/** Writes the demo organisations and people that are missing; running it twice changes nothing. */
export async function seedDemoAccounts(accounts: AccountService): Promise<void> {
  const organisationIds = new Map<string, string>();
  for (const organisation of DEMO_ORGANISATIONS) {
    const existing = await accounts.findOrganisationByKvkNumber(organisation.kvkNumber);
    organisationIds.set(organisation.key, existing?.id ?? (await accounts.createOrganisation(organisation)).id);
  }
  for (const { organisation, ...user } of DEMO_USERS) {
    if (await accounts.findUserByEmail(user.email)) continue;
    await accounts.createUser({
      ...user,
      password: DEMO_PASSWORD,
      organisationId: organisation ? organisationIds.get(organisation) : undefined,
    });
  }
}

export function demoAccountsText(): string {
  return `Demo accounts ready. Sign in at /app with any of these, password "${DEMO_PASSWORD}":\n${DEMO_USERS.map(
    (u) => `  ${u.role.padEnd(15)} ${u.email}`,
  ).join('\n')}\n`;
}
