import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException, Clock, type Page, type PageRequest } from '@keurmerk/common';
import { actorOf, EventLog } from '@keurmerk/events';
import { LocationService } from '@keurmerk/locations';
import { addDays, daysInMonth } from '@keurmerk/norm';
import { PlanningRequestService } from '@keurmerk/surveillance';
import type { OccupancyReportEntity, OccupancyReportView } from './occupancy-report.entity';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception';
import {
  MONTH_PATTERN,
  type NewOccupancyReport,
  OVER_OCCUPANCY_DUE_DAYS,
  OVER_OCCUPANCY_KIND,
  OVER_OCCUPANCY_REASON,
  validateOccupancyReport,
} from './occupancy-input';
import { type MissingReport, OccupancyRepository } from './occupancy.repository';

/**
 * Occupancy: the residents a landlord reports per location and day (at least monthly). A report above
 * the location's certified maximum opens an unannounced planning request (reden `melding`) in the
 * report's own transaction, so the beheerder's list and the municipality's figures show it at once.
 */
@Injectable()
export class OccupancyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: OccupancyRepository,
    private readonly locations: LocationService,
    private readonly planning: PlanningRequestService,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  /**
   * The location's own landlord reports; anyone else who may see the location is refused (403), anyone
   * who may not gets 404. A second report for the same day replaces the first; the event log keeps both.
   */
  async report(caller: PersonPrincipal, locationId: string, input: NewOccupancyReport): Promise<OccupancyReportView> {
    const location = await this.locations.getVisible(caller, locationId);
    if (caller.role !== 'verhuurder' || !caller.organisationId || caller.organisationId !== location.organisationId) {
      throw new OccupancyException(OccupancyExceptionCode.NotReporter, 'Only the landlord of the location reports its residents.');
    }
    const today = this.clock.today();
    const { value, problems } = validateOccupancyReport(input, today);
    if (!value) throw AppException.invalid(problems);
    const actor = actorOf(caller);

    return this.db.transaction(async (manager) => {
      const previous = await this.reports.lockExisting(manager, location.id, value.referenceDate);
      const saved = await this.reports.upsert(manager, {
        locationId: location.id,
        referenceDate: value.referenceDate,
        residents: value.residents,
        reportedBy: caller.userId,
        reportedAt: this.clock.now(),
      });
      const maximum = await this.reports.currentMaximum(location.id, manager);
      const overOccupied = maximum !== null && value.residents > maximum.maximumResidents;
      await this.events.append(manager, {
        actor,
        entityType: 'occupancy-report',
        entityId: saved.id,
        action: previous ? 'replaced' : 'reported',
        before: previous ? { residents: previous.residents, reportedBy: previous.reportedBy } : undefined,
        after: {
          locationId: location.id,
          referenceDate: value.referenceDate,
          residents: value.residents,
          maximumResidents: maximum?.maximumResidents ?? null,
        },
      });
      const planningRequestId = overOccupied
        ? await this.planning.openRequest(
            manager,
            {
              locationId: location.id,
              reason: OVER_OCCUPANCY_REASON,
              kind: OVER_OCCUPANCY_KIND,
              dueDate: addDays(today, OVER_OCCUPANCY_DUE_DAYS),
              certificateNumber: maximum.certificateNumber,
            },
            actor,
          )
        : null;
      return this.view(saved, maximum?.maximumResidents ?? null, planningRequestId);
    });
  }

  /** A location's reports, latest day first, judged against its current certified maximum: for whoever may see the location. */
  async list(principal: Principal, locationId: string, request: PageRequest): Promise<Page<OccupancyReportView>> {
    const location = await this.locations.getVisible(principal, locationId);
    const [page, maximum] = await Promise.all([this.reports.page(location.id, request), this.reports.currentMaximum(location.id)]);
    return { ...page, items: page.items.map((report) => this.view(report, maximum?.maximumResidents ?? null)) };
  }

  /** The maximum of the location's current certificate (geldig or geschorst), or null: for the platform's pages, no access check. */
  async currentMaximum(locationId: string): Promise<number | null> {
    return (await this.reports.currentMaximum(locationId))?.maximumResidents ?? null;
  }

  /** Each of the principal's visible locations' latest report (the landlord's overview shows what it last reported). */
  async latestFor(principal: Principal, locationIds: readonly string[]): Promise<Map<string, OccupancyReportEntity>> {
    const visible = await this.locations.visibleByIds(principal, locationIds);
    return this.reports.latestByLocation([...visible.keys()]);
  }

  /**
   * The monthly reminder's hook: the certified locations (geldig or geschorst) that reported no day of
   * `month` (YYYY-MM), with their landlord organisation, for the mail feature to remind. Reads only.
   */
  async locationsMissingReport(month: string): Promise<MissingReport[]> {
    if (!MONTH_PATTERN.test(month)) throw AppException.invalid([{ name: 'maand', code: 'pattern', reason: 'maand must be YYYY-MM.' }]);
    const [year, number] = month.split('-').map(Number);
    return this.reports.missing(`${month}-01`, `${month}-${String(daysInMonth(year, number)).padStart(2, '0')}`);
  }

  private view(report: OccupancyReportEntity, maximumResidents: number | null, planningRequestId?: string | null): OccupancyReportView {
    return {
      id: report.id,
      locationId: report.locationId,
      referenceDate: report.referenceDate,
      residents: report.residents,
      reportedAt: report.reportedAt,
      maximumResidents,
      overOccupied: maximumResidents !== null && report.residents > maximumResidents,
      ...(planningRequestId !== undefined ? { planningRequestId } : {}),
    };
  }
}
