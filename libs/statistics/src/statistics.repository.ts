import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { END_OF_DAY, judgedCertificates, latestReports, START_OF_30_DAYS } from './statistics.sql';
import { EXPIRY_HORIZON_DAYS } from './statistics-input';

/** The open statistics' figures of one area on one day (see CONTRACT.md, Municipal insight). */
export interface StatisticsFigures {
  byStatus: Record<string, { locations: number; beds: number }>;
  byHousingType: Record<string, { locations: number; beds: number }>;
  reportedResidents: number;
  expiringWithin90Days: number;
  complaintsLast30Days: number;
}

/** One row of the breakdown of a municipality's locations: by status (all), or by housing type or town (certified only). */
export interface BreakdownRow {
  dimension: 'status' | 'housingType' | 'town';
  key: string;
  locations: number;
  beds: number;
}

/** A location of the municipality with its latest certificate and latest report: the occupancy table and the map. */
export interface LocationOccupancyRow {
  locationId: string;
  postcode: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  street: string;
  city: string;
  housingType: string;
  latitude: number | null;
  longitude: number | null;
  certificateNumber: string | null;
  status: string | null;
  maximumResidents: number | null;
  residents: number | null;
  reportedOn: string | null;
}

export interface ExpiringRow {
  certificateNumber: string;
  validUntil: string;
  maximumResidents: number;
  street: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  postcode: string;
  city: string;
}

export interface MonthRow {
  month: string;
  issued: number;
  suspended: number;
  withdrawn: number;
  expired: number;
  complaints: number;
  reportedResidents: number;
}

export interface MunicipalityRow {
  municipalityCode: string;
  municipalityName: string;
  valid: number;
  suspended: number;
  beds: number;
  reportedResidents: number;
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * Read-only aggregates over certificates, locations, occupancy reports and complaints, computed by
 * PostgreSQL at the moment they are asked for (nothing is kept twice). Every rule is StatisticsService's.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One statement: the figures of the open statistics on `referenceDate` (past: from the status changes).
   * The judged certificates are read once, in one pass grouped by status and housing type (a million
   * of them nationally): joined to their locations by hash, never materialised. Reading them once per
   * figure, with a nested loop into location for the housing types, took 8.4 s at 1,000,000.
   */
  async figures(referenceDate: string, municipalityCode: string | undefined, past: boolean): Promise<StatisticsFigures> {
    const scoped = municipalityCode !== undefined;
    const complaintScope = scoped ? ' JOIN location cl ON cl.id = m.location_id AND cl.municipality_code = $2' : '';
    const [{ figures }] = (await this.db.query(
      `WITH ${judgedCertificates({ scoped, past })},
        grouped AS (SELECT j.status, loc.housing_type, count(*)::int AS locations, COALESCE(sum(j.maximum_residents), 0)::int AS beds,
                           count(*) FILTER (WHERE j.valid_until BETWEEN $1::date AND $1::date + ${EXPIRY_HORIZON_DAYS})::int AS expiring
                      FROM judged j JOIN location loc ON loc.id = j.location_id
                     GROUP BY j.status, loc.housing_type),
        reports AS (${latestReports(scoped)})
      SELECT json_build_object(
        'groups', (SELECT COALESCE(json_agg(grouped), '[]') FROM grouped),
        'reportedResidents', (SELECT COALESCE(sum(residents), 0)::int FROM reports),
        'complaintsLast30Days', (SELECT count(*)::int FROM complaint m${complaintScope}
                                  WHERE m.created_at >= ${START_OF_30_DAYS} AND m.created_at < ${END_OF_DAY})
      ) AS figures`,
      scoped ? [referenceDate, municipalityCode] : [referenceDate],
    )) as {
      figures: {
        groups: { status: string; housing_type: string; locations: number; beds: number; expiring: number }[];
        reportedResidents: number;
        complaintsLast30Days: number;
      };
    }[];
    const byStatus: StatisticsFigures['byStatus'] = {};
    const byHousingType: StatisticsFigures['byHousingType'] = {};
    let expiringWithin90Days = 0;
    const add = (into: Record<string, { locations: number; beds: number }>, key: string, group: { locations: number; beds: number }) => {
      const sum = (into[key] ??= { locations: 0, beds: 0 });
      sum.locations += group.locations;
      sum.beds += group.beds;
    };
    for (const group of figures.groups) {
      add(byStatus, group.status, group);
      if (group.status === 'geldig') {
        add(byHousingType, group.housing_type, group);
        expiringWithin90Days += group.expiring;
      }
    }
    return {
      byStatus,
      byHousingType,
      reportedResidents: figures.reportedResidents,
      expiringWithin90Days,
      complaintsLast30Days: figures.complaintsLast30Days,
    };
  }

