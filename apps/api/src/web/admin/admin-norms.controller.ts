import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { normToContract, type NormDocument, VERSION_PATTERN } from '@keurmerk/norm';
import { normOf, type NormVersionEntity, NormVersionService } from '@keurmerk/norm-versions';
import { redirect, sendPage } from '../layout';
import { type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { diffNorms, nextVersion } from './norm-diff';
import { text } from '../shared/page-parts';
import { refusalText } from '../shared/refusal-texts';
import { adminText } from './admin.texts';
import { comparePage, type EditorState, newDraftPage, NORMS_PATH, normVersionsPage, versionPage } from './admin-norms.views';

type Fields = Record<string, unknown>;

function versionOr404(version: string): string {
  if (!VERSION_PATTERN.test(version)) throw AppException.notFound(`Norm version ${version}`);
  return version;
}

function documentOf(entity: NormVersionEntity): NormDocument {
  return normToContract(normOf(entity));
}

/** A concept to start from: the newest published version under the next free number, as JSON to edit. */
function draftFrom(entity: NormVersionEntity, versions: string[]): string {
  const { status: _ignored, ...document } = { ...documentOf(entity), versie: nextVersion(entity.version, versions) };
  return JSON.stringify(document, null, 2);
}

/**
 * Norm versions: list, write a concept as JSON (the REST document, checked by the norm library through
 * NormVersionService), compare with the version before, publish.
 */
@WebController('app/beheer/normen', 'beheerder')
export class AdminNormsController {
  constructor(private readonly norms: NormVersionService) {}

  @Get()
  async list(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    const versions = await this.norms.list();
    sendPage(reply, web, normVersionsPage(web, versions));
  }

  @Get('nieuw')
  async newDraft(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    const versions = await this.norms.list();
    const base = versions.find((v) => v.status === 'gepubliceerd') ?? versions[0];
    const json = base
      ? draftFrom(
          base,
          versions.map((v) => v.version),
        )
      : '';
    this.sendNewDraft(reply, web, { json });
  }

  @Post()
  async create(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const json = text(body, 'document');
    try {
      const created = await this.norms.createDraft(web.user.principal, this.parse(web, json));
      redirect(reply, `${NORMS_PATH}/${created.version}?opgeslagen=1`);
    } catch (error) {
      this.sendNewDraft(
        reply,
        web,
        this.refusal(web, error, json),
        error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400,
      );
    }
  }

  @Get(':versie')
  async show(
    @Web() web: SignedInContext,
    @Param('versie') version: string,
    @Query() query: Fields,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const entity = await this.norms.get(versionOr404(version));
    const notice =
      query.opgeslagen === '1'
        ? adminText(web).theDraftHasBeenSaved
        : query.gepubliceerd === '1'
          ? adminText(web).theVersionHasBeenPublished
          : undefined;
    this.sendVersion(reply, web, entity, { json: JSON.stringify(documentOf(entity), null, 2) }, 200, notice);
  }

  @Post(':versie')
  async update(
    @Web() web: SignedInContext,
    @Param('versie') version: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const json = text(body, 'document');
    try {
      await this.norms.updateDraft(web.user.principal, versionOr404(version), this.parse(web, json));
      redirect(reply, `${NORMS_PATH}/${version}?opgeslagen=1`);
    } catch (error) {
      const state = this.refusal(web, error, json);
      this.sendVersion(
        reply,
        web,
        await this.norms.get(version),
        state,
        error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400,
      );
    }
  }

  @Post(':versie/publicatie')
  async publish(@Web() web: SignedInContext, @Param('versie') version: string, @Res() reply: FastifyReply): Promise<void> {
    await this.norms.publish(web.user.principal, versionOr404(version));
    redirect(reply, `${NORMS_PATH}/${version}?gepubliceerd=1`);
  }

  /** The differences with the version before it (by number), criterion by criterion. */
  @Get(':versie/vergelijking')
  async compare(@Web() web: SignedInContext, @Param('versie') version: string, @Res() reply: FastifyReply): Promise<void> {
    const versions = await this.norms.list();
    const index = versions.findIndex((v) => v.version === versionOr404(version));
    if (index < 0) throw AppException.notFound(`Norm version ${version}`);
    const current = versions[index];
    const previous = versions[index + 1];
    if (!previous) {
      sendPage(reply, web, comparePage(web, current));
      return;
    }
    const diff = diffNorms(documentOf(previous), documentOf(current));
    sendPage(reply, web, comparePage(web, current, { previous, diff }));
  }

  private parse(web: WebContext, json: string): unknown {
    try {
      return JSON.parse(json);
    } catch {
      throw AppException.invalidField('document', 'json', adminText(web).thisNotValidJsonCheck);
    }
  }

  /** A refused document: the norm library's problems by JSON path, or the service's reason. */
  private refusal(web: WebContext, error: unknown, json: string): EditorState {
    if (!(error instanceof AppException)) throw error;
    const params = error.invalidParams ?? [];
    if (params.length === 1 && params[0].name === 'document') return { json, message: params[0].reason };
    if (params.length > 0) return { json, problems: params };
    // The refusal's sentence in the beheerder's language (its feature's, else its kind's), never its English detail.
    if (error.code === AppErrorCode.Conflict) return { json, message: refusalText(web.language, error) };
    throw error;
  }

  private sendNewDraft(reply: FastifyReply, web: SignedInContext, state: EditorState, status = 200): void {
    sendPage(reply, web, newDraftPage(web, state), status);
  }

  private sendVersion(
    reply: FastifyReply,
    web: SignedInContext,
    entity: NormVersionEntity,
    state: EditorState,
    status = 200,
    notice?: string,
  ): void {
    const document = documentOf(entity);
    sendPage(reply, web, versionPage(web, entity, document, state, notice), status);
  }
}
