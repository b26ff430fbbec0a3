import { Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LocationService } from '@keurmerk/locations';
import { OBJECTION_STATUSES, ObjectionService, type ObjectionStatus } from '@keurmerk/objections';
import { sendPage } from '../layout';
import { pageRequest, uuidOr404 } from '../shared/page-parts';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { adminObjectionPage, adminObjectionsPage } from './admin-objections.views';

type Fields = Record<string, unknown>;

/** The beheerder's overview of every objection: what waits, and which are past their beslistermijn (first, highlighted). */
@WebController('app/beheer/bezwaren', 'beheerder')
export class AdminObjectionsController {
  constructor(
    private readonly objections: ObjectionService,
    private readonly locations: LocationService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const status = OBJECTION_STATUSES.includes(query.status as ObjectionStatus) ? (query.status as ObjectionStatus) : undefined;
    const found = await this.objections.list(principal, pageRequest(query.pagina), { status });
    const { open, overdue } = await this.objections.openCounts(principal);
    const places = await this.locations.visibleByIds(
      principal,
      found.items.map((item) => item.locationId),
    );
    sendPage(reply, web, adminObjectionsPage(web, { found, places, status, open, overdue }));
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const objection = await this.objections.get(principal, uuidOr404(id, 'The objection'));
    const location = (await this.locations.visibleByIds(principal, [objection.locationId])).get(objection.locationId);
    sendPage(reply, web, adminObjectionPage(web, objection, location));
  }
}
