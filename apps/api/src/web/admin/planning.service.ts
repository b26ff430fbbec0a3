import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { UserEntity } from '@keurmerk/accounts';
import { AppErrorCode, AppException, type InvalidParam, type Page } from '@keurmerk/common';
import { earliestAnnouncedAt, InspectionException, InspectionService, NOTICE_TOO_SHORT } from '@keurmerk/inspections';
import { type LocationEntity, LocationService } from '@keurmerk/locations';
import { addDays, amsterdamInstant, dateInAmsterdam } from '@keurmerk/norm';
import { PlanningRequestService, type PlanningRequestView } from '@keurmerk/surveillance';
import { fieldErrors, page, sendPage } from '../layout';
import { refusalText } from '../shared/refusal-texts';
import { auditorConflictText } from '../shared/refusals/inspections.texts';
import { formatDateTime, type SignedInContext, type WebContext } from '../web-context';
import { addressLine, pageRequest } from '../shared/page-parts';
import { planForm, type PlanFormData, type PlanningRequestContext } from './planning.view';
import { adminText } from './admin.texts';

/** The auditors' load is shown for this many calendar weeks, this one first. */
export const LOAD_WEEKS = 4;
/** The most urgent planning requests, this many to a page. */
export const REQUESTS_PER_PAGE = 50;

export interface PlanningRequestRow {
  request: PlanningRequestView;
  address: string;
  /** Days from today (Amsterdam) to the last day; negative when past it. */
  daysLeft: number;
}

export interface AuditorLoadRow {
  auditorId: string;
  name: string;
  perWeek: number[];
  total: number;
}

/** What the planning page leads with: what is overdue, what comes next, and who has room. */
export interface PlanningOverview {
  counts: { open: number; overdue: number };
  requests: Page<PlanningRequestRow>;
  load: { weekStarts: string[]; rows: AuditorLoadRow[] };
}

/** Whole days from `from` to `to`, both ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The time the planning form suggests. */
export const FIRST_TIME = '09:00';

/**
 * What the planning pages (an application's inspection, a complaint's) share: the auditors to choose
 * from, the conflict check (InspectionService.auditorConflicts, the rule planning itself applies) and the
 * form shown again after a check or a refusal. It shapes pages only: the rules and queries are the
 * inspections feature's.
 */
@Injectable()
export class AdminPlanning {
  constructor(
    private readonly inspections: InspectionService,
    private readonly planningRequests: PlanningRequestService,
    private readonly locations: LocationService,
  ) {}

  /**
   * The open planning requests by deadline (with address and days left), their counts, and each
   * active auditor's inspections per week for LOAD_WEEKS weeks, the least loaded first.
   */
  async overview(web: SignedInContext, pageNumber: unknown): Promise<PlanningOverview> {
    const principal = web.user.principal;
    const today = dateInAmsterdam(web.now);
    const [counts, found, load, auditors] = await Promise.all([
      this.planningRequests.openCounts(principal),
      this.planningRequests.list(principal, pageRequest(pageNumber, REQUESTS_PER_PAGE), { status: 'open' }),
      this.inspections.plannedLoad(principal, today, LOAD_WEEKS),
      this.auditors(),
    ]);
    const places = await this.locations.visibleByIds(
      principal,
      found.items.map((r) => r.locationId),
    );
    const requests = {
      ...found,
      items: found.items.map((request) => {
        const place = places.get(request.locationId);
        return { request, address: place ? addressLine(place) : request.locationId, daysLeft: daysBetween(today, request.dueDate) };
      }),
    };
    const rows = new Map<string, AuditorLoadRow>(
      auditors.map((a) => [a.id, { auditorId: a.id, name: a.name, perWeek: load.weekStarts.map(() => 0), total: 0 }]),
    );
    for (const row of load.rows) {
      const auditor = rows.get(row.auditorId);
      const week = load.weekStarts.indexOf(row.weekStart);
      // An inactive auditor still holding inspections is not offered for planning, so not listed here.
      if (!auditor || week < 0) continue;
      auditor.perWeek[week] += row.count;
      auditor.total += row.count;
    }
    const sorted = [...rows.values()].sort((a, b) => a.total - b.total || a.name.localeCompare(b.name));
    return { counts, requests, load: { weekStarts: load.weekStarts, rows: sorted } };
  }

  /** How many planning requests are open and overdue, for the overview. */
  async counts(web: SignedInContext): Promise<PlanningOverview['counts']> {
    return this.planningRequests.openCounts(web.user.principal);
  }

