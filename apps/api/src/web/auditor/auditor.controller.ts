import { OFFLINE_CLIENT_REFERENCE_PATTERN } from '@keurmerk/inspections';
import { Body, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { AppException, type InvalidParam } from '@keurmerk/common';
import { type InspectionEntity, InspectionService, type InspectionStatus } from '@keurmerk/inspections';
import { LocationService } from '@keurmerk/locations';
import {
  type AnswerBody,
  CRITERION_CODE_PATTERN,
  dateInAmsterdam,
  evaluateInspection,
  findCriterion,
  MAX_REMARK_LENGTH,
  unansweredCriteria,
} from '@keurmerk/norm';
import { NormVersionService } from '@keurmerk/norm-versions';
import { toProblem } from '../../http/problem';
import { readMultipart } from '../../http/upload';
import { uuidOr404 } from '../shared/page-parts';
import { refusalText } from '../shared/refusal-texts';
import { sendStoredFile } from '../shared/stored-file';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController, WebPublic } from '../web.guard';
import { type ChecklistData, checklistBody, inspectionPath } from './checklist.view';
import { type InspectionGroups, inspectionsBody, type InspectionRow } from './inspections-list.view';
import { serviceWorkerScript } from './service-worker';
import { submitBody } from './submit.view';
import { auditorText } from './auditor.texts';

/** An offline client's id for a photo: a UUID from crypto.randomUUID(), or the form's own. */
const CLIENT_REFERENCE = OFFLINE_CLIENT_REFERENCE_PATTERN;
const RECENT_SUBMITTED = 10;
const PAGE_SIZE = 100;

type Fields = Record<string, unknown>;

function inspectionId(id: string): string {
  // Not a UUID: no inspection has it; answered like any inspection the auditor may not see.
  return uuidOr404(id, 'The inspection');
}

