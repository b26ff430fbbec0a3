import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppException } from '@keurmerk/common';
import { COMPLAINT_STATUSES, type ComplaintEntity, ComplaintService, type ComplaintStatus } from '@keurmerk/complaints';
import { InspectionService } from '@keurmerk/inspections';
import { type LocationEntity, LocationService } from '@keurmerk/locations';
import { CloseComplaintDto, PlanComplaintInspectionDto } from '../../complaints/complaint.dto';
import { csrfField, emptyState, errorSummary, type FieldErrors, html, type Html, page, redirect, sendPage } from '../layout';
import { statusBadge, statusText } from '../labels';
import { formatDateTime, type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { addressLine, amsterdamParts, pageRequest, pager, selectField, text, textareaField, uuidOr404, validated } from '../shared/page-parts';
import { AdminPlanning } from './planning.service';
import { kindText, type PlanFormValues } from './planning.view';
import { adminText } from './admin.texts';

type Fields = Record<string, unknown>;

const COMPLAINTS_PATH = '/app/beheer/meldingen';

function subjectOf(web: WebContext, complaint: ComplaintEntity, location: LocationEntity | undefined): string {
  if (location) return addressLine(location);
  if (complaint.certificateNumber) return complaint.certificateNumber;
  return complaint.postcode ? `${complaint.postcode} ${complaint.houseNumber ?? ''}${complaint.houseLetter ?? ''}${complaint.houseNumberAddition ? `-${complaint.houseNumberAddition}` : ''}` : adminText(web).unknown;
}

/**
 * Residents' complaints: read, answer with an unannounced inspection (ComplaintService.planInspection,
 * which plans through the audit workflow's rules), or close with what was done.
 */
@WebController('app/beheer/meldingen', 'beheerder')
export class AdminComplaintsController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly locations: LocationService,
    private readonly inspections: InspectionService,
    private readonly planning: AdminPlanning,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const status = COMPLAINT_STATUSES.includes(query.status as ComplaintStatus) ? (query.status as ComplaintStatus) : undefined;
    const found = await this.complaints.list(web.user.principal, pageRequest(query.pagina), { status });
    const places = await this.locationsOf(found.items);
    const body = html`<form method="get" action="${COMPLAINTS_PATH}" class="filters inline-form">
        ${selectField({ name: 'status', label: adminText(web).status, value: status, empty: adminText(web).all, choices: COMPLAINT_STATUSES.map((s) => ({ value: s, label: statusText(web, 'complaint', s) })) })}
        <button type="submit" class="button--secondary">${adminText(web).filter}</button>
      </form>
      ${found.total === 0 ? emptyState(adminText(web).noComplaints) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${adminText(web).reference}</th><th>${adminText(web).received}</th><th>${adminText(web).about}</th><th>${adminText(web).status}</th></tr></thead>
        <tbody>${found.items.map((c) => html`<tr>
          <td data-label="${adminText(web).reference}"><a href="${COMPLAINTS_PATH}/${c.id}">${c.reference}</a></td>
          <td data-label="${adminText(web).received}">${formatDateTime(web, c.createdAt)}</td>
          <td data-label="${adminText(web).about}">${subjectOf(web, c, c.locationId ? places.get(c.locationId) : undefined)}${c.flag ? html` ${statusBadgeOfFlag(web, c.flag)}` : ''}</td>
          <td data-label="${adminText(web).status}">${statusBadge(web, 'complaint', c.status)}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, COMPLAINTS_PATH, found, { status })}`;
    sendPage(reply, web, page(web, { title: adminText(web).complaints, body, styles: ['admin.css'] }));
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.gepland === '1' ? adminText(web).theUnannouncedInspectionHasBeen : query.afgehandeld === '1' ? adminText(web).theComplaintHasBeenClosed : undefined;
    await this.sendComplaint(reply, web, uuidOr404(id, 'The complaint'), {}, undefined, 200, notice);
  }

  /** Without script, "check" and "plan" post here; the planning form is the same as for applications. */
  @Get(':id/inspectie')
  async planPage(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const complaint = await this.complaints.get(web.user.principal, uuidOr404(id, 'The complaint'));
    const location = await this.locationOf(complaint);
    const tomorrow = amsterdamParts(new Date(web.now.getTime() + 24 * 3600_000)).date;
    await this.planning.send(reply, web, { location, values: { locatieId: location.id, auditorId: '', soort: 'onaangekondigd', datum: tomorrow, tijd: '09:00' }, action: `${COMPLAINTS_PATH}/${complaint.id}/inspectie`, fixedKind: true });
  }

  @Post(':id/inspectie')
  async plan(@Web() web: SignedInContext, @Param('id') id: string, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const complaint = await this.complaints.get(web.user.principal, uuidOr404(id, 'The complaint'));
    const location = await this.locationOf(complaint);
    const values: PlanFormValues = { locatieId: location.id, auditorId: text(body, 'auditorId'), soort: 'onaangekondigd', datum: text(body, 'datum').trim(), tijd: text(body, 'tijd').trim() };
    const form = { location, values, action: `${COMPLAINTS_PATH}/${complaint.id}/inspectie`, fixedKind: true };
    if (text(body, 'actie') === 'controleren') {
      await this.planning.check(reply, web, form);
      return;
    }
    try {
      const input = await validated(PlanComplaintInspectionDto, { auditorId: values.auditorId, gepland: this.planning.plannedAt(web, values.datum, values.tijd) });
      await this.complaints.planInspection(web.user.principal, complaint.id, { auditorId: input.auditorId, plannedAt: new Date(input.gepland) });
      redirect(reply, `${COMPLAINTS_PATH}/${complaint.id}?gepland=1`);
    } catch (error) {
      await this.planning.refused(reply, web, error, form);
    }
  }

  @Post(':id/afhandeling')
  async close(@Web() web: SignedInContext, @Param('id') id: string, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const complaintId = uuidOr404(id, 'The complaint');
    const resolution = text(body, 'toelichting');
    try {
      const input = await validated(CloseComplaintDto, { toelichting: resolution });
      await this.complaints.close(web.user.principal, complaintId, input.toelichting ?? '');
      redirect(reply, `${COMPLAINTS_PATH}/${complaintId}?afgehandeld=1`);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) throw error;
      const errors = { toelichting: adminText(web).describeWhatWasDoneComplaint };
      await this.sendComplaint(reply, web, complaintId, errors, resolution, 400);
    }
  }

  private async sendComplaint(reply: FastifyReply, web: SignedInContext, id: string, errors: FieldErrors, resolution: string | undefined, status: number, notice?: string): Promise<void> {
    const complaint = await this.complaints.get(web.user.principal, id);
    const location = complaint.locationId ? await this.locations.getVisible(web.user.principal, complaint.locationId) : undefined;
    const inspection = complaint.inspectionId ? await this.inspections.get(web.user.principal, complaint.inspectionId) : undefined;
    const open = complaint.status !== 'afgehandeld';
    const body: Html = html`${errorSummary(web, errors)}
      <div class="card">
        <dl class="facts">
          <dt>${adminText(web).status}</dt><dd>${statusBadge(web, 'complaint', complaint.status)}</dd>
          <dt>${adminText(web).received}</dt><dd>${formatDateTime(web, complaint.createdAt)}</dd>
          <dt>${adminText(web).about}</dt><dd>${subjectOf(web, complaint, location)}${complaint.flag ? html` ${statusBadgeOfFlag(web, complaint.flag)}` : ''}</dd>
          ${complaint.certificateNumber ? html`<dt>${adminText(web).certificateNumber}</dt><dd>${complaint.certificateNumber}</dd>` : ''}
          <dt>${adminText(web).language}</dt><dd>${complaint.language}</dd>
          ${inspection ? html`<dt>${adminText(web).inspection}</dt><dd>${kindText(web, inspection.kind)}, ${formatDateTime(web, inspection.plannedAt)} ${statusBadge(web, 'inspection', inspection.status)}</dd>` : ''}
          ${complaint.resolution ? html`<dt>${adminText(web).resolution}</dt><dd>${complaint.resolution}</dd>` : ''}
        </dl>
        <h2>${adminText(web).complaint}</h2>
        <p class="complaint-text" lang="${complaint.language}">${complaint.description}</p>
      </div>
      ${open && location && !complaint.inspectionId ? html`<p><a class="button" href="${COMPLAINTS_PATH}/${complaint.id}/inspectie">${adminText(web).planAnUnannouncedInspection}</a></p>` : ''}
      ${open && !location ? html`<p class="warning">${adminText(web).thisComplaintNamesNoKnown}</p>` : ''}
      ${open ? html`<form method="post" action="${COMPLAINTS_PATH}/${complaint.id}/afhandeling" class="card" novalidate>
        <h2>${adminText(web).close}</h2>
        ${csrfField(web)}
        ${textareaField({ name: 'toelichting', label: adminText(web).whatWasDoneComplaint, value: resolution, error: errors.toelichting, rows: 4 })}
        <div class="actions"><button type="submit" data-confirm="${adminText(web).closeComplaintFinal}">${adminText(web).closeComplaint}</button></div>
      </form>` : ''}
      <p><a href="${COMPLAINTS_PATH}">${adminText(web).allComplaints}</a></p>`;
    sendPage(reply, web, page(web, { title: adminText(web).complaintReference(complaint.reference), body, notice, styles: ['admin.css'] }), status);
  }

  /** The complaint's location; a complaint without one cannot be planned (the service says so with 409). */
  private async locationOf(complaint: ComplaintEntity): Promise<LocationEntity> {
    if (!complaint.locationId) throw AppException.conflict('The complaint names no known location.');
    return this.locations.getById(complaint.locationId);
  }

  private async locationsOf(complaints: ComplaintEntity[]): Promise<Map<string, LocationEntity>> {
    const ids = [...new Set(complaints.map((c) => c.locationId).filter((id): id is string => Boolean(id)))];
    const found = await Promise.all(ids.map((id) => this.locations.getById(id)));
    return new Map(found.map((l) => [l.id, l]));
  }
}

function statusBadgeOfFlag(web: WebContext, flag: string): Html {
  return html`<span class="badge badge--warn">${adminText(web).complaintFlags[flag] ?? flag}</span>`;
}
