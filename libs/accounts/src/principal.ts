export const ROLES = ['beheerder', 'auditor', 'certificeerder', 'verhuurder', 'gemeente'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['verhuurder', 'inspectie-instelling'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A signed-in person. Landlords and auditors belong to an organisation; municipal users to a municipality. */
export interface PersonPrincipal {
  kind: 'person';
  userId: string;
  role: Role;
  organisationId?: string;
  municipalityCode?: string;
}

/** A municipal system calling with an API key. */
export interface ApiKeyPrincipal {
  kind: 'api-key';
  apiKeyId: string;
  municipalityCode: string;
}

export type Principal = PersonPrincipal | ApiKeyPrincipal;

export function isPerson(principal: Principal | undefined): principal is PersonPrincipal {
  return principal?.kind === 'person';
}

export function hasRole(principal: Principal | undefined, ...roles: Role[]): principal is PersonPrincipal {
  return isPerson(principal) && roles.includes(principal.role);
}

/** The municipality a principal speaks for: a municipal user's or key's, or none. */
export function municipalityOf(principal: Principal | undefined): string | undefined {
  if (!principal) return undefined;
  if (principal.kind === 'api-key') return principal.municipalityCode;
  return principal.role === 'gemeente' ? principal.municipalityCode : undefined;
}
