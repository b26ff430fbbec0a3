import { Injectable } from '@nestjs/common';
import { hasRole, municipalityOf, MunicipalityService, type PersonPrincipal } from '@keurmerk/accounts';
import { AppException, Clock } from '@keurmerk/common';
import { HOUSING_TYPES } from '@keurmerk/norm';
import {
  type BreakdownRow,
  type ExpiringRow,
  type LocationOccupancyRow,
  type MonthRow,
  type MunicipalityRow,
  StatisticsRepository,
} from './statistics.repository';
import { LOCATION_STATUSES, TREND_MONTHS, validateStatisticsQuery } from './statistics-input';
import { StatisticsException, StatisticsExceptionCode } from './statistics.exception';

/** The open statistics of one municipality or the whole country on a day (contract names, see CONTRACT.md). */
export interface Statistics {
  municipalityCode: string | null;
  municipalityName: string | null;
  referenceDate: string;
  locations: Record<(typeof LOCATION_STATUSES)[number], number>;
  maximumResidents: number;
  reportedResidents: number;
  byHousingType: Record<string, { locations: number; maximumResidents: number }>;
  expiringWithin90Days: number;
  complaintsLast30Days: number;
}

/** What the municipality's page shows: all of it from one area, computed when asked. */
export interface MunicipalInsight {
  statistics: Statistics;
  breakdown: BreakdownRow[];
  occupancy: { rows: LocationOccupancyRow[]; total: number };
  expiring: ExpiringRow[];
  months: MonthRow[];
}

export interface NationalInsight {
  statistics: Statistics;
  municipalities: MunicipalityRow[];
  months: MonthRow[];
}

/** The municipality's page lists at most this many locations (the CSV has them all). */
export const PAGE_LOCATIONS = 500;
/** A CSV of a municipality's locations: all of them (the largest municipality has a few thousand). */
export const CSV_LOCATIONS = 100_000;
export const PAGE_EXPIRING = 500;

/**
 * Figures about certified housing: the open statistics (anyone, aggregated, no addresses), the
 * municipality's insight (its own area, with addresses) and the beheerder's national page.
 */
@Injectable()
export class StatisticsService {
  /**
   * Open statistics being computed, by area and day: callers asking the same while it runs share the
   * one computation (nationally about a second of the database at a million certificates), so a burst
   * of public calls costs the database once. Nothing is kept after it is answered; a caller that joins
   * a computation gets the figures as they were when the first of them asked.
   */
  private readonly computing = new Map<string, Promise<Statistics>>();

  constructor(
    private readonly repository: StatisticsRepository,
    private readonly municipalities: MunicipalityService,
    private readonly clock: Clock,
  ) {}

  /** GET /v1/statistieken: public. An unknown (but well-formed) gemeentecode is a 400 naming it, not a row of zeros. */
  async statistics(query: { gemeentecode?: unknown; peildatum?: unknown }): Promise<Statistics> {
    const today = this.clock.today();
    const { value, problems } = validateStatisticsQuery(query, today);
    if (value?.municipalityCode && !(await this.municipalities.exists(value.municipalityCode))) {
      problems.push({ name: 'gemeentecode', code: 'unknown', reason: 'Not a current municipality code.' });
    }
    if (!value || problems.length > 0) throw AppException.invalid(problems);
    const key = `${value.municipalityCode ?? ''}|${value.referenceDate}|${today}`;
    let running = this.computing.get(key);
    if (!running) {
      running = this.compute(value.municipalityCode, value.referenceDate, today).finally(() => this.computing.delete(key));
      this.computing.set(key, running);
    }
    return running;
  }

  /** The signed-in municipal user's own area, today. */
  async municipal(caller: PersonPrincipal, limits: { locations: number } = { locations: PAGE_LOCATIONS }): Promise<MunicipalInsight> {
    const code = municipalityOf(caller);
    if (!code) throw new StatisticsException(StatisticsExceptionCode.NoMunicipality, 'This account belongs to no municipality.');
    const today = this.clock.today();
    const [statistics, breakdown, occupancy, expiring, months] = await Promise.all([
      this.compute(code, today, today),
      this.repository.breakdown(code, today),
      this.repository.locationOccupancy(code, today, limits.locations),
      this.repository.expiring(code, today, PAGE_EXPIRING),
      this.repository.monthly(code, today, TREND_MONTHS),
    ]);
    return { statistics, breakdown, occupancy, expiring, months };
  }

  /** The beheerder's national page. */
  async national(caller: PersonPrincipal): Promise<NationalInsight> {
    if (!hasRole(caller, 'beheerder')) {
      throw new StatisticsException(StatisticsExceptionCode.BeheerderOnly, 'Only the beheerder sees the national figures page.');
    }
    const today = this.clock.today();
    const [statistics, municipalities, months] = await Promise.all([
      this.compute(undefined, today, today),
      this.repository.perMunicipality(today),
      this.repository.monthly(undefined, today, TREND_MONTHS),
    ]);
    return { statistics, municipalities, months };
  }

  /** A municipality's name from the shipped CBS list (gemeenten 2026), or undefined. */
  async municipalityName(code: string): Promise<string | undefined> {
    return (await this.municipalities.find(code))?.name;
  }

  private async compute(municipalityCode: string | undefined, referenceDate: string, today: string): Promise<Statistics> {
    const figures = await this.repository.figures(referenceDate, municipalityCode, referenceDate < today);
    const count = (status: string) => figures.byStatus[status]?.locations ?? 0;
    return {
      municipalityCode: municipalityCode ?? null,
      municipalityName: municipalityCode ? ((await this.municipalityName(municipalityCode)) ?? null) : null,
      referenceDate,
      locations: { geldig: count('geldig'), geschorst: count('geschorst'), ingetrokken: count('ingetrokken'), verlopen: count('verlopen') },
      maximumResidents: figures.byStatus.geldig?.beds ?? 0,
      reportedResidents: figures.reportedResidents,
      byHousingType: Object.fromEntries(
        HOUSING_TYPES.map((type) => [
          type,
          { locations: figures.byHousingType[type]?.locations ?? 0, maximumResidents: figures.byHousingType[type]?.beds ?? 0 },
        ]),
      ),
      expiringWithin90Days: figures.expiringWithin90Days,
      complaintsLast30Days: figures.complaintsLast30Days,
    };
  }
}
