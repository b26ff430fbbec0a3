import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { AppException, AppErrorCode, MAX_PAGE_SIZE } from '@keurmerk/common';
import { InspectionService } from '@keurmerk/inspections';
import { ApplicationService, type LocationEntity, LocationService } from '@keurmerk/locations';
import { PlanInspectionDto } from '../../inspections/dto/inspection.dto';
import { emptyState, html, page, redirect, sendPage } from '../layout';
import { statusBadge } from '../labels';
import { formatDate, formatDateTime, formatNumber, type SignedInContext, t } from '../web-context';
import { Web, WebController } from '../web.guard';
import { AdminOverviewService, type StatusCounts } from './admin-overview.service';
import { addressLine, amsterdamParts, pageRequest, pager, text, uuidOr404, validated } from './page-parts';
import { AdminPlanning } from './planning.service';
import { conflictsBox, conflictText, kindText, type PlanFormValues, PLANNING_PATH } from './planning.view';

type Fields = Record<string, unknown>;

const STATUS_ORDER: Record<string, string[]> = {
  application: ['ingediend', 'in-behandeling', 'afgerond', 'ingetrokken'],
  inspection: ['gepland', 'in-uitvoering', 'ingediend', 'besloten'],
  certificate: ['uitgifte', 'geldig', 'geschorst', 'ingetrokken', 'verlopen'],
  complaint: ['ontvangen', 'in-behandeling', 'afgehandeld'],
};

/**
 * The beheerder's overview and the planning of inspections. Planning is InspectionService.plan, the
 * REST POST /v1/inspecties's own call; the conflict check shown before submitting is its own rule,
 * InspectionService.conflictsOf.
 */
@WebController('app/beheer', 'beheerder')
export class AdminPagesController {
  constructor(
    private readonly overviews: AdminOverviewService,
    private readonly inspections: InspectionService,
    private readonly applications: ApplicationService,
    private readonly locations: LocationService,
    private readonly planningForms: AdminPlanning,
  ) {}

  @Get()
  async home(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    const overview = await this.overviews.overview(web.now);
    const block = (title: string, kind: string, counts: StatusCounts, link: (status: string) => string | undefined) => html`<section class="card">
      <h2>${title}</h2>
      <ul class="stats">${STATUS_ORDER[kind].map((status) => {
        const href = link(status);
        const inner = html`<strong>${formatNumber(web, counts[status] ?? 0)}</strong>${statusBadge(web, kind, status)}`;
        return html`<li>${href ? html`<a href="${href}">${inner}</a>` : inner}</li>`;
      })}</ul>
    </section>`;
    const overdue = overview.overdueFindings;
    const body = html`
      <div class="cols">
        ${block(t(web, 'Aanvragen', 'Applications'), 'application', overview.applications, (s) => (s === 'ingediend' ? PLANNING_PATH : undefined))}
        ${block(t(web, 'Keuringen', 'Inspections'), 'inspection', overview.inspections, () => undefined)}
        ${block(t(web, 'Certificaten', 'Certificates'), 'certificate', overview.certificates, () => undefined)}
        ${block(t(web, 'Meldingen', 'Complaints'), 'complaint', overview.complaints, (s) => `/app/beheer/meldingen?status=${s}`)}
      </div>
      <section class="card" aria-labelledby="achterstallig">
        <h2 id="achterstallig">${t(web, 'Bevindingen over de hersteltermijn', 'Findings past their repair deadline')} <span class="count">(${formatNumber(web, overdue.total)})</span></h2>
        ${overdue.total === 0
          ? html`<p>${t(web, 'Geen open bevindingen over hun termijn.', 'No open findings past their deadline.')}</p>`
          : html`<div class="table-wrap"><table class="stack">
              <thead><tr><th>${t(web, 'Locatie', 'Location')}</th><th>${t(web, 'Criterium', 'Criterion')}</th><th>${t(web, 'Ernst', 'Severity')}</th><th>${t(web, 'Termijn', 'Deadline')}</th></tr></thead>
              <tbody>${overdue.first.map((f) => html`<tr>
                <td data-label="${t(web, 'Locatie', 'Location')}">${f.address}</td>
                <td data-label="${t(web, 'Criterium', 'Criterion')}">${f.criterionCode}</td>
                <td data-label="${t(web, 'Ernst', 'Severity')}">${statusBadge(web, 'severity', f.severity)}</td>
                <td data-label="${t(web, 'Termijn', 'Deadline')}">${formatDate(web, f.repairDeadline)}</td></tr>`)}</tbody>
            </table></div>
            ${overdue.total > overdue.first.length ? html`<p class="muted">${t(web, `De ${overdue.first.length} oudste van ${overdue.total}.`, `The oldest ${overdue.first.length} of ${overdue.total}.`)}</p>` : ''}`}
      </section>`;
    sendPage(reply, web, page(web, { title: t(web, 'Overzicht', 'Overview'), body, styles: ['admin.css'] }));
  }

