import { Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccountService, MunicipalityService } from '@keurmerk/accounts';
import { MAX_PAGE_SIZE } from '@keurmerk/common';
import { ApplicationService, LocationService } from '@keurmerk/locations';
import { page, sendPage } from '../layout';
import { addressLine, uuidOr404 } from '../shared/page-parts';
import { sendStoredFile } from '../shared/stored-file';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { adminApplicationBody } from './admin-applications.views';
import { PLANNING_PATH } from './planning.view';
import { adminText } from './admin.texts';

/**
 * An application as the beheerder judges it before planning: the location and its required documents,
 * present or missing, each to open. Reading only; documents and visibility are ApplicationService's.
 */
@WebController('app/beheer/aanvragen', 'beheerder')
export class AdminApplicationsController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly locations: LocationService,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const application = await this.applications.getVisible(principal, uuidOr404(id, 'The application'));
    const location = await this.locations.getVisible(principal, application.locationId);
    const [documents, counts, municipality, landlord] = await Promise.all([
      this.applications.listDocuments(principal, application.id, { page: 1, pageSize: MAX_PAGE_SIZE }),
      this.applications.requiredDocumentCounts(principal, [application.id]),
      this.municipalities.find(location.municipalityCode),
      this.accounts.getOrganisation(location.organisationId),
    ]);
    const body = adminApplicationBody(web, {
      application,
      location,
      municipalityName: municipality?.name,
      landlordName: landlord.name,
      documents: documents.items,
      count: counts.get(application.id)!,
    });
    const title = adminText(web).applicationOf(addressLine(location));
    sendPage(reply, web, page(web, { title, body, styles: ['admin.css'], menuItem: PLANNING_PATH }));
  }

  /** A document of the application, where it is judged. */
  @Get(':id/documenten/:documentId')
  async document(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, bytes } = await this.applications.documentContent(
      web.user.principal,
      uuidOr404(id, 'The application'),
      uuidOr404(documentId, 'The document'),
    );
    sendStoredFile(reply, document, bytes);
  }
}
