import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { LocationService } from '@keurmerk/locations';
import { MAX_OBJECTION_EXPLANATION_LENGTH, ObjectionService } from '@keurmerk/objections';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { pageRequest, text, uuidOr404 } from '../shared/page-parts';
import { refusalText } from '../shared/refusal-texts';
import { sharedText } from '../shared/shared.texts';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import {
  certifierObjectionPath,
  type ObjectionDecisionPageData,
  objectionDecisionBody,
  objectionsToDecideBody,
} from './certifier-objections.views';
import { certifierText } from './certifier.texts';

type Fields = Record<string, unknown>;

/**
 * The certifier's objections: the open ones this certifier may decide (not the cases it decided or
 * inspected: ObjectionService keeps who took part), and the decision form. The decision is
 * ObjectionService.decide with all its rules; its refusals are shown by code, not re-checked here.
 */
@WebController('app/besluiten/bezwaren', 'certificeerder')
export class CertifierObjectionsController {
  constructor(
    private readonly objections: ObjectionService,
    private readonly locations: LocationService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query('pagina') pagina: unknown, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const list = await this.objections.list(principal, pageRequest(pagina), { decidableBy: principal.userId });
    const places = await this.locations.visibleByIds(
      principal,
      list.items.map((item) => item.locationId),
    );
    sendPage(
      reply,
      web,
      page(web, {
        title: sharedText(web).objection.nounPlural,
        body: objectionsToDecideBody(web, list, places),
        styles: ['certifier.css'],
      }),
    );
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const data = await this.data(web, uuidOr404(id, 'The objection'));
    this.send(reply, web, data, 200, query.beslist === '1' ? certifierText(web).objectionDecided : undefined);
  }

  @Post(':id')
  async decide(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const objectionId = uuidOr404(id, 'The objection');
    const typed = {
      uitkomst: text(body, 'uitkomst'),
      toelichting: text(body, 'toelichting'),
      herinspectie: text(body, 'herinspectie') === 'ja',
    };
    const errors: FieldErrors = {};
    if (typed.uitkomst !== 'gegrond' && typed.uitkomst !== 'ongegrond') errors.uitkomst = certifierText(web).chooseUpheldOrRejected;
    if (!typed.toelichting.trim()) errors.toelichting = certifierText(web).giveAnExplanation;
    else if (typed.toelichting.length > MAX_OBJECTION_EXPLANATION_LENGTH)
      errors.toelichting = certifierText(web).useAtMostCharacters(MAX_OBJECTION_EXPLANATION_LENGTH);
    if (Object.keys(errors).length > 0) {
      const data = await this.data(web, objectionId);
      return this.send(reply, web, { ...data, errors, typed, message: certifierText(web).theObjectionDecisionWasNotRecorded }, 400);
    }
    try {
      await this.objections.decide(web.user.principal, objectionId, {
        outcome: typed.uitkomst as 'gegrond' | 'ongegrond',
        explanation: typed.toelichting,
        reinspection: typed.herinspectie,
      });
      redirect(reply, `${certifierObjectionPath(objectionId)}?beslist=1`);
    } catch (error) {
      if (!(error instanceof AppException) || (error.code !== AppErrorCode.Forbidden && error.code !== AppErrorCode.Conflict)) throw error;
      const data = await this.data(web, objectionId);
      this.send(
        reply,
        web,
        { ...data, typed, message: refusalText(web.language, error) },
        error.code === AppErrorCode.Forbidden ? 403 : 409,
      );
    }
  }

  private async data(web: SignedInContext, id: string): Promise<ObjectionDecisionPageData> {
    const principal = web.user.principal;
    const objection = await this.objections.get(principal, id);
    const location = (await this.locations.visibleByIds(principal, [objection.locationId])).get(objection.locationId);
    return { objection, location, mayDecide: this.objections.mayDecide(principal, objection) };
  }

  private send(reply: FastifyReply, web: SignedInContext, data: ObjectionDecisionPageData, status: number, notice?: string): void {
    sendPage(
      reply,
      web,
      page(web, { title: sharedText(web).objection.noun, body: objectionDecisionBody(web, data), styles: ['certifier.css'], notice }),
      status,
    );
  }
}
