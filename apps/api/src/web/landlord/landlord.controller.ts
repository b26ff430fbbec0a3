import { MAX_REPAIR_DESCRIPTION_LENGTH } from '@keurmerk/inspections';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MunicipalityService, type PersonPrincipal } from '@keurmerk/accounts';
import { AddressLookupClient } from '@keurmerk/address-lookup';
import { CertificateQueryService } from '@keurmerk/certificates';
import { AppErrorCode, AppException, type InvalidParam, MAX_PAGE_SIZE, type Page, type PageRequest } from '@keurmerk/common';
import { DocumentService } from '@keurmerk/documents';
import {
  type AnswerEntity,
  FindingService,
  InspectionException,
  InspectionExceptionCode,
  InspectionReportService,
  InspectionService,
} from '@keurmerk/inspections';
import {
  ApplicationService,
  LocationException,
  LocationExceptionCode,
  type LocationChange,
  LocationOperationsService,
  LocationService,
  MAX_REASON_LENGTH,
  MAX_REQUESTED_BEDS,
  MIN_REQUESTED_BEDS,
} from '@keurmerk/locations';
import type { HousingType } from '@keurmerk/norm';
import { NormVersionService } from '@keurmerk/norm-versions';
import { ObjectionService } from '@keurmerk/objections';
import { readMultipart } from '../../http/upload';
import { contentDisposition } from '../../http/content-disposition';
import { criterionTitleText } from '../shared/norm-texts';
import { addressLine, text as formText, uuidOr404 } from '../shared/page-parts';
import { featureRefusalText, refusalText } from '../shared/refusal-texts';
import { repairEvidenceContent, sendStoredFile } from '../shared/stored-file';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { type SignedInContext, today, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { LOCATION_FIELDS, locationFormValues, locationProblemText, newLocationOf } from './location-form';
import { deadlinesOf, groupByLocation, newestByLocation } from './location-overview';
import { type LocationDetail, locationBody, locationForm, locationPath, type LocationRow, locationsBody } from './landlord.views';
import { landlordText } from './landlord.texts';
import { reportBody } from './inspection-report.views';
import type { OperationForm } from './location-operations.views';

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
    private readonly objections: ObjectionService,
    private readonly operations: LocationOperationsService,
    private readonly reports: InspectionReportService,
    private readonly municipalities: MunicipalityService,
    private readonly addressLookup: AddressLookupClient,
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
      if (error instanceof LocationException && error.reason === LocationExceptionCode.AddressTaken) {
        return this.sendForm(reply, web, values, {}, refusalText(web.language, error), 409);
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
    const detail = await this.detailOf(web, web.user.principal, uuidOr404(id, 'The location'), web.now);
    this.sendDetail(reply, web, detail, 200, this.noticeOf(web, query));
  }

  @Post(':id/aanvragen')
  async apply(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    try {
      await this.applications.create(web.user.principal, locationId);
      redirect(reply, `${locationPath(locationId)}?aangevraagd=1#aanvraag`);
    } catch (error) {
      if (!(error instanceof LocationException) || error.reason !== LocationExceptionCode.ApplicationAlreadyOpen) throw error;
      const message = refusalText(web.language, error);
      this.sendDetail(reply, web, { ...(await this.detailOf(web, web.user.principal, locationId, web.now)), message }, 409);
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
      const { file, fields } = await readMultipart(request, { fileField: 'bestand', fields: ['soort'] });
      await this.applications.addDocument(web.user.principal, application.id, file, undefined, fields.soort || undefined);
      redirect(reply, `${locationPath(application.locationId)}?document=1#aanvraag`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      const detail = await this.detailOf(web, web.user.principal, application.locationId, web.now);
      if (error.invalidParams) {
        const errors = { bestand: fileProblemText(web, error.invalidParams[0]) };
        return this.sendDetail(reply, web, { ...detail, errors, message: landlordText(web).theDocumentWasNotAdded }, 400);
      }
      if (error instanceof LocationException && error.reason === LocationExceptionCode.ApplicationNotOpen) {
        return this.sendDetail(reply, web, { ...detail, message: refusalText(web.language, error) }, 409);
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
      const detail = await this.detailOf(web, web.user.principal, locationId, web.now);
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
      if (
        error instanceof InspectionException &&
        (error.reason === InspectionExceptionCode.FindingClosed || error.reason === InspectionExceptionCode.RepairAwaitingReview)
      ) {
        return this.sendDetail(reply, web, { ...detail, message: refusalText(web.language, error) }, 409);
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

  /** Beds, housing type, new build; a material change of a certified location asks for a re-inspection (said in the notice). */
  @Post(':id/wijzigen')
  async change(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const values = {
      aantalSlaapplaatsen: formText(body, 'aantalSlaapplaatsen').trim(),
      soortHuisvesting: formText(body, 'soortHuisvesting'),
      nieuwbouw: formText(body, 'nieuwbouw'),
    };
    const change: LocationChange = {
      requestedBeds: /^[0-9]{1,6}$/.test(values.aantalSlaapplaatsen) ? Number(values.aantalSlaapplaatsen) : Number.NaN,
      housingType: values.soortHuisvesting as HousingType,
      newBuild: values.nieuwbouw === 'ja' ? true : values.nieuwbouw === 'nee' ? false : (values.nieuwbouw as unknown as boolean),
    };
    try {
      const before = await this.locations.getVisible(web.user.principal, locationId);
      const { location, planningRequestId } = await this.operations.change(web.user.principal, locationId, change);
      const changed = location.updatedAt.getTime() !== before.updatedAt.getTime();
      redirect(reply, `${locationPath(locationId)}?gewijzigd=${planningRequestId ? 'herinspectie' : changed ? '1' : '0'}#gegevens`);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) return this.refuseOperation(reply, web, locationId, error);
      const errors: FieldErrors = {};
      for (const param of error.invalidParams) {
        errors[param.name] ??=
          param.name === 'soortHuisvesting'
            ? landlordText(web).chooseKindHousing
            : param.name === 'nieuwbouw'
              ? landlordText(web).chooseWhetherNewBuild
              : landlordText(web).enterNumberBedsWholeNumber(MIN_REQUESTED_BEDS, MAX_REQUESTED_BEDS);
      }
      const detail = await this.detailOf(web, web.user.principal, locationId, web.now);
      const operation: OperationForm = { form: 'wijzigen', values, errors };
      this.sendDetail(reply, web, { ...detail, operation, message: landlordText(web).theChangeWasNotSaved }, 400);
    }
  }

  /** Deregistration, only with the box ticked that says the landlord understands what follows. */
  @Post(':id/afmelden')
  async deregister(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const values = { reden: formText(body, 'reden') };
    const errors: FieldErrors = {};
    if (!values.reden.trim() || values.reden.trim().length > MAX_REASON_LENGTH)
      errors.reden = landlordText(web).giveAReason(MAX_REASON_LENGTH);
    if (formText(body, 'bevestigd') !== 'ja') errors.bevestigd = landlordText(web).confirmDeregistration;
    try {
      if (Object.keys(errors).length > 0) throw AppException.invalidField('reden', 'required', 'A reason and a confirmation are required.');
      await this.operations.deregister(web.user.principal, locationId, values.reden);
      redirect(reply, `${locationPath(locationId)}?afgemeld=1`);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) return this.refuseOperation(reply, web, locationId, error);
      const detail = await this.detailOf(web, web.user.principal, locationId, web.now);
      const operation: OperationForm = { form: 'afmelden', values, errors };
      this.sendDetail(reply, web, { ...detail, operation, message: landlordText(web).theLocationWasNotDeregistered }, 400);
    }
  }

  /** The inspection report as a page; the landlord gets it once the inspection is decided (404 before, as the API). */
  @Get(':id/keuringen/:inspectionId/rapport')
  async report(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('inspectionId') inspectionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const { data, locationId: ofLocation } = await this.reports.report(
      web.user.principal,
      uuidOr404(inspectionId, 'The inspection'),
      web.language,
    );
    if (ofLocation !== locationId) throw AppException.notFound('The inspection');
    sendPage(
      reply,
      web,
      page(web, { title: landlordText(web).inspectionReport, body: reportBody(web, locationId, data), styles: ['landlord.css'] }),
    );
  }

  @Get(':id/keuringen/:inspectionId/rapport.pdf')
  async reportPdf(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('inspectionId') inspectionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const { locationId: ofLocation } = await this.reports.report(web.user.principal, uuidOr404(inspectionId, 'The inspection'));
    if (ofLocation !== locationId) throw AppException.notFound('The inspection');
    const pdf = await this.reports.pdf(web.user.principal, inspectionId, web.language);
    reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', contentDisposition(`inspectierapport-${inspectionId.toLowerCase()}.pdf`))
      .header('Content-Length', String(pdf.length))
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
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

  private async detailOf(
    web: Pick<WebContext, 'language'>,
    principal: PersonPrincipal,
    locationId: string,
    now: Date,
  ): Promise<LocationDetail> {
    const location = await this.locations.getVisible(principal, locationId);
    const [certificates, applications, inspections, findings] = await Promise.all([
      allPages((request) => this.certificates.list(principal, request, { locationId })),
      allPages((request) => this.applications.list(principal, request, { locationId })),
      allPages((request) => this.inspections.list(principal, request, { locationId })),
      allPages((request) => this.findings.list(principal, request, { locationId })),
    ]);
    const normOf = new Map(inspections.map((inspection) => [inspection.id, inspection.normVersion]));
    // The auditor's remarks, one read per inspection that has findings.
    const answersOf = new Map<string, Promise<AnswerEntity[]>>();
    const remarkOf = async (inspectionId: string, criterionCode: string) => {
      if (!answersOf.has(inspectionId)) answersOf.set(inspectionId, this.inspections.answers(principal, inspectionId));
      return (await answersOf.get(inspectionId)!).find((answer) => answer.criterionCode === criterionCode)?.remark ?? null;
    };
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
          const title = version ? criterionTitleText(web, await this.norms.getPublished(version), finding.criterionCode) : '';
          return {
            finding,
            title,
            remark: await remarkOf(finding.inspectionId, finding.criterionCode),
            reports: await Promise.all(
              reports.map(async (report) => ({ report, evidence: await this.findings.evidenceOf(principal, finding.id, report.id) })),
            ),
          };
        }),
      ),
      deadlines: deadlinesOf(findings, certificates[0], today(now)),
      municipalityName: (await this.municipalities.find(location.municipalityCode))?.name,
      objections: {
        contestable: await this.objections.contestableAtLocation(principal, locationId),
        filed: (await this.objections.list(principal, { page: 1, pageSize: MAX_PAGE_SIZE }, { locationId })).items,
      },
    };
  }

  /** A conflict (deregistered meanwhile) shows on the location page; anything else goes to the error page. */
  private async refuseOperation(reply: FastifyReply, web: SignedInContext, locationId: string, error: unknown): Promise<void> {
    if (!(error instanceof AppException) || error.code !== AppErrorCode.Conflict) throw error;
    const message = featureRefusalText(web.language, error) ?? error.detail;
    this.sendDetail(reply, web, { ...(await this.detailOf(web, web.user.principal, locationId, web.now)), message }, 409);
  }

  private noticeOf(web: WebContext, query: Record<string, unknown>): string | undefined {
    if (query.gewijzigd === 'herinspectie') return landlordText(web).theChangeHasBeenSavedReinspection;
    if (query.gewijzigd === '1') return landlordText(web).theChangeHasBeenSaved;
    if (query.gewijzigd === '0') return landlordText(web).nothingWasChanged;
    if (query.afgemeld === '1') return landlordText(web).theLocationHasBeenDeregistered;
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
      page(web, {
        title: landlordText(web).registerALocation,
        body: locationForm(web, values, errors, message, this.addressLookup.enabled),
        styles: ['landlord.css'],
        scripts: ['location-lookup.js'],
      }),
      status,
    );
  }
}
