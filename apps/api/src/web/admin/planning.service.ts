import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { UserEntity } from '@keurmerk/accounts';
import { AppErrorCode, AppException, type InvalidParam } from '@keurmerk/common';
import { InspectionException, InspectionService } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import { dateInAmsterdam } from '@keurmerk/norm';
import { fieldErrors, page, sendPage } from '../layout';
import { refusalText } from '../shared/refusal-texts';
import { auditorConflictText } from '../shared/refusals/inspections.texts';
import { type SignedInContext, type WebContext } from '../web-context';
import { amsterdamInstant } from '../shared/page-parts';
import { planForm, type PlanFormData } from './planning.view';
import { adminText } from './admin.texts';

/**
 * What the planning pages (an application's inspection, a complaint's) share: the auditors to choose
 * from, the conflict check (InspectionService.auditorConflicts, the rule planning itself applies) and the
 * form shown again after a check or a refusal. It shapes pages only: the rules and queries are the
 * inspections feature's.
 */
@Injectable()
export class AdminPlanning {
  constructor(private readonly inspections: InspectionService) {}

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
