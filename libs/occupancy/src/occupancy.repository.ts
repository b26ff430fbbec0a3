import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Page, type PageRequest, pageOffset } from '@keurmerk/common';
import { OccupancyReportEntity } from './occupancy-report.entity';

/** The location's current certificate (geldig or geschorst: at most one, uq_certificate_current) and its maximum. */
export interface CurrentMaximum {
  certificateNumber: string;
  maximumResidents: number;
}

/** A location that holds a current certificate and sent no report about any day of a month. */
export interface MissingReport {
  locationId: string;
  organisationId: string;
  certificateNumber: string;
}

/** The queries of occupancy reports; every rule is OccupancyService's. */
@Injectable()
export class OccupancyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The report already given for this location and day, locked for its replacement. */
  async lockExisting(manager: EntityManager, locationId: string, referenceDate: string): Promise<OccupancyReportEntity | null> {
    return manager
      .createQueryBuilder(OccupancyReportEntity, 'report')
      .setLock('pessimistic_write')
      .where('report.location_id = :locationId AND report.reference_date = :referenceDate', { locationId, referenceDate })
      .getOne();
  }

  /** One report per location and day: a second one for the same day replaces the first. */
  async upsert(manager: EntityManager, row: Omit<OccupancyReportEntity, 'id'>): Promise<OccupancyReportEntity> {
    const [saved] = (await manager.query(
      `INSERT INTO occupancy_report (location_id, reference_date, residents, reported_by, reported_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (location_id, reference_date)
       DO UPDATE SET residents = EXCLUDED.residents, reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at
       RETURNING id`,
      [row.locationId, row.referenceDate, row.residents, row.reportedBy, row.reportedAt],
    )) as { id: string }[];
    return { ...row, id: saved.id };
  }

  async currentMaximum(locationId: string, manager: EntityManager = this.db.manager): Promise<CurrentMaximum | null> {
    const [row] = (await manager.query(
      `SELECT number, maximum_residents FROM certificate WHERE location_id = $1 AND status IN ('geldig', 'geschorst') LIMIT 1`,
      [locationId],
    )) as { number: string; maximum_residents: number }[];
    return row ? { certificateNumber: row.number, maximumResidents: row.maximum_residents } : null;
  }

  /** A location's reports, the latest day first. */
  async page(locationId: string, request: PageRequest): Promise<Page<OccupancyReportEntity>> {
    const [items, total] = await this.db.manager.findAndCount(OccupancyReportEntity, {
      where: { locationId },
      order: { referenceDate: 'DESC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  /** Each location's latest report (by day), for the given locations. */
  async latestByLocation(locationIds: readonly string[]): Promise<Map<string, OccupancyReportEntity>> {
    if (locationIds.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(OccupancyReportEntity, 'report')
      .distinctOn(['report.location_id'])
      .where('report.location_id IN (:...ids)', { ids: locationIds })
      .orderBy('report.location_id')
      .addOrderBy('report.reference_date', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.locationId, row]));
  }

  /**
   * Locations holding a current certificate (geldig or geschorst) on `from`'s month without a report about
   * any day from `from` to `until`: one anti-join over ix_occupancy_report_location_latest.
   */
  async missing(from: string, until: string): Promise<MissingReport[]> {
    const rows = (await this.db.query(
      `SELECT c.location_id, c.organisation_id, c.number
         FROM certificate c
        WHERE c.status IN ('geldig', 'geschorst') AND c.valid_from <= $2::date
          AND NOT EXISTS (SELECT 1 FROM occupancy_report r
                           WHERE r.location_id = c.location_id AND r.reference_date BETWEEN $1::date AND $2::date)
        ORDER BY c.organisation_id, c.location_id`,
      [from, until],
    )) as { location_id: string; organisation_id: string; number: string }[];
    return rows.map((r) => ({ locationId: r.location_id, organisationId: r.organisation_id, certificateNumber: r.number }));
  }
}
