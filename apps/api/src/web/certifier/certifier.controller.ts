import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccountService, type PersonPrincipal } from '@keurmerk/accounts';
import { CERTIFICATE_NUMBER_PATTERN, CertificateQueryService } from '@keurmerk/certificates';
import { AppException } from '@keurmerk/common';
import { DocumentService } from '@keurmerk/documents';
import {
  type FindingEntity,
  FindingService,
  type InspectionEntity,
  InspectionException,
  InspectionExceptionCode,
  InspectionService,
} from '@keurmerk/inspections';
import { ApplicationService, type LocationEntity, LocationService } from '@keurmerk/locations';
import { NormVersionService } from '@keurmerk/norm-versions';
import { criterionTitleText } from '../shared/norm-texts';
import { addressLine, uuidOr404 } from '../shared/page-parts';
import { refusalText } from '../shared/refusal-texts';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import {
  type DecisionPageData,
  decisionBody,
  decisionPath,
  MAX_EXPLANATION,
  type ReviewPageData,
  REVIEWS_PATH,
  reviewsBody,
  waitingBody,
} from './certifier.views';
import { repairEvidenceContent, sendStoredFile } from '../shared/stored-file';
import { certifierText } from './certifier.texts';

const PAGE_SIZE = 50;
type Fields = Record<string, unknown>;

