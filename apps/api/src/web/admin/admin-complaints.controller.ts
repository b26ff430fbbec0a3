import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CertificateQueryService } from '@keurmerk/certificates';
import { AppException } from '@keurmerk/common';
import { COMPLAINT_STATUSES, type ComplaintEntity, ComplaintService, type ComplaintStatus } from '@keurmerk/complaints';
import { InspectionService } from '@keurmerk/inspections';
import { type LocationEntity, LocationService } from '@keurmerk/locations';
import { addDays, dateInAmsterdam } from '@keurmerk/norm';
import { PlanningRequestService } from '@keurmerk/surveillance';
import { CloseComplaintDto, PlanComplaintInspectionDto } from '../../complaints/complaint.dto';
import { type FieldErrors, redirect, sendPage } from '../layout';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { pageRequest, text, uuidOr404, validated } from '../shared/page-parts';
import { AdminPlanning, FIRST_TIME } from './planning.service';
import { type PlanFormValues } from './planning.view';
import { adminText } from './admin.texts';
import { complaintPage, COMPLAINTS_PATH, complaintsPage, type LocationCertificate } from './admin-complaints.views';

type Fields = Record<string, unknown>;

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
    private readonly planningRequests: PlanningRequestService,
    private readonly certificates: CertificateQueryService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const status = COMPLAINT_STATUSES.includes(query.status as ComplaintStatus) ? (query.status as ComplaintStatus) : undefined;
    const found = await this.complaints.list(web.user.principal, pageRequest(query.pagina), { status });
    const places = await this.locationsOf(found.items);
    const certificates = await this.certificatesOf(web, [...places.keys()]);
    sendPage(reply, web, complaintsPage(web, { found, places, certificates, status }));
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notices: Record<string, string | undefined> = {
      gepland: adminText(web).theUnannouncedInspectionHasBeen,
      afgehandeld: adminText(web).theComplaintHasBeenClosed,
      verzoek: adminText(web).inspectionRequestOpened,
      verzoekBestond: adminText(web).inspectionRequestAlreadyOpen,
    };
    const notice = Object.keys(notices).find((key) => query[key] === '1');
    await this.sendComplaint(reply, web, uuidOr404(id, 'The complaint'), {}, undefined, 200, notice ? notices[notice] : undefined);
  }

  /**
   * "Inspectie nodig": the complaint needs an unannounced visit, to be planned from the planning page
   * with the other requests (ComplaintService.requestInspection opens the planning request).
   */
  @Post(':id/inspectie-nodig')
  async requestInspection(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const complaintId = uuidOr404(id, 'The complaint');
    const { planningRequestId } = await this.complaints.requestInspection(web.user.principal, complaintId);
    redirect(reply, `${COMPLAINTS_PATH}/${complaintId}?${planningRequestId ? 'verzoek' : 'verzoekBestond'}=1`);
  }

  /** Without script, "check" and "plan" post here; the planning form is the same as for applications. */
  @Get(':id/inspectie')
  async planPage(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const complaint = await this.complaints.get(web.user.principal, uuidOr404(id, 'The complaint'));
    const location = await this.locationOf(complaint);
    const tomorrow = addDays(dateInAmsterdam(web.now), 1);
    await this.planning.send(reply, web, {
      location,
      values: { locatieId: location.id, auditorId: '', soort: 'onaangekondigd', datum: tomorrow, tijd: FIRST_TIME },
      action: `${COMPLAINTS_PATH}/${complaint.id}/inspectie`,
      fixedKind: true,
    });
  }

  @Post(':id/inspectie')
  async plan(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const complaint = await this.complaints.get(web.user.principal, uuidOr404(id, 'The complaint'));
    const location = await this.locationOf(complaint);
    const values: PlanFormValues = {
      locatieId: location.id,
      auditorId: text(body, 'auditorId'),
      soort: 'onaangekondigd',
      datum: text(body, 'datum').trim(),
      tijd: text(body, 'tijd').trim(),
    };
    const form = { location, values, action: `${COMPLAINTS_PATH}/${complaint.id}/inspectie`, fixedKind: true };
    if (text(body, 'actie') === 'controleren') {
      await this.planning.check(reply, web, form);
      return;
    }
    try {
      const input = await validated(PlanComplaintInspectionDto, {
        auditorId: values.auditorId,
        gepland: this.planning.plannedAt(web, values.datum, values.tijd),
      });
      await this.complaints.planInspection(web.user.principal, complaint.id, {
        auditorId: input.auditorId,
        plannedAt: new Date(input.gepland),
      });
      redirect(reply, `${COMPLAINTS_PATH}/${complaint.id}?gepland=1`);
    } catch (error) {
      await this.planning.refused(reply, web, error, form);
    }
  }

  @Post(':id/afhandeling')
  async close(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
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

  private async sendComplaint(
    reply: FastifyReply,
    web: SignedInContext,
    id: string,
    errors: FieldErrors,
    resolution: string | undefined,
    status: number,
    notice?: string,
  ): Promise<void> {
    const complaint = await this.complaints.get(web.user.principal, id);
    const location = complaint.locationId ? await this.locations.getVisible(web.user.principal, complaint.locationId) : undefined;
    const inspection = complaint.inspectionId ? await this.inspections.get(web.user.principal, complaint.inspectionId) : undefined;
    const requests = location ? await this.planningRequests.openAt(web.user.principal, location.id) : [];
    sendPage(reply, web, complaintPage(web, { complaint, location, inspection, requests, errors, resolution, notice }), status);
  }

  /** The complaint's location; a complaint without one cannot be planned (the service says so with 409). */
  private async locationOf(complaint: ComplaintEntity): Promise<LocationEntity> {
    if (!complaint.locationId) throw AppException.conflict('The complaint names no known location.');
    return this.locations.getById(complaint.locationId);
  }

  /** Each location's live certificate (geldig or geschorst), else its newest; a location has few. */
  private async certificatesOf(web: SignedInContext, locationIds: string[]): Promise<Map<string, LocationCertificate>> {
    const found = await Promise.all(
      locationIds.map(async (locationId) => {
        const { items } = await this.certificates.list(web.user.principal, { page: 1, pageSize: 10 }, { locationId });
        const chosen = items.find((c) => c.status === 'geldig' || c.status === 'geschorst') ?? items[0];
        return [locationId, chosen] as const;
      }),
    );
    const certificates = new Map<string, LocationCertificate>();
    for (const [locationId, chosen] of found) if (chosen) certificates.set(locationId, { number: chosen.number, status: chosen.status });
    return certificates;
  }

  private async locationsOf(complaints: ComplaintEntity[]): Promise<Map<string, LocationEntity>> {
    const ids = [...new Set(complaints.map((c) => c.locationId).filter((id): id is string => Boolean(id)))];
    const found = await Promise.all(ids.map((id) => this.locations.getById(id)));
    return new Map(found.map((l) => [l.id, l]));
  }
}
