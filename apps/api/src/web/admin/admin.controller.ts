import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { AppException, AppErrorCode, MAX_PAGE_SIZE } from '@keurmerk/common';
import { INSPECTION_KINDS, InspectionService } from '@keurmerk/inspections';
import { ApplicationService, type LocationEntity, LocationService } from '@keurmerk/locations';
import { PlanInspectionDto } from '../../inspections/dto/inspection.dto';
import { redirect, sendPage } from '../layout';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { AdminOverviewService } from './admin-overview.service';
import { pageRequest, text, uuidOr404, validated } from '../shared/page-parts';
import { AdminPlanning, FIRST_TIME } from './planning.service';
import { overviewPage, planningPage } from './admin.views';
import { conflictsBox, conflictText, type PlanFormValues, PLANNING_PATH } from './planning.view';

type Fields = Record<string, unknown>;

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
    const [overview, planning] = await Promise.all([this.overviews.overview(web.now), this.planningForms.counts(web)]);
    sendPage(reply, web, overviewPage(web, overview, planning));
  }

  /**
   * The planning page: open planning requests by deadline (overdue marked), the auditors' load,
   * applications waiting for an inspection (with how many of their required documents are there), and the inspections planned.
   */
  @Get('keuringen')
  async planning(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const overview = await this.planningForms.overview(web, query.pagina);
    const waiting = await this.applications.list(principal, pageRequest(query.aanvragen), { status: 'ingediend' });
    const planned = await this.inspections.list(principal, { page: 1, pageSize: MAX_PAGE_SIZE }, { status: 'gepland' });
    const places = await this.locationsById(principal, [
      ...waiting.items.map((a) => a.locationId),
      ...planned.items.map((i) => i.locationId),
    ]);
    const auditors = new Map((await this.planningForms.auditors()).map((a) => [a.id, a]));
    const documents = await this.applications.requiredDocumentCounts(
      principal,
      waiting.items.map((a) => a.id),
    );
    sendPage(
      reply,
      web,
      planningPage(web, { waiting, documents, planned, places, auditors, overview, justPlanned: query.gepland === '1' }),
    );
  }

  /** The planning form; from a planning request (`verzoek`) with its location and kind (`soort`) filled in. */
  @Get('keuringen/nieuw')
  async planPage(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const location = await this.locations.getVisible(web.user.principal, uuidOr404(String(query.locatie ?? ''), 'The location'));
    const kind = INSPECTION_KINDS.find((k) => k === query.soort) ?? 'initieel';
    await this.planningForms.send(reply, web, {
      location,
      values: { locatieId: location.id, auditorId: '', soort: kind, datum: this.planningForms.firstDate(web.now), tijd: FIRST_TIME },
      request: await this.planningForms.requestContext(web, text(query, 'verzoek'), location),
    });
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
      reply
        .status(error.code === AppErrorCode.NotFound ? 404 : 400)
        .header('Cache-Control', 'no-store')
        .send({ conflicten: null, html: '' });
    }
  }

  @Post('keuringen')
  async plan(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values: PlanFormValues = {
      locatieId: text(body, 'locatieId'),
      auditorId: text(body, 'auditorId'),
      soort: text(body, 'soort'),
      datum: text(body, 'datum').trim(),
      tijd: text(body, 'tijd').trim(),
    };
    const location = await this.locations.getVisible(web.user.principal, uuidOr404(values.locatieId, 'The location'));
    const request = await this.planningForms.requestContext(web, text(body, 'verzoek'), location);
    if (text(body, 'actie') === 'controleren') {
      await this.planningForms.check(reply, web, { location, values, request });
      return;
    }
    try {
      const input = await validated(PlanInspectionDto, {
        locatieId: location.id,
        auditorId: values.auditorId,
        soort: values.soort,
        gepland: this.planningForms.plannedAt(web, values.datum, values.tijd),
      });
      await this.inspections.plan(web.user.principal, {
        locationId: input.locatieId,
        auditorId: input.auditorId,
        kind: input.soort,
        plannedAt: new Date(input.gepland),
      });
      redirect(reply, `${PLANNING_PATH}?gepland=1`);
    } catch (error) {
      await this.planningForms.refused(reply, web, error, { location, values, request });
    }
  }

  private async locationsById(principal: PersonPrincipal, ids: string[]): Promise<Map<string, LocationEntity>> {
    return this.locations.visibleByIds(principal, ids);
  }
}
