import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { LocationService } from '@keurmerk/locations';
import { ObjectionService, type ObjectionSubject, parseObjectionInput } from '@keurmerk/objections';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { pageRequest, text, uuidOr404 } from '../shared/page-parts';
import { featureRefusalText, refusalText } from '../shared/refusal-texts';
import { formatDate, type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { locationPath } from './landlord.views';
import {
  type NewObjectionPageData,
  newObjectionBody,
  objectionBody,
  objectionPath,
  objectionRefusalBody,
  objectionsListBody,
} from './landlord-objections.views';
import { landlordText } from './landlord.texts';

type Fields = Record<string, unknown>;

/** The subject of the form from its fields (`inspectie` or `certificaat`), as the REST body names it. */
function subjectFields(fields: Fields | undefined): Record<string, unknown> {
  const inspection = text(fields, 'inspectie');
  const certificate = text(fields, 'certificaat');
  return { ...(inspection ? { inspectieId: inspection } : {}), ...(certificate ? { certificaatnummer: certificate } : {}) };
}

/**
 * The landlord's objections: file one against a refusal, suspension or withdrawal offered on its
 * location's page (ObjectionService.contestedCase says what may be contested, and until when), and
 * follow each one's status and decision. Every rule is the service's; its refusals are shown by code.
 */
@WebController('app/bezwaren', 'verhuurder')
export class LandlordObjectionsController {
  constructor(
    private readonly objections: ObjectionService,
    private readonly locations: LocationService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query('pagina') pagina: unknown, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const list = await this.objections.list(principal, pageRequest(pagina));
    const places = await this.locations.visibleByIds(
      principal,
      list.items.map((item) => item.locationId),
    );
    sendPage(
      reply,
      web,
      page(web, { title: landlordText(web).yourObjections, body: objectionsListBody(web, list, places), styles: ['landlord.css'] }),
    );
  }

  @Get('nieuw')
  async form(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const subject = this.subjectOf(subjectFields({ inspectie: query.inspectie, certificaat: query.certificaat }));
    try {
      this.sendForm(reply, web, await this.formData(web, subject));
    } catch (error) {
      this.sendRefusal(reply, web, error);
    }
  }

  @Post('nieuw')
  async file(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const grounds = text(body, 'gronden');
    const { input, problems } = parseObjectionInput({ ...subjectFields(body), gronden: grounds });
    const subject = input?.subject ?? this.subjectOf(subjectFields(body));
    if (!input) {
      const errors: FieldErrors = {};
      for (const problem of problems) {
        if (problem.name === 'gronden')
          errors.gronden = problem.code === 'too-long' ? landlordText(web).theObjectionWasNotFiled : landlordText(web).giveTheGrounds;
      }
      const data = await this.formData(web, subject).catch((error: unknown) => this.sendRefusal(reply, web, error));
      if (!data) return;
      return this.sendForm(reply, web, { ...data, grounds, errors, message: landlordText(web).theObjectionWasNotFiled }, 400);
    }
    try {
      const objection = await this.objections.file(web.user.principal, input);
      redirect(reply, `${objectionPath(objection.id)}?ingediend=1`);
    } catch (error) {
      this.sendRefusal(reply, web, error);
    }
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const principal = web.user.principal;
    const objection = await this.objections.get(principal, uuidOr404(id, 'The objection'));
    const location = (await this.locations.visibleByIds(principal, [objection.locationId])).get(objection.locationId);
    const notice = query.ingediend === '1' ? landlordText(web).theObjectionHasBeenFiled(formatDate(web, objection.decisionDue)) : undefined;
    sendPage(
      reply,
      web,
      page(web, {
        title: landlordText(web).yourObjection,
        body: objectionBody(web, objection, location, location ? locationPath(location.id) : undefined),
        styles: ['landlord.css'],
        notice,
      }),
    );
  }

  /** A subject the links and forms carry; anything else is no page (404), as a wrong id in a path. */
  private subjectOf(fields: Record<string, unknown>): ObjectionSubject {
    const parsed = parseObjectionInput({ ...fields, gronden: '-' });
    if (!parsed.input) throw AppException.notFound('The refusal, suspension or withdrawal');
    return parsed.input.subject;
  }

  private async formData(web: SignedInContext, subject: ObjectionSubject): Promise<NewObjectionPageData> {
    const found = await this.objections.contestedCase(web.user.principal, subject);
    return { found, location: await this.locations.getVisible(web.user.principal, found.locationId) };
  }

  private sendForm(reply: FastifyReply, web: SignedInContext, data: NewObjectionPageData, status = 200): void {
    sendPage(
      reply,
      web,
      page(web, {
        title: landlordText(web).fileAnObjection,
        body: newObjectionBody(web, data, locationPath(data.location.id)),
        styles: ['landlord.css'],
      }),
      status,
    );
  }

  /** A conflict (nothing to contest, term passed, objected already) as a page saying so; anything else as the error pages do. */
  private sendRefusal(reply: FastifyReply, web: SignedInContext, error: unknown): undefined {
    if (!(error instanceof AppException) || error.code !== AppErrorCode.Conflict) throw error;
    const message = featureRefusalText(web.language, error) ?? refusalText(web.language, error);
    sendPage(
      reply,
      web,
      page(web, {
        title: landlordText(web).fileAnObjection,
        body: objectionRefusalBody(web, message),
        styles: ['landlord.css'],
      }),
      409,
    );
    return undefined;
  }
}
