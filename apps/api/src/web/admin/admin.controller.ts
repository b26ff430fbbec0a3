import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { AppException, AppErrorCode, MAX_PAGE_SIZE } from '@keurmerk/common';
import { InspectionService } from '@keurmerk/inspections';
import { ApplicationService, type LocationEntity, LocationService } from '@keurmerk/locations';
import { PlanInspectionDto } from '../../inspections/dto/inspection.dto';
import { emptyState, html, page, redirect, sendPage } from '../layout';
import { statusBadge, type StatusKind } from '../labels';
import { formatDate, formatDateTime, formatNumber, type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { AdminOverviewService, type StatusCounts } from './admin-overview.service';
import { addressLine, amsterdamParts, pageRequest, pager, text, uuidOr404, validated } from '../shared/page-parts';
import { AdminPlanning } from './planning.service';
import { conflictsBox, conflictText, kindText, type PlanFormValues, PLANNING_PATH } from './planning.view';
import { adminText } from './admin.texts';

type Fields = Record<string, unknown>;

const STATUS_ORDER: Partial<Record<StatusKind, string[]>> = {
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
    const block = (title: string, kind: StatusKind, counts: StatusCounts, link: (status: string) => string | undefined) => html`<section class="card">
      <h2>${title}</h2>
      <ul class="stats">${(STATUS_ORDER[kind] ?? []).map((status) => {
        const href = link(status);
        const inner = html`<strong>${formatNumber(web, counts[status] ?? 0)}</strong>${statusBadge(web, kind, status)}`;
        return html`<li>${href ? html`<a href="${href}">${inner}</a>` : inner}</li>`;
      })}</ul>
    </section>`;
    const overdue = overview.overdueFindings;
    const body = html`
      <div class="cols">
        ${block(adminText(web).applications, 'application', overview.applications, (s) => (s === 'ingediend' ? PLANNING_PATH : undefined))}
        ${block(adminText(web).inspections, 'inspection', overview.inspections, () => undefined)}
        ${block(adminText(web).certificates, 'certificate', overview.certificates, () => undefined)}
        ${block(adminText(web).complaints, 'complaint', overview.complaints, (s) => `/app/beheer/meldingen?status=${s}`)}
      </div>
      <section class="card" aria-labelledby="achterstallig">
        <h2 id="achterstallig">${adminText(web).findingsPastTheirRepairDeadline} <span class="count">(${formatNumber(web, overdue.total)})</span></h2>
        ${overdue.total === 0
          ? html`<p>${adminText(web).noOpenFindingsPastTheir}</p>`
          : html`<div class="table-wrap"><table class="stack">
              <thead><tr><th>${adminText(web).location}</th><th>${adminText(web).criterion}</th><th>${adminText(web).severity}</th><th>${adminText(web).deadline}</th></tr></thead>
              <tbody>${overdue.first.map((f) => html`<tr>
                <td data-label="${adminText(web).location}">${f.address}</td>
                <td data-label="${adminText(web).criterion}">${f.criterionCode}</td>
                <td data-label="${adminText(web).severity}">${statusBadge(web, 'severity', f.severity)}</td>
                <td data-label="${adminText(web).deadline}">${formatDate(web, f.repairDeadline)}</td></tr>`)}</tbody>
            </table></div>
            ${overdue.total > overdue.first.length ? html`<p class="muted">${adminText(web).theOldestOf(overdue.first.length, overdue.total)}</p>` : ''}`}
      </section>`;
    sendPage(reply, web, page(web, { title: adminText(web).overview, body, styles: ['admin.css'] }));
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
        <h2 id="wachtend">${adminText(web).applicationsWaitingInspection}</h2>
        ${waiting.total === 0
          ? emptyState(adminText(web).noApplicationsWaitingInspection)
          : html`<div class="table-wrap"><table class="stack">
              <thead><tr><th>${adminText(web).location}</th><th>${adminText(web).applied}</th><th><span class="visually-hidden">${adminText(web).action}</span></th></tr></thead>
              <tbody>${waiting.items.map((a) => html`<tr>
                <td data-label="${adminText(web).location}">${place(a.locationId)}</td>
                <td data-label="${adminText(web).applied}">${formatDate(web, a.createdAt)}</td>
                <td><a class="button button--secondary" href="${PLANNING_PATH}/nieuw?locatie=${a.locationId}">${adminText(web).planInspection}<span class="visually-hidden"> ${place(a.locationId)}</span></a></td></tr>`)}</tbody>
            </table></div>${pager(web, PLANNING_PATH, waiting)}`}
      </section>
      <section aria-labelledby="gepland">
        <h2 id="gepland">${adminText(web).plannedInspections}</h2>
        ${planned.total === 0
          ? emptyState(adminText(web).noInspectionsArePlanned)
          : html`<div class="table-wrap"><table class="stack">
              <thead><tr><th>${adminText(web).when}</th><th>${adminText(web).location}</th><th>${adminText(web).kind}</th><th>${adminText(web).auditor}</th></tr></thead>
              <tbody>${planned.items.map((i) => html`<tr>
                <td data-label="${adminText(web).when}">${formatDateTime(web, i.plannedAt)}</td>
                <td data-label="${adminText(web).location}">${place(i.locationId)}</td>
                <td data-label="${adminText(web).kind}">${kindText(web, i.kind)}</td>
                <td data-label="${adminText(web).auditor}">${auditors.get(i.auditorId)?.name ?? ''}</td></tr>`)}</tbody>
            </table></div>`}
      </section>`;
    const notice = query.gepland === '1' ? adminText(web).theInspectionHasBeenPlanned : undefined;
    sendPage(reply, web, page(web, { title: adminText(web).planInspections, body, notice, styles: ['admin.css'] }));
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
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await this.locations.visibleQuery(principal).andWhere('location.id IN (:...ids)', { ids: unique }).getMany();
    return new Map(found.map((location) => [location.id, location]));
  }
}
