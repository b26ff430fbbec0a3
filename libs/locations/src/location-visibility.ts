import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';

/** A SQL condition with its parameters; the parameter names are prefixed so they cannot clash with a caller's. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Which locations a principal may see, as a condition on a `location` row under `alias`; undefined
 * means all. This is the one rule for locations and for everything hanging off a location
 * (applications, inspections, findings), so that what a caller may see never differs between them:
 * - beheerder and certificeerder: all;
 * - verhuurder: its own organisation's;
 * - gemeente (person or API key): those in its gemeentecode;
 * - auditor: those of the inspections assigned to it;
 * - anyone else (or a principal missing its organisation or municipality): none.
 */
export function visibleLocationCondition(principal: Principal | undefined, alias = 'location'): SqlCondition | undefined {
  const column = (name: string) => `"${alias}"."${name}"`;
  const none: SqlCondition = { sql: '1 = 0', params: {} };
  if (!principal) return none;
  if (principal.kind === 'api-key') {
    return {
      sql: `${column('municipality_code')} = :visibleMunicipalityCode`,
      params: { visibleMunicipalityCode: principal.municipalityCode },
    };
  }
  switch (principal.role) {
    case 'beheerder':
    case 'certificeerder':
      return undefined;
    case 'verhuurder':
      return principal.organisationId
        ? { sql: `${column('organisation_id')} = :visibleOrganisationId`, params: { visibleOrganisationId: principal.organisationId } }
        : none;
    case 'gemeente':
      return principal.municipalityCode
        ? {
            sql: `${column('municipality_code')} = :visibleMunicipalityCode`,
            params: { visibleMunicipalityCode: principal.municipalityCode },
          }
        : none;
    case 'auditor':
      return {
        sql:
          `EXISTS (SELECT 1 FROM inspection visible_inspection WHERE visible_inspection.location_id = ${column('id')} AND ` +
          `visible_inspection.auditor_id = :visibleAuditorId)`,
        params: { visibleAuditorId: principal.userId },
      };
    default:
      // A role added later sees nothing until it is given a rule here.
      return none;
  }
}

/** Narrows a query that has a `location` row under `alias` to the locations `principal` may see. */
export function restrictToVisibleLocations<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal | undefined,
  alias = 'location',
): SelectQueryBuilder<T> {
  const condition = visibleLocationCondition(principal, alias);
  return condition ? query.andWhere(condition.sql, condition.params) : query;
}
