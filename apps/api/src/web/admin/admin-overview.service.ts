import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dateInAmsterdam } from '@keurmerk/norm';
import { addressLine } from '../shared/page-parts';

export type StatusCounts = Record<string, number>;

export interface OverdueFinding {
  id: string;
  criterionCode: string;
  severity: string;
  repairDeadline: string;
  locationId: string;
  address: string;
}

export interface Overview {
  applications: StatusCounts;
  inspections: StatusCounts;
  certificates: StatusCounts;
  complaints: StatusCounts;
  overdueFindings: { total: number; first: OverdueFinding[] };
}

/** Table names are constants here, never input: the counts are read straight from the tables. */
const COUNTED = { applications: 'application', inspections: 'inspection', certificates: 'certificate', complaints: 'complaint' } as const;
const OVERDUE_SHOWN = 10;

/**
 * The beheerder's overview: how many of each by status, and the findings whose repair deadline has
 * passed while they are still open. Read-only counts; every change goes through the services.
 */
@Injectable()
export class AdminOverviewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overview(now: Date): Promise<Overview> {
    const [applications, inspections, certificates, complaints] = await Promise.all(Object.values(COUNTED).map((table) => this.countByStatus(table)));
    return { applications, inspections, certificates, complaints, overdueFindings: await this.overdue(dateInAmsterdam(now)) };
  }

  private async countByStatus(table: string): Promise<StatusCounts> {
    const rows = (await this.db.query(`SELECT status, count(*)::int AS n FROM ${table} GROUP BY status`)) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  /** Open past the deadline: the last day to repair is the deadline itself. */
  private async overdue(today: string): Promise<Overview['overdueFindings']> {
    const where = `f.status = 'open' AND f.repair_deadline IS NOT NULL AND f.repair_deadline < $1`;
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM finding f WHERE ${where}`, [today])) as { total: number }[];
    const rows = (await this.db.query(
      `SELECT f.id, f.criterion_code, f.severity, f.repair_deadline::text AS repair_deadline, l.id AS location_id,
              l.street, l.house_number, l.house_letter, l.house_number_addition, l.postcode, l.city
         FROM finding f JOIN location l ON l.id = f.location_id
        WHERE ${where} ORDER BY f.repair_deadline, f.id LIMIT $2`,
      [today, OVERDUE_SHOWN],
    )) as Record<string, string | number | null>[];
    return {
      total,
      first: rows.map((r) => ({
        id: String(r.id),
        criterionCode: String(r.criterion_code),
        severity: String(r.severity),
        repairDeadline: String(r.repair_deadline),
        locationId: String(r.location_id),
        address: addressLine({ street: String(r.street), houseNumber: Number(r.house_number), houseLetter: r.house_letter as string | null, houseNumberAddition: r.house_number_addition as string | null, postcode: String(r.postcode), city: String(r.city) }),
      })),
    };
  }
}
