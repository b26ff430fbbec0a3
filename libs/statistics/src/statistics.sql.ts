/**
 * The SQL the statistics and the municipal insight share, so every page and the open endpoint count
 * the same way. Parameters: $1 the peildatum (a date), $2 the gemeentecode where `scoped`.
 *
 * A location counts by its latest published certificate (the latest decision governs it), in that
 * certificate's municipality; a `geldig` certificate past its last valid day counts as `verlopen`
 * even before the nightly expiry has run, as verification judges it.
 */

/** The end of the peildatum in the Netherlands (its next midnight), as timestamptz. */
export const END_OF_DAY = `((($1::date + 1)::timestamp) AT TIME ZONE 'Europe/Amsterdam')`;
/** The start of the 30 days that end with the peildatum. */
export const START_OF_30_DAYS = `((($1::date - 29)::timestamp) AT TIME ZONE 'Europe/Amsterdam')`;

/** Now: from the certificate rows, reading ix_certificate_statistics in its own order. */
function latestNow(scoped: boolean): string {
  return `SELECT DISTINCT ON (c.municipality_code, c.location_id)
                 c.municipality_code, c.location_id, c.status, c.maximum_residents, c.valid_until
            FROM certificate c
           WHERE c.status <> 'uitgifte'${scoped ? ' AND c.municipality_code = $2' : ''}
           ORDER BY c.municipality_code, c.location_id, c.issued_at DESC`;
}

/** On a past day: each certificate's status after its last change before the end of that day. */
function latestOn(scoped: boolean): string {
  return `SELECT DISTINCT ON (c.municipality_code, c.location_id)
                 c.municipality_code, c.location_id, s.to_status AS status, c.maximum_residents, c.valid_until
            FROM (SELECT DISTINCT ON (sc.certificate_number) sc.certificate_number, sc.to_status
                    FROM certificate_status_change sc
                   WHERE sc.occurred_at < ${END_OF_DAY}${scoped ? ' AND sc.municipality_code = $2' : ''}
                   ORDER BY sc.certificate_number, sc.occurred_at DESC, sc.id DESC) s
            JOIN certificate c ON c.number = s.certificate_number
           ORDER BY c.municipality_code, c.location_id, c.issued_at DESC`;
}

/** `latest` and `judged` CTEs: each location's certificate with its status on the peildatum. */
export function judgedCertificates(options: { scoped: boolean; past: boolean }): string {
  return `latest AS (${options.past ? latestOn(options.scoped) : latestNow(options.scoped)}),
    judged AS (
      SELECT l.municipality_code, l.location_id, l.maximum_residents, l.valid_until,
             CASE WHEN l.status = 'geldig' AND l.valid_until < $1::date THEN 'verlopen' ELSE l.status END AS status
        FROM latest l)`;
}

/** Each location's latest report about a day up to the peildatum. */
export function latestReports(scoped: boolean): string {
  return `SELECT DISTINCT ON (o.location_id) o.location_id, o.residents, o.reference_date
            FROM occupancy_report o${scoped ? ' JOIN location rl ON rl.id = o.location_id AND rl.municipality_code = $2' : ''}
           WHERE o.reference_date <= $1::date
           ORDER BY o.location_id, o.reference_date DESC`;
}
