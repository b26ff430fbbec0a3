import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import type { SqlCondition } from '@keurmerk/locations';
import type { InspectionEntity, InspectionKind } from './inspection.entities';

/** The kind of inspection the landlord must not learn of before the auditor rings (CONTRACT "Unannounced stays unannounced"). */
export const UNANNOUNCED_KIND: InspectionKind = 'onaangekondigd';

/**
 * Whether the landlord of the location may know of this inspection: always, unless it is unannounced
 * and not yet submitted. After submission the visit has happened and its result is the landlord's to see.
 * The same rule as `visibleInspectionCondition`, for code that holds the row (mail, events, pages).
 */
export function landlordMayKnowOf(inspection: Pick<InspectionEntity, 'kind' | 'submittedAt'>): boolean {
  return inspection.kind !== UNANNOUNCED_KIND || inspection.submittedAt !== null;
}

/** The same rule in SQL, on an `inspection` row under `alias`. */
export function landlordMayKnowOfSql(alias: string): string {
  return `("${alias}"."kind" <> '${UNANNOUNCED_KIND}' OR "${alias}"."submitted_at" IS NOT NULL)`;
}

/**
 * Which inspections a principal may see, as a condition on an `inspection` row under `alias`;
 * undefined means all. The one rule for inspections and everything hanging off one (answers,
 * evidence, decision, report, findings), so that an unannounced inspection never shows anywhere the
 * landlord reads before it is submitted:
 * - beheerder and certificeerder: all;
 * - auditor: those assigned to it;
 * - verhuurder: those of its organisation's locations, except an unannounced one not yet submitted;
 * - anyone else (a municipality, an API key, a principal missing its organisation): none.
 */
export function visibleInspectionCondition(principal: Principal | undefined, alias = 'inspection'): SqlCondition | undefined {
  const none: SqlCondition = { sql: '1 = 0', params: {} };
  if (!principal || principal.kind === 'api-key') return none;
  switch (principal.role) {
    case 'beheerder':
    case 'certificeerder':
      return undefined;
    case 'auditor':
      return { sql: `"${alias}"."auditor_id" = :visibleInspectionAuditorId`, params: { visibleInspectionAuditorId: principal.userId } };
    case 'verhuurder':
      return principal.organisationId
        ? {
            sql:
              `EXISTS (SELECT 1 FROM location visible_location WHERE visible_location.id = "${alias}"."location_id" AND ` +
              `visible_location.organisation_id = :visibleInspectionOrganisationId) AND ${landlordMayKnowOfSql(alias)}`,
            params: { visibleInspectionOrganisationId: principal.organisationId },
          }
        : none;
    default:
      // A role added later sees nothing until it is given a rule here.
      return none;
  }
}

/** Narrows a query that has an `inspection` row under `alias` to the inspections `principal` may see. */
export function restrictToVisibleInspections<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal | undefined,
  alias = 'inspection',
): SelectQueryBuilder<T> {
  const condition = visibleInspectionCondition(principal, alias);
  return condition ? query.andWhere(condition.sql, condition.params) : query;
}
