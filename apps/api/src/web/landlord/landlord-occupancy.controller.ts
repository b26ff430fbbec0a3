import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppException, type InvalidParam } from '@keurmerk/common';
import { LocationService } from '@keurmerk/locations';
import { isIsoDate } from '@keurmerk/norm';
import { OccupancyService } from '@keurmerk/occupancy';
import { page, redirect, sendPage } from '../layout';
import { addressLine, uuidOr404 } from '../shared/page-parts';
import { featureRefusalText } from '../shared/refusal-texts';
import { formatDate, formatNumber, type SignedInContext, today, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { landlordText } from './landlord.texts';
import { occupancyBody, occupancyPath, type OccupancyPageData } from './landlord-occupancy.views';

/** The last reports shown on the page (a landlord reporting monthly: two years). */
const SHOWN_REPORTS = 24;

function problemText(web: WebContext, param: InvalidParam): string {
  return param.name === 'peildatum' ? landlordText(web).enterDateNotAfterToday : landlordText(web).enterResidents;
}

/**
 * The landlord's occupancy page per location: what it last reported and a form to report again.
 * Whether the location is its own and what counts as valid are OccupancyService's to say.
 */
@WebController('app/locaties', 'verhuurder')
export class LandlordOccupancyController {
  constructor(
    private readonly locations: LocationService,
    private readonly occupancy: OccupancyService,
  ) {}

  @Get(':id/bezetting')
  async form(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    const data = await this.dataOf(web, uuidOr404(id, 'The location'), {}, {});
    const notice =
      typeof query.gemeld === 'string' && /^\d{1,5}$/.test(query.gemeld) && typeof query.op === 'string' && isIsoDate(query.op)
        ? landlordText(web).reported(formatNumber(web, Number(query.gemeld)), formatDate(web, query.op))
        : undefined;
    this.send(reply, web, data, 200, notice);
  }

  @Post(':id/bezetting')
  async report(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const values = {
      peildatum: typeof body?.peildatum === 'string' ? body.peildatum.trim().slice(0, 10) : '',
      aantalBewoners: typeof body?.aantalBewoners === 'string' ? body.aantalBewoners.trim().slice(0, 6) : '',
    };
    const residents = /^\d{1,5}$/.test(values.aantalBewoners) ? Number(values.aantalBewoners) : values.aantalBewoners;
    try {
      const saved = await this.occupancy.report(web.user.principal, locationId, { referenceDate: values.peildatum, residents });
      redirect(reply, `${occupancyPath(locationId)}?gemeld=${saved.residents}&op=${saved.referenceDate}`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.invalidParams) {
        const errors = Object.fromEntries(error.invalidParams.map((param) => [param.name, problemText(web, param)]));
        const data = await this.dataOf(web, locationId, values, errors, landlordText(web).residentsNotReported);
        return this.send(reply, web, data, 400);
      }
      const message = featureRefusalText(web.language, error);
      if (!message) throw error;
      return this.send(reply, web, await this.dataOf(web, locationId, values, {}, message), 403);
    }
  }

  private async dataOf(
    web: SignedInContext,
    locationId: string,
    values: OccupancyPageData['values'],
    errors: OccupancyPageData['errors'],
    message?: string,
  ): Promise<OccupancyPageData> {
    const location = await this.locations.getVisible(web.user.principal, locationId);
    const reports = await this.occupancy.list(web.user.principal, location.id, { page: 1, pageSize: SHOWN_REPORTS });
    const maximum = reports.items[0]?.maximumResidents ?? (await this.occupancy.currentMaximum(location.id));
    return { location, reports, maximum, today: today(web.now), values, errors, message };
  }

  private send(reply: FastifyReply, web: SignedInContext, data: OccupancyPageData, status: number, notice?: string): void {
    const title = landlordText(web).residentsTitle(addressLine(data.location));
    sendPage(reply, web, page(web, { title, body: occupancyBody(web, data), styles: ['landlord.css'], notice }), status);
  }
}
