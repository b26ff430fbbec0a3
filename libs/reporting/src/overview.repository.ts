import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type StatusCounts = Record<string, number>;

/** A finding whose last day to repair has passed while it is open, with its location's address. */
export interface OverdueFindingRow {
  id: string;
  criterionCode: string;
  severity: string;
  repairDeadline: string;
  locationId: string;
  street: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  postcode: string;
  city: string;
}

/** The tables counted by status; names are constants here, never input. */
export const COUNTED_TABLES = ['application', 'inspection', 'certificate', 'complaint'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/**
 * Read-only figures across features for the beheerder's overview: counts by status and the
 * findings past their repair deadline. It never writes; every change goes through the features' services.
 */
@Injectable()
export class OverviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async countByStatus(table: CountedTable): Promise<StatusCounts> {
    if (!COUNTED_TABLES.includes(table)) throw new Error(`not a counted table: ${String(table)}`);
    const rows = (await this.db.query(`SELECT status, count(*)::int AS n FROM ${table} GROUP BY status`)) as {
      status: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  /** Open findings whose repair deadline lies before `today` (the deadline itself is the last day to repair). */
  async countOverdueFindings(today: string): Promise<number> {
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM finding f WHERE ${OVERDUE}`, [today])) as {
      total: number;
    }[];
    return total;
  }

  /** The first `limit` of those, earliest deadline first. */
  async overdueFindings(today: string, limit: number): Promise<OverdueFindingRow[]> {
    const rows = (await this.db.query(
      `SELECT f.id, f.criterion_code, f.severity, f.repair_deadline::text AS repair_deadline, l.id AS location_id,
              l.street, l.house_number, l.house_letter, l.house_number_addition, l.postcode, l.city
         FROM finding f JOIN location l ON l.id = f.location_id
        WHERE ${OVERDUE} ORDER BY f.repair_deadline, f.id LIMIT $2`,
      [today, limit],
    )) as Record<string, string | number | null>[];
    return rows.map((r) => ({
      id: String(r.id),
      criterionCode: String(r.criterion_code),
      severity: String(r.severity),
      repairDeadline: String(r.repair_deadline),
      locationId: String(r.location_id),
      street: String(r.street),
      houseNumber: Number(r.house_number),
      houseLetter: r.house_letter as string | null,
      houseNumberAddition: r.house_number_addition as string | null,
      postcode: String(r.postcode),
      city: String(r.city),
    }));
  }
}

const OVERDUE = `f.status = 'open' AND f.repair_deadline IS NOT NULL AND f.repair_deadline < $1`;