  /** A municipality's locations by their certificate's status, and its certified (geldig) ones by housing type and by town. */
  async breakdown(municipalityCode: string, today: string): Promise<BreakdownRow[]> {
    const rows = (await this.db.query(
      `WITH ${judgedCertificates({ scoped: true, past: false })}
       SELECT j.status, loc.housing_type, loc.city,
              GROUPING(j.status) AS no_status, GROUPING(loc.housing_type) AS no_type,
              count(*)::int AS locations, COALESCE(sum(j.maximum_residents), 0)::int AS beds,
              count(*) FILTER (WHERE j.status = 'geldig')::int AS certified,
              COALESCE(sum(j.maximum_residents) FILTER (WHERE j.status = 'geldig'), 0)::int AS certified_beds
         FROM judged j JOIN location loc ON loc.id = j.location_id
        GROUP BY GROUPING SETS ((j.status), (loc.housing_type), (loc.city))
        ORDER BY 1, 2, 3`,
      [today, municipalityCode],
    )) as Record<string, unknown>[];
    return rows
      .map((r): BreakdownRow => {
        if (!Number(r.no_status)) return { dimension: 'status', key: String(r.status), locations: num(r.locations), beds: num(r.beds) };
        const dimension = !Number(r.no_type) ? 'housingType' : 'town';
        const key = String(dimension === 'housingType' ? r.housing_type : r.city);
        return { dimension, key, locations: num(r.certified), beds: num(r.certified_beds) };
      })
      .filter((row) => row.dimension === 'status' || row.locations > 0);
  }

  /**
   * The municipality's locations with their latest certificate (status judged on `today`) and latest
   * report, the over-occupied first (most residents above the maximum on top), then by address.
   */
  async locationOccupancy(
    municipalityCode: string,
    today: string,
    limit: number,
  ): Promise<{ rows: LocationOccupancyRow[]; total: number }> {
    const rows = (await this.db.query(
      `SELECT loc.id, loc.postcode, loc.house_number, loc.house_letter, loc.house_number_addition, loc.street, loc.city,
              loc.housing_type, loc.latitude, loc.longitude, c.number, c.maximum_residents, c.valid_until::text AS valid_until,
              CASE WHEN c.status = 'geldig' AND c.valid_until < $1::date THEN 'verlopen' ELSE c.status END AS status,
              r.residents, r.reference_date::text AS reference_date, count(*) OVER ()::int AS total
         FROM location loc
         LEFT JOIN LATERAL (SELECT number, status, maximum_residents, valid_until FROM certificate
                             WHERE location_id = loc.id AND status <> 'uitgifte' ORDER BY issued_at DESC LIMIT 1) c ON true
         LEFT JOIN LATERAL (SELECT residents, reference_date FROM occupancy_report
                             WHERE location_id = loc.id AND reference_date <= $1::date ORDER BY reference_date DESC LIMIT 1) r ON true
        WHERE loc.municipality_code = $2
        ORDER BY (r.residents - c.maximum_residents) DESC NULLS LAST, loc.postcode, loc.house_number, loc.id
        LIMIT $3`,
      [today, municipalityCode, limit],
    )) as Record<string, unknown>[];
    return {
      total: rows.length > 0 ? num(rows[0].total) : 0,
      rows: rows.map((r) => ({
        locationId: String(r.id),
        postcode: String(r.postcode),
        houseNumber: num(r.house_number),
        houseLetter: (r.house_letter as string | null) ?? null,
        houseNumberAddition: (r.house_number_addition as string | null) ?? null,
        street: String(r.street),
        city: String(r.city),
        housingType: String(r.housing_type),
        latitude: r.latitude === null ? null : num(r.latitude),
        longitude: r.longitude === null ? null : num(r.longitude),
        certificateNumber: (r.number as string | null) ?? null,
        status: (r.status as string | null) ?? null,
        maximumResidents: r.maximum_residents === null ? null : num(r.maximum_residents),
        residents: r.residents === null ? null : num(r.residents),
        reportedOn: (r.reference_date as string | null) ?? null,
      })),
    };
  }