  /** The planning request a plan link names, as context on the form; undefined when it is unknown or of another location. */
  async requestContext(web: SignedInContext, requestId: string, location: LocationEntity): Promise<PlanningRequestContext | undefined> {
    if (!requestId) return undefined;
    const request = await this.planningRequests.find(web.user.principal, requestId);
    if (!request || request.locationId !== location.id) return undefined;
    return { id: request.id, reason: request.reason, dueDate: request.dueDate, overdue: request.overdue, status: request.status };
  }

  /** The active auditors to choose from. */
  async auditors(): Promise<UserEntity[]> {
    return this.inspections.activeAuditors();
  }

  /** The reasons the auditor may not inspect the location on the date (today if none is given); undefined without an auditor. */
  async conflictsFor(location: LocationEntity, auditorId: string, date: string, now: Date): Promise<string[] | undefined> {
    const auditor = await this.inspections.activeAuditor(auditorId);
    if (!auditor) return undefined;
    const onDate = amsterdamInstant(date, '12:00') ? date : dateInAmsterdam(now);
    return this.inspections.conflictsOf(auditor, location, onDate);
  }

  /** The form's first date: the first day whose FIRST_TIME gives an announced inspection its notice. */
  firstDate(now: Date): string {
    const earliest = earliestAnnouncedAt(now);
    const day = dateInAmsterdam(earliest);
    return amsterdamInstant(day, FIRST_TIME)! >= earliest ? day : addDays(day, 1);
  }

  /** The planned moment of the form's date and time, or the problems naming the fields. */
  plannedAt(web: WebContext, date: string, time: string): string {
    const instant = amsterdamInstant(date, time);
    if (instant) return instant.toISOString();
    const problems: InvalidParam[] = [];
    if (!amsterdamInstant(date, '12:00')) problems.push({ name: 'datum', code: 'format', reason: adminText(web).enterAValidDate });
    if (!amsterdamInstant('2026-01-01', time)) problems.push({ name: 'tijd', code: 'format', reason: adminText(web).enterValidTimeSuch09 });
    throw AppException.invalid(problems);
  }

  async send(reply: FastifyReply, web: SignedInContext, data: Omit<PlanFormData, 'auditors'>, status = 200): Promise<void> {
    const title = data.fixedKind ? adminText(web).planAnUnannouncedInspection : adminText(web).planAnInspection;
    sendPage(
      reply,
      web,
      page(web, {
        title,
        body: planForm(web, { ...data, auditors: await this.auditors() }),
        styles: ['admin.css'],
        scripts: ['admin-planning.js'],
      }),
      status,
    );
  }

  /** A check without script: the form again, with the reasons (or that there are none). */
  async check(reply: FastifyReply, web: SignedInContext, data: Omit<PlanFormData, 'auditors'>): Promise<void> {
    const conflicts = await this.conflictsFor(data.location, data.values.auditorId, data.values.datum, web.now);
    const errors = conflicts === undefined ? { auditorId: adminText(web).chooseAuditorCheck } : undefined;
    await this.send(reply, web, { ...data, conflicts, errors }, errors ? 400 : 200);
  }

  /**
   * A refused plan: invalid fields beside the fields, a conflict in the sentence for its code with the
   * reasons the refusal carries (both in the beheerder's language). Anything else goes to the error page.
   */
  async refused(reply: FastifyReply, web: SignedInContext, error: unknown, data: Omit<PlanFormData, 'auditors'>): Promise<void> {
    if (!(error instanceof AppException)) throw error;
    if (error.invalidParams) {
      const errors = fieldErrors(error.invalidParams);
      if (errors.auditorId) errors.auditorId = adminText(web).chooseAnActiveAuditor;
      if (errors.soort) errors.soort = adminText(web).chooseKindInspection;
      if (error.invalidParams.some((param) => param.name === 'gepland' && param.code === NOTICE_TOO_SHORT))
        errors.gepland = adminText(web).announcedNoticeTooShort(formatDateTime(web, earliestAnnouncedAt(web.now)));
      await this.send(reply, web, { ...data, errors }, 400);
      return;
    }
    if (error.code !== AppErrorCode.Conflict) throw error;
    // The refusal carries its reasons as data: shown in the beheerder's language, never parsed from its detail.
    const reasons = error instanceof InspectionException ? (error.data.conflicts ?? []) : [];
    const conflicts = reasons.map((conflict) => auditorConflictText(conflict)[web.language]);
    const message = refusalText(web.language, error);
    await this.send(reply, web, { ...data, conflicts: conflicts.length > 0 ? conflicts : undefined, message }, 409);
  }
}