function text(body: Fields | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

function pageNumber(value: unknown): number {
  return typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1;
}

/** The explanation a decision or a review needs: the REST DTOs' rule (1 to 4000 characters, not blank). */
function explanationError(web: WebContext, explanation: string): string | undefined {
  if (!explanation.trim()) return certifierText(web).giveAnExplanation;
  if (explanation.length > MAX_EXPLANATION) return certifierText(web).useAtMostCharacters(MAX_EXPLANATION);
  return undefined;
}

/** The decision refusals the page shows beside its form, with their status; any other goes to the error page. */
function decisionRefusalStatus(code: InspectionExceptionCode): 403 | 409 | undefined {
  switch (code) {
    case InspectionExceptionCode.FourEyes:
    case InspectionExceptionCode.RevisedDecider:
      return 403;
    case InspectionExceptionCode.AlreadyDecided:
    case InspectionExceptionCode.NotSubmitted:
    case InspectionExceptionCode.IllegalTransition:
    case InspectionExceptionCode.OpenSeriousFindings:
    case InspectionExceptionCode.CriterionSupportsNobody:
      return 409;
    default:
      return undefined;
  }
}

/**
 * The certifier's pages: submitted inspections waiting for a decision, one inspection's answers,
 * photos and findings beside the decision form, and reported repairs to accept or reject. The
 * decision and the review are InspectionService.decide and FindingService.review, with all their
 * rules (four eyes, blocking findings, one decision); their refusals are shown, not re-checked here.
 */
@WebController('app/besluiten', 'certificeerder')
export class CertifierPagesController {
  constructor(
    private readonly inspections: InspectionService,
    private readonly findings: FindingService,
    private readonly locations: LocationService,
    private readonly accounts: AccountService,
    private readonly documents: DocumentService,
    private readonly norms: NormVersionService,
    private readonly certificates: CertificateQueryService,
    private readonly applications: ApplicationService,
  ) {}

  @Get()
  async waiting(@Web() web: SignedInContext, @Query('pagina') pagina: unknown, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const list = await this.inspections.list(principal, { page: pageNumber(pagina), pageSize: PAGE_SIZE }, { status: 'ingediend' });
    // Oldest submission first: the one that has waited longest.
    const inspections = [...list.items].sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
    const [locations, auditors] = await Promise.all([this.locationsOf(principal, inspections), this.auditorNames(inspections)]);
    const rows = inspections.map((inspection) => ({
      inspection,
      location: locations.get(inspection.locationId),
      auditorName: auditors.get(inspection.auditorId) ?? '',
    }));
    sendPage(reply, web, page(web, { title: certifierText(web).toDecide, body: waitingBody(web, rows, list), styles: ['certifier.css'] }));
  }

  @Get('bevindingen')
  async reviews(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.beoordeeld === '1' ? certifierText(web).theJudgementHasBeenRecorded : undefined;
    this.sendReviews(reply, web, await this.reviewData(web, pageNumber(query.pagina)), 200, notice);
  }

  @Post('bevindingen/:findingId')
  async review(
    @Web() web: SignedInContext,
    @Param('findingId') findingParam: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const findingId = uuidOr404(findingParam, 'The finding');
    const akkoord = text(body, 'akkoord');
    const toelichting = text(body, 'toelichting');
    const errors: FieldErrors = {};
    if (akkoord !== 'ja' && akkoord !== 'nee') errors.akkoord = certifierText(web).chooseAcceptOrReject;
    const explanation = explanationError(web, toelichting);
    if (explanation) errors.toelichting = explanation;
    const failed = { findingId, akkoord, toelichting, errors };
    if (Object.keys(errors).length > 0) {
      const message = certifierText(web).theJudgementWasNotRecorded;
      return this.sendReviews(reply, web, { ...(await this.reviewData(web, 1)), failed, message }, 400);
    }
    try {
      await this.findings.review(web.user.principal, findingId, { accepted: akkoord === 'ja', explanation: toelichting });
      redirect(reply, `${REVIEWS_PATH}?beoordeeld=1`);
    } catch (error) {
      // Someone else judged it first: the list no longer shows it.
      if (!(error instanceof InspectionException) || error.reason !== InspectionExceptionCode.NoRepairToReview) throw error;
      const message = refusalText(web.language, error);
      this.sendReviews(reply, web, { ...(await this.reviewData(web, 1)), message }, 409);
    }
  }

  @Get('bevindingen/:findingId/herstel/:reportId/:documentId')
  async repairEvidence(
    @Web() web: SignedInContext,
    @Param('findingId') findingId: string,
    @Param('reportId') reportId: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, bytes } = await repairEvidenceContent(this.findings, this.documents, web.user.principal, {
      findingId,
      reportId,
      documentId,
    });
    sendStoredFile(reply, document, bytes);
  }

  @Get(':inspectionId')
  async decisionPage(
    @Web() web: SignedInContext,
    @Param('inspectionId') id: string,
    @Query() query: Fields,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const data = await this.decisionData(web.user.principal, uuidOr404(id, 'The inspection'));
    const number =
      typeof query.certificaat === 'string' && CERTIFICATE_NUMBER_PATTERN.test(query.certificaat) ? query.certificaat : undefined;
    this.sendDecision(reply, web, data, 200, this.decidedNotice(web, data, query), number);
  }

  @Post(':inspectionId')
  async decide(
    @Web() web: SignedInContext,
    @Param('inspectionId') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const inspectionId = uuidOr404(id, 'The inspection');
    const typed = { uitkomst: text(body, 'uitkomst'), toelichting: text(body, 'toelichting') };
    const errors: FieldErrors = {};
    if (typed.uitkomst !== 'toekennen' && typed.uitkomst !== 'afwijzen') errors.uitkomst = certifierText(web).chooseGrantOrRefuse;
    const explanation = explanationError(web, typed.toelichting);
    if (explanation) errors.toelichting = explanation;
    // An irreversible step: nothing is decided until the certifier ticked that the consequences were read.
    if (text(body, 'bevestigd') !== 'ja') errors.bevestigd = certifierText(web).confirmDecisionFirst;
    if (Object.keys(errors).length > 0) {
      return this.sendDecision(reply, web, { ...(await this.decisionData(web.user.principal, inspectionId)), errors, typed }, 400);
    }
    try {
      const { certificateNumber } = await this.inspections.decide(web.user.principal, inspectionId, {
        outcome: typed.uitkomst as 'toekennen' | 'afwijzen',
        explanation: typed.toelichting,
      });
      redirect(
        reply,
        `${decisionPath(inspectionId)}?besloten=1${certificateNumber ? `&certificaat=${encodeURIComponent(certificateNumber)}` : ''}`,
      );
    } catch (error) {
      if (!(error instanceof InspectionException)) throw error;
      const status = decisionRefusalStatus(error.reason);
      if (!status) throw error;
      const data = await this.decisionData(web.user.principal, inspectionId);
      // The sentence for the code; the specifics (which findings, which criteria) as a list from the refusal's data.
      const refusal = { message: refusalText(web.language, error), blocking: error.data };
      this.sendDecision(reply, web, { ...data, typed, ...refusal }, status);
    }
  }

  @Get(':inspectionId/bewijs/:documentId')
  async evidence(
    @Web() web: SignedInContext,
    @Param('inspectionId') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, bytes } = await this.inspections.evidenceContent(
      web.user.principal,
      uuidOr404(id, 'The inspection'),
      uuidOr404(documentId, 'The document'),
    );
    sendStoredFile(reply, document, bytes);
  }

  /** A document of the application the inspection answers, where it is judged. */
  @Get(':inspectionId/aanvraag/:documentId')
  async applicationDocument(
    @Web() web: SignedInContext,
    @Param('inspectionId') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const inspection = await this.inspections.get(web.user.principal, uuidOr404(id, 'The inspection'));
    if (!inspection.applicationId) throw AppException.notFound('The document');
    const { document, bytes } = await this.applications.documentContent(
      web.user.principal,
      inspection.applicationId,
      uuidOr404(documentId, 'The document'),
    );
    sendStoredFile(reply, document, bytes);
  }

  private decidedNotice(web: WebContext, data: DecisionPageData, query: Fields): string | undefined {
    if (query.besloten !== '1' || !data.decision) return undefined;
    if (data.decision.outcome === 'afwijzen') return certifierText(web).decisionRefused;
    const number =
      typeof query.certificaat === 'string' && CERTIFICATE_NUMBER_PATTERN.test(query.certificaat) ? query.certificaat : undefined;
    // Published already (the worker may be quick): the notice says so, and the decision block links to it.
    if (data.issued) return certifierText(web).decisionGrantedIssued(data.issued.number);
    return number ? certifierText(web).decisionGrantedIssuing(number) : certifierText(web).decisionGranted;
  }

  private async decisionData(principal: PersonPrincipal, inspectionId: string): Promise<DecisionPageData> {
    const inspection = await this.inspections.get(principal, inspectionId);
    const [location, norm, answers, evidence, findings, decision, auditorNames, certificates] = await Promise.all([
      this.locations.getVisible(principal, inspection.locationId),
      this.norms.getPublished(inspection.normVersion),
      this.inspections.answers(principal, inspectionId),
      this.inspections.evidence(principal, inspectionId),
      this.inspections.findingsOf(inspectionId),
      this.inspections.decisionOf(principal, inspectionId),
      this.auditorNames([inspection]),
      // Newest first; a location has few certificates, and only the live one and this decision's matter here.
      this.certificates.list(principal, { page: 1, pageSize: 20 }, { locationId: inspection.locationId }),
    ]);
    // The application this inspection answers (an unannounced one answers none); an application has few documents.
    const applicationDocuments = inspection.applicationId
      ? (await this.applications.listDocuments(principal, inspection.applicationId, { page: 1, pageSize: 100 })).items
      : undefined;
    const issued = decision ? certificates.items.find((certificate) => certificate.decisionId === decision.id) : undefined;
    const current = certificates.items.find(
      (certificate) => certificate !== issued && (certificate.status === 'geldig' || certificate.status === 'geschorst'),
    );
    return {
      inspection,
      location,
      norm,
      answers,
      evidence,
      findings,
      decision,
      auditorName: auditorNames.get(inspection.auditorId) ?? '',
      current,
      issued,
      applicationDocuments,
    };
  }

  private async reviewData(web: SignedInContext, pageNumber: number): Promise<ReviewPageData> {
    const principal = web.user.principal;
    const list = await this.findings.list(principal, { page: pageNumber, pageSize: PAGE_SIZE }, { status: 'herstel-gemeld' });
    const locations = await this.locationsOf(principal, list.items);
    const titles = await this.criterionTitles(web, principal, list.items);
    const items = await Promise.all(
      list.items.map(async (finding) => {
        const { reports } = await this.findings.get(principal, finding.id);
        const awaiting = reports.find((report) => report.accepted === null);
        return {
          finding,
          location: locations.get(finding.locationId),
          title: titles.get(finding.id) ?? '',
          pending: awaiting
            ? { report: awaiting, evidence: await this.findings.evidenceOf(principal, finding.id, awaiting.id) }
            : undefined,
          earlier: reports.filter((report) => report.accepted === false),
        };
      }),
    );
    return { items, list };
  }

  /** Each finding's criterion title, from the norm version its inspection was held against. */
  private async criterionTitles(
    web: Pick<WebContext, 'language'>,
    principal: PersonPrincipal,
    findings: FindingEntity[],
  ): Promise<Map<string, string>> {
    const versions = new Map<string, string>();
    for (const inspectionId of new Set(findings.map((finding) => finding.inspectionId))) {
      versions.set(inspectionId, (await this.inspections.get(principal, inspectionId)).normVersion);
    }
    const titles = new Map<string, string>();
    for (const finding of findings) {
      titles.set(
        finding.id,
        criterionTitleText(web, await this.norms.getPublished(versions.get(finding.inspectionId)!), finding.criterionCode),
      );
    }
    return titles;
  }

  private async locationsOf(principal: PersonPrincipal, items: { locationId: string }[]): Promise<Map<string, LocationEntity>> {
    return this.locations.visibleByIds(
      principal,
      items.map((item) => item.locationId),
    );
  }

  private async auditorNames(inspections: InspectionEntity[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(inspections.map((inspection) => inspection.auditorId))) names.set(id, (await this.accounts.getUser(id)).name);
    return names;
  }

  private sendDecision(
    reply: FastifyReply,
    web: SignedInContext,
    data: DecisionPageData,
    status: number,
    notice?: string,
    certificateNumber?: string,
  ): void {
    sendPage(
      reply,
      web,
      page(web, { title: addressLine(data.location), body: decisionBody(web, data, certificateNumber), styles: ['certifier.css'], notice }),
      status,
    );
  }

  private sendReviews(reply: FastifyReply, web: SignedInContext, data: ReviewPageData, status: number, notice?: string): void {
    sendPage(
      reply,
      web,
      page(web, { title: certifierText(web).reviewRepairs, body: reviewsBody(web, data), styles: ['certifier.css'], notice }),
      status,
    );
  }
}