  /** The municipality's geldig certificates whose last valid day lies within the horizon, soonest first. */
  async expiring(municipalityCode: string, today: string, limit: number): Promise<ExpiringRow[]> {
    const rows = (await this.db.query(
      `SELECT c.number, c.valid_until::text AS valid_until, c.maximum_residents, loc.street, loc.house_number, loc.house_letter,
              loc.house_number_addition, loc.postcode, loc.city
         FROM certificate c JOIN location loc ON loc.id = c.location_id
        WHERE c.municipality_code = $2 AND c.status = 'geldig' AND c.valid_until BETWEEN $1::date AND $1::date + ${EXPIRY_HORIZON_DAYS}
        ORDER BY c.valid_until, c.number
        LIMIT $3`,
      [today, municipalityCode, limit],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      certificateNumber: String(r.number),
      validUntil: String(r.valid_until),
      maximumResidents: num(r.maximum_residents),
      street: String(r.street),
      houseNumber: num(r.house_number),
      houseLetter: (r.house_letter as string | null) ?? null,
      houseNumberAddition: (r.house_number_addition as string | null) ?? null,
      postcode: String(r.postcode),
      city: String(r.city),
    }));
  }

  /**
   * Month by month (Amsterdam months, `months` of them ending with today's): certificates issued, suspended,
   * withdrawn (a replacement by a re-inspection's is no withdrawal) and expired, complaints, and the residents
   * reported (each location's latest report about a day of that month). Without a code: the whole country.
   */
  async monthly(municipalityCode: string | undefined, today: string, months: number): Promise<MonthRow[]> {
    const scoped = municipalityCode !== undefined;
    const changeScope = scoped ? ' AND sc.municipality_code = $3' : '';
    const locationScope = scoped ? ' AND loc.municipality_code = $3' : '';
    const rows = (await this.db.query(
      `WITH months AS (
         SELECT generate_series(date_trunc('month', $1::date) - ($2::int - 1) * interval '1 month', date_trunc('month', $1::date),
                                interval '1 month')::date AS month),
       bounds AS (SELECT (SELECT min(month) FROM months) AS first_month),
       changes AS (
         SELECT date_trunc('month', sc.occurred_at AT TIME ZONE 'Europe/Amsterdam')::date AS month,
                count(*) FILTER (WHERE sc.to_status = 'geldig' AND sc.from_status IS DISTINCT FROM 'geschorst') AS issued,
                count(*) FILTER (WHERE sc.to_status = 'geschorst') AS suspended,
                count(*) FILTER (WHERE sc.to_status = 'ingetrokken' AND c.superseded_by IS NULL) AS withdrawn,
                count(*) FILTER (WHERE sc.to_status = 'verlopen') AS expired
           FROM certificate_status_change sc JOIN certificate c ON c.number = sc.certificate_number
          WHERE sc.occurred_at >= ((SELECT first_month FROM bounds)::timestamp AT TIME ZONE 'Europe/Amsterdam')${changeScope}
          GROUP BY 1),
       complaints AS (
         SELECT date_trunc('month', m.created_at AT TIME ZONE 'Europe/Amsterdam')::date AS month, count(*) AS n
           FROM complaint m${scoped ? ' JOIN location loc ON loc.id = m.location_id' : ''}
          WHERE m.created_at >= ((SELECT first_month FROM bounds)::timestamp AT TIME ZONE 'Europe/Amsterdam')${locationScope}
          GROUP BY 1),
       reports AS (
         SELECT month, sum(residents) AS n FROM (
           SELECT DISTINCT ON (o.location_id, date_trunc('month', o.reference_date))
                  date_trunc('month', o.reference_date)::date AS month, o.residents
             FROM occupancy_report o${scoped ? ' JOIN location loc ON loc.id = o.location_id' : ''}
            WHERE o.reference_date >= (SELECT first_month FROM bounds) AND o.reference_date <= $1::date${locationScope}
            ORDER BY o.location_id, date_trunc('month', o.reference_date), o.reference_date DESC) latest
          GROUP BY month)
       SELECT to_char(months.month, 'YYYY-MM') AS month, COALESCE(ch.issued, 0)::int AS issued,
              COALESCE(ch.suspended, 0)::int AS suspended, COALESCE(ch.withdrawn, 0)::int AS withdrawn,
              COALESCE(ch.expired, 0)::int AS expired, COALESCE(co.n, 0)::int AS complaints, COALESCE(re.n, 0)::int AS reported
         FROM months LEFT JOIN changes ch ON ch.month = months.month
         LEFT JOIN complaints co ON co.month = months.month LEFT JOIN reports re ON re.month = months.month
        ORDER BY months.month`,
      scoped ? [today, months, municipalityCode] : [today, months],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      month: String(r.month),
      issued: num(r.issued),
      suspended: num(r.suspended),
      withdrawn: num(r.withdrawn),
      expired: num(r.expired),
      complaints: num(r.complaints),
      reportedResidents: num(r.reported),
    }));
  }

  /** Every municipality with a location holding a certificate: its valid and suspended locations, beds, reported residents. */
  async perMunicipality(today: string): Promise<MunicipalityRow[]> {
    const rows = (await this.db.query(
      `WITH ${judgedCertificates({ scoped: false, past: false })},
        counted AS (
          SELECT municipality_code, count(*) FILTER (WHERE status = 'geldig') AS valid,
                 count(*) FILTER (WHERE status = 'geschorst') AS suspended,
                 COALESCE(sum(maximum_residents) FILTER (WHERE status = 'geldig'), 0) AS beds
            FROM judged GROUP BY municipality_code),
        reports AS (
          SELECT loc.municipality_code, sum(r.residents) AS n
            FROM (${latestReports(false)}) r JOIN location loc ON loc.id = r.location_id
           GROUP BY loc.municipality_code)
       SELECT c.municipality_code, m.name, c.valid::int, c.suspended::int, c.beds::int, COALESCE(r.n, 0)::int AS reported
         FROM counted c JOIN municipality m ON m.code = c.municipality_code
         LEFT JOIN reports r ON r.municipality_code = c.municipality_code
        ORDER BY m.name`,
      [today],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      municipalityCode: String(r.municipality_code),
      municipalityName: String(r.name),
      valid: num(r.valid),
      suspended: num(r.suspended),
      beds: num(r.beds),
      reportedResidents: num(r.reported),
    }));
  }
}