function criterionCode(code: string): string {
  if (!CRITERION_CODE_PATTERN.test(code)) throw AppException.notFound('The criterion');
  return code;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The service's reasons are for developers; the auditor reads what to do, in its own language. */
function problemText(web: WebContext, param: InvalidParam): string {
  switch (param.name) {
    case 'meetwaarde':
      return auditorText(web).enterValidMeasurementNumber0;
    case 'resultaat':
      return auditorText(web).chooseJudgementCriterionAllows;
    case 'opmerking':
      return param.code === 'required' ? auditorText(web).describeWhatFails : auditorText(web).theRemarkTooLongMost(MAX_REMARK_LENGTH);
    case 'bestand':
      return auditorText(web).choosePhotoJpegPngMost;
    default:
      return param.reason;
  }
}

/**
 * The auditor's pages: the inspections, the checklist of the pinned norm, photos and submitting.
 * Forms work without script; the checklist's script sends the same answers and photos as JSON and
 * multipart from its offline queue (PUT, idempotent: an answer by criterion, a photo by its client
 * reference). Every rule is the services': answers are judged and stored by InspectionService.
 */
@WebController('app/keuringen', 'auditor')
export class AuditorPagesController {
  constructor(
    private readonly inspections: InspectionService,
    private readonly locations: LocationService,
    private readonly norms: NormVersionService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const [planned, started, submitted, decided] = await Promise.all(
      (['gepland', 'in-uitvoering', 'ingediend', 'besloten'] as InspectionStatus[]).map((status) => this.listByStatus(principal, status)),
    );
    const open = [...planned, ...started].sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime());
    const recent = [...submitted, ...decided]
      .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0))
      .slice(0, RECENT_SUBMITTED);
    const locations = await this.locationsOf(principal, [...open, ...recent]);
    const row = (inspection: InspectionEntity): InspectionRow => ({ inspection, location: locations.get(inspection.locationId) });
    const endOfToday = dateInAmsterdam(web.now);
    const groups: InspectionGroups = {
      today: open.filter((i) => dateInAmsterdam(i.plannedAt) <= endOfToday).map(row),
      upcoming: open.filter((i) => dateInAmsterdam(i.plannedAt) > endOfToday).map(row),
      submitted: recent.map(row),
    };
    sendPage(
      reply,
      web,
      page(web, {
        title: auditorText(web).inspections,
        body: inspectionsBody(web, groups),
        styles: ['auditor.css'],
        scripts: ['auditor.js'],
      }),
    );
  }

  @Get(':id')
  async checklist(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Query('ingediend') submitted: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const data = await this.checklistData(web.user.principal, inspectionId(id));
    const notice = submitted === '1' && data.inspection.result ? auditorText(web).theInspectionHasBeenSubmitted : undefined;
    this.sendChecklist(reply, web, data, 200, notice);
  }

  /** A criterion's form without script: saved, then back to the same criterion. */
  @Post(':id/antwoorden/:code')
  async answerForm(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('code') code: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const inspection = inspectionId(id);
    const criterion = criterionCode(code);
    const typed = {
      code: criterion,
      meetwaarde: text(body?.meetwaarde).trim(),
      resultaat: text(body?.resultaat),
      opmerking: text(body?.opmerking),
    };
    try {
      const answer = await this.answerBodyOf(web, inspection, criterion, typed);
      await this.inspections.answer(web.user.principal, inspection, criterion, answer);
      redirect(reply, `${inspectionPath(inspection)}#criterium-${criterion}`);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) throw error;
      const errors: FieldErrors = {};
      for (const param of error.invalidParams) errors[`${criterion}-${param.name}`] ??= problemText(web, param);
      this.sendChecklist(reply, web, { ...(await this.checklistData(web.user.principal, inspection)), errors, typed }, 400);
    }
  }

  /** The script's answer: the body of the REST PUT, answered in JSON (problems too). */
  @Put(':id/antwoorden/:code')
  async answerJson(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.json(web, reply, 200, async () => {
      const answer = await this.inspections.answer(web.user.principal, inspectionId(id), criterionCode(code), body);
      return {
        criteriumCode: answer.criterionCode,
        resultaat: answer.result,
        meetwaarde: answer.measurement,
        personenOndersteund: answer.personsSupported,
      };
    });
  }

  /** A photo from the form without script; its hidden client reference makes a second post harmless. */
  @Post(':id/bewijs')
  async evidenceForm(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const inspection = inspectionId(id);
    let code = '';
    try {
      const { file, fields } = await readMultipart(request, {
        fileField: 'bestand',
        fields: ['criteriumCode', 'clientReferentie'],
        requiredFields: ['criteriumCode'],
      });
      code = criterionCode(fields.criteriumCode.trim());
      const reference = CLIENT_REFERENCE.test(fields.clientReferentie ?? '') ? fields.clientReferentie : undefined;
      await this.inspections.addEvidence(web.user.principal, inspection, code, file, reference);
      redirect(reply, `${inspectionPath(inspection)}#criterium-${code}`);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) throw error;
      // Every refusal of a photo form is about its file: the other fields are the page's own.
      const errors: FieldErrors = { [code ? `${code}-foto` : 'foto']: problemText(web, { name: 'bestand', code: 'invalid', reason: '' }) };
      this.sendChecklist(reply, web, { ...(await this.checklistData(web.user.principal, inspection)), errors }, 400);
    }
  }

  /** The script's photo, at the address of its client reference: sending it again stores nothing new. */
  @Put(':id/bewijs/:reference')
  async evidenceJson(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.json(web, reply, 201, async () => {
      const inspection = inspectionId(id);
      if (!CLIENT_REFERENCE.test(reference))
        throw AppException.invalidField('clientReferentie', 'format', 'A client reference is 8 to 100 letters, digits or dashes.');
      const { file, fields } = await readMultipart(request, {
        fileField: 'bestand',
        fields: ['criteriumCode'],
        requiredFields: ['criteriumCode'],
      });
      const document = await this.inspections.addEvidence(
        web.user.principal,
        inspection,
        criterionCode(fields.criteriumCode.trim()),
        file,
        reference,
      );
      return { id: document.id, bestandsnaam: document.fileName, href: `${inspectionPath(inspection)}/bewijs/${document.id}` };
    });
  }

  @Get(':id/bewijs/:documentId')
  async evidenceContent(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, bytes } = await this.inspections.evidenceContent(
      web.user.principal,
      inspectionId(id),
      uuidOr404(documentId, 'The document'),
    );
    sendStoredFile(reply, document, bytes);
  }

  /** The summary before submitting: what the answers lead to, evaluated by @keurmerk/norm. */
  @Get(':id/indienen')
  async submitForm(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.sendSubmitSummary(reply, web, inspectionId(id));
  }

  @Post(':id/indienen')
  async submit(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const inspection = inspectionId(id);
    // Irreversible: only with the auditor's tick that the answers were checked.
    if (body?.bevestigd !== 'ja') return this.sendSubmitSummary(reply, web, inspection, undefined, 400, true);
    try {
      await this.inspections.submit(web.user.principal, inspection);
      redirect(reply, `${inspectionPath(inspection)}?ingediend=1`);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) throw error;
      await this.sendSubmitSummary(reply, web, inspection, auditorText(web).notEveryCriterionHasValid, 400);
    }
  }

  private async listByStatus(principal: PersonPrincipal, status: InspectionStatus): Promise<InspectionEntity[]> {
    const first = await this.inspections.list(principal, { page: 1, pageSize: PAGE_SIZE }, { status });
    if (first.total <= PAGE_SIZE || status === 'gepland' || status === 'in-uitvoering') return first.items;
    // Oldest first: the recent submissions are on the last page.
    const last = await this.inspections.list(principal, { page: Math.ceil(first.total / PAGE_SIZE), pageSize: PAGE_SIZE }, { status });
    return [...first.items.slice(-RECENT_SUBMITTED), ...last.items];
  }

  private async locationsOf(principal: PersonPrincipal, inspections: InspectionEntity[]) {
    return this.locations.visibleByIds(
      principal,
      inspections.map((i) => i.locationId),
    );
  }

  private async checklistData(principal: PersonPrincipal, id: string): Promise<ChecklistData> {
    const inspection = await this.inspections.get(principal, id);
    const [location, norm, answers, evidence, findings] = await Promise.all([
      this.locations.getVisible(principal, inspection.locationId),
      this.norms.getPublished(inspection.normVersion),
      this.inspections.answers(principal, id),
      this.inspections.evidence(principal, id),
      inspection.result ? this.inspections.findingsOf(id) : Promise.resolve([]),
    ]);
    return { inspection, location, norm, answers, evidence, findings };
  }

  private sendChecklist(reply: FastifyReply, web: SignedInContext, data: ChecklistData, status: number, notice?: string): void {
    const title = auditorText(web).inspection;
    sendPage(
      reply,
      web,
      page(web, { title, body: checklistBody(web, data), styles: ['auditor.css'], scripts: ['auditor-capacity.js', 'auditor.js'], notice }),
      status,
    );
  }

  private async sendSubmitSummary(
    reply: FastifyReply,
    web: SignedInContext,
    id: string,
    message?: string,
    status = 200,
    unconfirmed = false,
  ): Promise<void> {
    const { inspection, location, norm, answers } = await this.checklistData(web.user.principal, id);
    // Submitted already (a second tab, a reload): the checklist shows the result.
    if (inspection.result) return redirect(reply, inspectionPath(id));
    const given = new Map(
      answers.map((a) => [a.criterionCode, { result: a.result, measurement: a.measurement ?? undefined, remark: a.remark ?? undefined }]),
    );
    const unanswered = unansweredCriteria(norm, given);
    const preview =
      unanswered.length === 0
        ? evaluateInspection({
            norm,
            location: { housingType: location.housingType, newBuild: location.newBuild, requestedBeds: location.requestedBeds },
            answers: given,
            submittedOn: dateInAmsterdam(web.now),
          })
        : undefined;
    const title = auditorText(web).summaryAndSubmit;
    sendPage(
      reply,
      web,
      page(web, {
        title,
        body: submitBody(web, { inspection, location, norm, unanswered, preview, message, unconfirmed }),
        styles: ['auditor.css'],
      }),
      status,
    );
  }

  /** Builds the REST body from a form; a missing value is named here, the rest is validateAnswer's. */
  private async answerBodyOf(
    web: SignedInContext,
    inspection: string,
    code: string,
    typed: { meetwaarde: string; resultaat: string; opmerking: string },
  ): Promise<AnswerBody> {
    const pinned = await this.inspections.get(web.user.principal, inspection);
    const criterion = findCriterion(await this.norms.getPublished(pinned.normVersion), code);
    if (!criterion) throw AppException.notFound(`Criterion ${code}`);
    const remark = typed.opmerking.trim() ? { opmerking: typed.opmerking.trim() } : {};
    if (criterion.kind === 'measured') {
      // A phone keyboard may type a decimal comma.
      const value = typed.meetwaarde === '' ? Number.NaN : Number(typed.meetwaarde.replace(',', '.'));
      if (!Number.isFinite(value)) throw AppException.invalidField('meetwaarde', 'required', 'A measurement is required.');
      return { meetwaarde: value, ...remark };
    }
    if (!typed.resultaat) throw AppException.invalidField('resultaat', 'required', 'A judgement is required.');
    return { resultaat: typed.resultaat as AnswerBody['resultaat'], ...remark };
  }

  /** Answers the script in JSON; a refusal carries the reason in the auditor's language. */
  private async json(web: WebContext, reply: FastifyReply, status: number, work: () => Promise<object>): Promise<void> {
    try {
      reply
        .status(status)
        .header('Cache-Control', 'no-store')
        .send(await work());
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      const problem = toProblem(error);
      const reason = problem.invalidParams?.[0];
      reply
        .status(problem.status)
        .header('Content-Type', 'application/problem+json')
        .send({
          ...problem,
          // The refusal's sentence for its code (else its kind's), never its English detail.
          melding: reason ? problemText(web, reason) : refusalText(web.language, error),
        });
    }
  }
}

/**
 * The service worker, at /app/sw.js so that it may control all of /app/ (it only keeps the
 * auditor's pages, though). Public: it holds no data, and an expired session must not stop a phone
 * from updating it.
 */
@WebController('app')
export class AuditorOfflineController {
  @Get('sw.js')
  @WebPublic()
  serviceWorker(@Res() reply: FastifyReply): void {
    reply.header('Content-Type', 'text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').send(serviceWorkerScript());
  }
}
