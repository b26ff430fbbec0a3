import { Injectable } from '@nestjs/common';
import { dateInAmsterdam } from '@keurmerk/norm';
import { OverviewRepository, type StatusCounts } from '@keurmerk/reporting';
import { addressLine } from '../shared/page-parts';

export type { StatusCounts } from '@keurmerk/reporting';

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

const OVERDUE_SHOWN = 10;

/**
 * The beheerder's overview: how many of each by status, and the findings whose repair deadline has
 * passed while they are still open. The figures come from the read-only reporting repository; this
 * only shapes them for the page.
 */
@Injectable()
export class AdminOverviewService {
  constructor(private readonly figures: OverviewRepository) {}

  async overview(now: Date): Promise<Overview> {
    const today = dateInAmsterdam(now);
    const [applications, inspections, certificates, complaints, total, overdue] = await Promise.all([
      this.figures.countByStatus('application'),
      this.figures.countByStatus('inspection'),
      this.figures.countByStatus('certificate'),
      this.figures.countByStatus('complaint'),
      this.figures.countOverdueFindings(today),
      this.figures.overdueFindings(today, OVERDUE_SHOWN),
    ]);
    const first = overdue.map(({ id, criterionCode, severity, repairDeadline, locationId, ...address }) => ({
      id,
      criterionCode,
      severity,
      repairDeadline,
      locationId,
      address: addressLine(address),
    }));
    return { applications, inspections, certificates, complaints, overdueFindings: { total, first } };
  }
}
