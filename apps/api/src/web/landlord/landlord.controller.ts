import { MAX_REPAIR_DESCRIPTION_LENGTH } from '@keurmerk/inspections';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { CertificateQueryService } from '@keurmerk/certificates';
import { AppErrorCode, AppException, type InvalidParam, MAX_PAGE_SIZE, type Page, type PageRequest } from '@keurmerk/common';
import { DocumentService } from '@keurmerk/documents';
import { FindingService, InspectionService } from '@keurmerk/inspections';
import { ApplicationService, LocationService } from '@keurmerk/locations';
import { findCriterion } from '@keurmerk/norm';
import { NormVersionService } from '@keurmerk/norm-versions';
import { readMultipart } from '../../http/upload';
import { contentDisposition } from '../../http/content-disposition';
import { addressLine, uuidOr404 } from '../shared/page-parts';
import { featureRefusalText } from '../shared/refusal-texts';
import { repairEvidenceContent, sendStoredFile } from '../shared/stored-file';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { type SignedInContext, today, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { LOCATION_FIELDS, locationFormValues, locationProblemText, newLocationOf } from './location-form';
import { deadlinesOf, groupByLocation, newestByLocation } from './location-overview';
import { type LocationDetail, locationBody, locationForm, locationPath, type LocationRow, locationsBody } from './landlord.views';
import { landlordText } from './landlord.texts';

const LIST_PAGE_SIZE = 50;
/** At most this many characters of a repair description (multipart fields are limited to 1 KiB). */
// As the REST route (POST /v1/bevindingen/{id}/herstelmeldingen).
const MAX_REPAIR_DESCRIPTION = MAX_REPAIR_DESCRIPTION_LENGTH;

/** Every page of a list the landlord may see (a landlord's certificates, findings, applications: few). */
async function allPages<T>(fetch: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let number = 1; ; number++) {
    const page = await fetch({ page: number, pageSize: MAX_PAGE_SIZE });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

function pageNumber(value: unknown): number {
  return typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1;
}

/** A file refused by the document checks, said in the landlord's words. */
function fileProblemText(web: WebContext, param: InvalidParam): string {
  if (param.code === 'too-large') return landlordText(web).theFileLargerThan10;
  if (param.code === 'empty' || param.code === 'required') return landlordText(web).chooseAFile;
  return landlordText(web).choosePdfJpegPngMost;
}

/**
 * The landlord's pages: its locations with certificate, deadlines and application; registering a
 * location; a location's applications, documents, inspections, findings and certificates. Every rule
 * and every "is this yours" is the services' (LocationService, ApplicationService, FindingService…):
 * another landlord's location is unknown to them, so its pages are 404 here.
 */
@WebController('app/locaties', 'verhuurder')
export class LandlordPagesController {
  constructor(
    private readonly locations: LocationService,
    private readonly applications: ApplicationService,
    private readonly inspections: InspectionService,
    private readonly findings: FindingService,
    private readonly certificates: CertificateQueryService,
    private readonly documents: DocumentService,
    private readonly norms: NormVersionService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query('pagina') pagina: unknown, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const locations = await this.locations.list(principal, { page: pageNumber(pagina), pageSize: LIST_PAGE_SIZE });
    const [certificates, findings, applications] = await Promise.all([
      allPages((request) => this.certificates.list(principal, request)),
      allPages((request) => this.findings.list(principal, request)),
      allPages((request) => this.applications.list(principal, request)),
    ]);
    const currentCertificate = newestByLocation(certificates);
    const latestApplication = newestByLocation(applications);
    const findingsByLocation = groupByLocation(findings);
    const day = today(web.now);
    const rows: LocationRow[] = locations.items.map((location) => {
      const certificate = currentCertificate.get(location.id);
      return {
        location,
        certificate,
        application: latestApplication.get(location.id),
        deadlines: deadlinesOf(findingsByLocation.get(location.id) ?? [], certificate, day),
      };
    });
    sendPage(
      reply,
      web,
      page(web, { title: landlordText(web).locations, body: locationsBody(web, rows, locations), styles: ['landlord.css'] }),
    );
  }

  @Get('nieuw')
  registerForm(@Web() web: SignedInContext, @Res() reply: FastifyReply): void {
    this.sendForm(reply, web, {}, {});
  }

  @Post('nieuw')
  async register(
    @Web() web: SignedInContext,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = locationFormValues(body);
    try {
      const location = await this.locations.create(web.user.principal, newLocationOf(values));
      redirect(reply, `${locationPath(location.id)}?geregistreerd=1`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.invalidParams) {
        // In the order of the form, so the summary reads top to bottom like the fields.
        const errors: FieldErrors = {};
        for (const name of LOCATION_FIELDS) {
          const param = error.invalidParams.find((problem) => problem.name === name);
          if (param) errors[name] = locationProblemText(web, param);
        }
        for (const param of error.invalidParams) errors[param.name] ??= locationProblemText(web, param);
        return this.sendForm(reply, web, values, errors, undefined, 400);
      }
      if (error.code === AppErrorCode.Conflict) {
        const message = featureRefusalText(web.language, error) ?? landlordText(web).aLocationAddressAlreadyRegistered;
        return this.sendForm(reply, web, values, {}, message, 409);
      }
      throw error;
    }
  }

  @Get(':id')
  async detail(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const detail = await this.detailOf(web.user.principal, uuidOr404(id, 'The location'), web.now);
    this.sendDetail(reply, web, detail, 200, this.noticeOf(web, query));
  }

  @Post(':id/aanvragen')
  async apply(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    try {
      await this.applications.create(web.user.principal, locationId);
      redirect(reply, `${locationPath(locationId)}?aangevraagd=1#aanvraag`);
    } catch (error) {
      if (!(error instanceof AppException) || error.code !== AppErrorCode.Conflict) throw error;
      const message = featureRefusalText(web.language, error) ?? landlordText(web).thisLocationAlreadyHasOpen;
      this.sendDetail(reply, web, { ...(await this.detailOf(web.user.principal, locationId, web.now)), message }, 409);
    }
  }

  @Post(':id/aanvragen/:applicationId/documenten')
  async upload(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('applicationId') applicationId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const application = await this.applicationAt(web.user.principal, uuidOr404(id, 'The location'), applicationId);
    try {
      const { file } = await readMultipart(request, { fileField: 'bestand' });
      await this.applications.addDocument(web.user.principal, application.id, file);
      redirect(reply, `${locationPath(application.locationId)}?document=1#aanvraag`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      const detail = await this.detailOf(web.user.principal, application.locationId, web.now);
      if (error.invalidParams) {
        const errors = { bestand: fileProblemText(web, error.invalidParams[0]) };
        return this.sendDetail(reply, web, { ...detail, errors, message: landlordText(web).theDocumentWasNotAdded }, 400);
      }
      if (error.code === AppErrorCode.Conflict) {
        const message = featureRefusalText(web.language, error) ?? landlordText(web).thisApplicationClosedNoMore;
        return this.sendDetail(reply, web, { ...detail, message }, 409);
      }
      throw error;
    }
  }

  @Get(':id/aanvragen/:applicationId/documenten/:documentId')
  async document(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('applicationId') applicationId: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const application = await this.applicationAt(web.user.principal, uuidOr404(id, 'The location'), applicationId);
    const { document, bytes } = await this.applications.documentContent(
      web.user.principal,
      application.id,
      uuidOr404(documentId, 'The document'),
    );
    sendStoredFile(reply, document, bytes);
  }

  @Post(':id/bevindingen/:findingId/herstel')
  async reportRepair(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('findingId') findingParam: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const findingId = uuidOr404(findingParam, 'The finding');
    const { finding } = await this.findings.get(web.user.principal, findingId);
    if (finding.locationId !== locationId) throw AppException.notFound('The finding');
    let description = '';
    try {
      const { file, fields } = await readMultipart(request, { fileField: 'bestand', fields: ['omschrijving'] });
      description = (fields.omschrijving ?? '').trim();
      if (!description) throw AppException.invalidField('omschrijving', 'required', 'A description is required.');
      if (description.length > MAX_REPAIR_DESCRIPTION)
        throw AppException.invalidField('omschrijving', 'too-long', `At most ${MAX_REPAIR_DESCRIPTION} characters.`);
      // A browser sends an empty file part when no file was chosen: the evidence is optional.
      await this.findings.reportRepair(web.user.principal, findingId, { description, evidence: file.bytes.length > 0 ? file : undefined });
      redirect(reply, `${locationPath(locationId)}?herstel=1#bevinding-${findingId}`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      const detail = await this.detailOf(web.user.principal, locationId, web.now);
      const repair = { findingId, description };
      if (error.invalidParams) {
        const errors: FieldErrors = {};
        for (const param of error.invalidParams) {
          errors[param.name === 'omschrijving' ? 'omschrijving' : 'bestand'] ??=
            param.name === 'omschrijving'
              ? param.code === 'too-long'
                ? landlordText(web).useAtMostCharacters(MAX_REPAIR_DESCRIPTION)
                : landlordText(web).describeWhatHasBeenRepaired
              : fileProblemText(web, param);
        }
        return this.sendDetail(reply, web, { ...detail, errors, repair, message: landlordText(web).theRepairWasNotReported }, 400);
      }
      if (error.code === AppErrorCode.Conflict) {
        const message = featureRefusalText(web.language, error) ?? landlordText(web).aRepairHasAlreadyBeen;
        return this.sendDetail(reply, web, { ...detail, message }, 409);
      }
      throw error;
    }
  }

  @Get(':id/bevindingen/:findingId/herstel/:reportId/:documentId')
  async repairEvidence(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('findingId') findingId: string,
    @Param('reportId') reportId: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    uuidOr404(id, 'The location');
    const { document, bytes } = await repairEvidenceContent(this.findings, this.documents, web.user.principal, {
      findingId,
      reportId,
      documentId,
    });
    sendStoredFile(reply, document, bytes);
  }

  /** A certificate PDF of this landlord's location only: the location is the landlord's, the certificate the location's. */
  @Get(':id/certificaten/:number')
  async certificatePdf(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('number') number: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const location = await this.locations.getVisible(web.user.principal, uuidOr404(id, 'The location'));
    const { certificate, bytes } = await this.certificates.pdf(number);
    if (certificate.locationId !== location.id) throw AppException.notFound(`Certificate ${number}`);
    reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', contentDisposition(`keurmerk-${certificate.number}.pdf`))
      .header('Content-Length', String(bytes.length))
      .header('Cache-Control', 'private, no-store')
      .send(bytes);
  }

  /** The application, checked to belong to the location in the address so links cannot cross locations. */
  private async applicationAt(principal: PersonPrincipal, locationId: string, applicationId: string) {
    const application = await this.applications.getVisible(principal, uuidOr404(applicationId, 'The application'));
    if (application.locationId !== locationId) throw AppException.notFound('The application');
    return application;
  }

  private async detailOf(principal: PersonPrincipal, locationId: string, now: Date): Promise<LocationDetail> {
    const location = await this.locations.getVisible(principal, locationId);
    const [certificates, applications, inspections, findings] = await Promise.all([
      allPages((request) => this.certificates.list(principal, request, { locationId })),
      allPages((request) => this.applications.list(principal, request, { locationId })),
      allPages((request) => this.inspections.list(principal, request, { locationId })),
      allPages((request) => this.findings.list(principal, request, { locationId })),
    ]);
    const normOf = new Map(inspections.map((inspection) => [inspection.id, inspection.normVersion]));
    return {
      location,
      certificates,
      applications: await Promise.all(
        applications.map(async (application) => ({
          application,
          documents: (await this.applications.listDocuments(principal, application.id, { page: 1, pageSize: MAX_PAGE_SIZE })).items,
        })),
      ),
      inspections: [...inspections].reverse(),
      findings: await Promise.all(
        findings.map(async (finding) => {
          const { reports } = await this.findings.get(principal, finding.id);
          const version = normOf.get(finding.inspectionId);
          const criterion = version ? findCriterion(await this.norms.getPublished(version), finding.criterionCode) : undefined;
          return {
            finding,
            title: criterion?.title ?? '',
            reports: await Promise.all(
              reports.map(async (report) => ({ report, evidence: await this.findings.evidenceOf(principal, finding.id, report.id) })),
            ),
          };
        }),
      ),
      deadlines: deadlinesOf(findings, certificates[0], today(now)),
    };
  }

  private noticeOf(web: WebContext, query: Record<string, unknown>): string | undefined {
    if (query.geregistreerd === '1') return landlordText(web).theLocationHasBeenRegistered;
    if (query.aangevraagd === '1') return landlordText(web).theApplicationHasBeenSubmitted;
    if (query.document === '1') return landlordText(web).theDocumentHasBeenAdded;
    if (query.herstel === '1') return landlordText(web).theRepairHasBeenReported;
    return undefined;
  }

  private sendDetail(reply: FastifyReply, web: SignedInContext, detail: LocationDetail, status: number, notice?: string): void {
    sendPage(
      reply,
      web,
      page(web, { title: addressLine(detail.location), body: locationBody(web, detail), styles: ['landlord.css'], notice }),
      status,
    );
  }

  private sendForm(
    reply: FastifyReply,
    web: SignedInContext,
    values: Parameters<typeof locationForm>[1],
    errors: FieldErrors,
    message?: string,
    status = 200,
  ): void {
    sendPage(
      reply,
      web,
      page(web, { title: landlordText(web).registerALocation, body: locationForm(web, values, errors, message), styles: ['landlord.css'] }),
      status,
    );
  }
}