  /** Applications waiting for an inspection, and the inspections planned. */
  @Get('keuringen')
  async planning(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const waiting = await this.applications.list(principal, pageRequest(query.pagina), { status: 'ingediend' });
    const planned = await this.inspections.list(principal, { page: 1, pageSize: MAX_PAGE_SIZE }, { status: 'gepland' });
    const places = await this.locationsById(principal, [...waiting.items.map((a) => a.locationId), ...planned.items.map((i) => i.locationId)]);
    const auditors = new Map((await this.planningForms.auditors()).map((a) => [a.id, a]));
    const place = (id: string) => (places.get(id) ? addressLine(places.get(id)!) : id);
    const body = html`
      <section aria-labelledby="wachtend">
        <h2 id="wachtend">${t(web, 'Aanvragen die op een keuring wachten', 'Applications waiting for an inspection')}</h2>
        ${waiting.total === 0
          ? emptyState(t(web, 'Geen aanvragen die op een keuring wachten.', 'No applications are waiting for an inspection.'))
          : html`<div class="table-wrap"><table class="stack">
              <thead><tr><th>${t(web, 'Locatie', 'Location')}</th><th>${t(web, 'Aangevraagd', 'Applied')}</th><th><span class="visually-hidden">${t(web, 'Actie', 'Action')}</span></th></tr></thead>
              <tbody>${waiting.items.map((a) => html`<tr>
                <td data-label="${t(web, 'Locatie', 'Location')}">${place(a.locationId)}</td>
                <td data-label="${t(web, 'Aangevraagd', 'Applied')}">${formatDate(web, a.createdAt)}</td>
                <td><a class="button button--secondary" href="${PLANNING_PATH}/nieuw?locatie=${a.locationId}">${t(web, 'Keuring plannen', 'Plan inspection')}<span class="visually-hidden"> ${place(a.locationId)}</span></a></td></tr>`)}</tbody>
            </table></div>${pager(web, PLANNING_PATH, waiting)}`}
      </section>
      <section aria-labelledby="gepland">
        <h2 id="gepland">${t(web, 'Geplande keuringen', 'Planned inspections')}</h2>
        ${planned.total === 0
          ? emptyState(t(web, 'Er zijn geen keuringen gepland.', 'No inspections are planned.'))
          : html`<div class="table-wrap"><table class="stack">
              <thead><tr><th>${t(web, 'Wanneer', 'When')}</th><th>${t(web, 'Locatie', 'Location')}</th><th>${t(web, 'Soort', 'Kind')}</th><th>${t(web, 'Auditor', 'Auditor')}</th></tr></thead>
              <tbody>${planned.items.map((i) => html`<tr>
                <td data-label="${t(web, 'Wanneer', 'When')}">${formatDateTime(web, i.plannedAt)}</td>
                <td data-label="${t(web, 'Locatie', 'Location')}">${place(i.locationId)}</td>
                <td data-label="${t(web, 'Soort', 'Kind')}">${kindText(web, i.kind)}</td>
                <td data-label="${t(web, 'Auditor', 'Auditor')}">${auditors.get(i.auditorId)?.name ?? ''}</td></tr>`)}</tbody>
            </table></div>`}
      </section>`;
    const notice = query.gepland === '1' ? t(web, 'De keuring is gepland.', 'The inspection has been planned.') : undefined;
    sendPage(reply, web, page(web, { title: t(web, 'Keuringen plannen', 'Plan inspections'), body, notice, styles: ['admin.css'] }));
  }

  @Get('keuringen/nieuw')
  async planPage(@Web() web: SignedInContext, @Query('locatie') locationId: unknown, @Res() reply: FastifyReply): Promise<void> {
    const location = await this.locations.getVisible(web.user.principal, uuidOr404(String(locationId ?? ''), 'The location'));
    const tomorrow = amsterdamParts(new Date(web.now.getTime() + 24 * 3600_000)).date;
    await this.planningForms.send(reply, web, { location, values: { locatieId: location.id, auditorId: '', soort: 'initieel', datum: tomorrow, tijd: '09:00' } });
  }

  /** The script's conflict check while choosing: the same rule and the same words as the form. */
  @Get('keuringen/conflicten')
  async conflictsJson(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    try {
      const location = await this.locations.getVisible(web.user.principal, uuidOr404(String(query.locatieId ?? ''), 'The location'));
      const conflicts = await this.planningForms.conflictsFor(location, String(query.auditorId ?? ''), String(query.datum ?? ''), web.now);
      reply.header('Cache-Control', 'no-store').send({
        conflicten: conflicts?.map((reason) => conflictText(web, reason)) ?? null,
        html: conflictsBox(web, conflicts).markup,
      });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      reply.status(error.code === AppErrorCode.NotFound ? 404 : 400).header('Cache-Control', 'no-store').send({ conflicten: null, html: '' });
    }
  }

  @Post('keuringen')
  async plan(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values: PlanFormValues = { locatieId: text(body, 'locatieId'), auditorId: text(body, 'auditorId'), soort: text(body, 'soort'), datum: text(body, 'datum').trim(), tijd: text(body, 'tijd').trim() };
    const location = await this.locations.getVisible(web.user.principal, uuidOr404(values.locatieId, 'The location'));
    if (text(body, 'actie') === 'controleren') {
      await this.planningForms.check(reply, web, { location, values });
      return;
    }
    try {
      const input = await validated(PlanInspectionDto, {
        locatieId: location.id,
        auditorId: values.auditorId,
        soort: values.soort,
        gepland: this.planningForms.plannedAt(web, values.datum, values.tijd),
      });
      await this.inspections.plan(web.user.principal, { locationId: input.locatieId, auditorId: input.auditorId, kind: input.soort, plannedAt: new Date(input.gepland) });
      redirect(reply, `${PLANNING_PATH}?gepland=1`);
    } catch (error) {
      await this.planningForms.refused(reply, web, error, { location, values });
    }
  }

  private async locationsById(principal: PersonPrincipal, ids: string[]): Promise<Map<string, LocationEntity>> {
    return this.locations.visibleByIds(principal, ids);
  }
}
