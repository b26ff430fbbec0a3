import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppErrorCode, AppException, type InvalidParam } from '@keurmerk/common';
import { normToContract, type NormDocument, VERSION_PATTERN } from '@keurmerk/norm';
import { normOf, type NormVersionEntity, NormVersionService } from '@keurmerk/norm-versions';
import { csrfField, emptyState, errorSummary, html, type Html, page, redirect, sendPage } from '../layout';
import { statusBadge } from '../labels';
import { formatDate, formatDateTime, type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { type CriterionChange, diffNorms, nextVersion } from './norm-diff';
import { text, textareaField } from '../shared/page-parts';
import { adminText } from './admin.texts';

type Fields = Record<string, unknown>;

const NORMS_PATH = '/app/beheer/normen';

function versionOr404(version: string): string {
  if (!VERSION_PATTERN.test(version)) throw AppException.notFound(`Norm version ${version}`);
  return version;
}

function normStatus(web: WebContext, entity: Pick<NormVersionEntity, 'status'>): Html {
  return statusBadge(web, 'norm', entity.status === 'gepubliceerd' ? 'published' : 'draft');
}

function documentOf(entity: NormVersionEntity): NormDocument {
  return normToContract(normOf(entity));
}

/** A concept to start from: the newest published version under the next free number, as JSON to edit. */
function draftFrom(entity: NormVersionEntity, versions: string[]): string {
  const { status: _ignored, ...document } = { ...documentOf(entity), versie: nextVersion(entity.version, versions) };
  return JSON.stringify(document, null, 2);
}

interface EditorState {
  json: string;
  problems?: InvalidParam[];
  message?: string;
}

/** The JSON editor of a concept, with every problem the norm library found, by its JSON path. */
function editor(web: WebContext, action: string, state: EditorState, submit: string): Html {
  const problems = state.problems ?? [];
  const error = problems.length > 0 ? adminText(web).theDocumentWrongPlaceS(problems.length) : state.message;
  return html`${problems.length > 0 || state.message
    ? html`${errorSummary(web, error ? { document: error } : {})}${problems.length > 0 ? html`<div class="card"><ul>${problems.map((p) => html`<li><code>${p.name}</code>: ${p.reason}</li>`)}</ul></div>` : ''}`
    : ''}
  <form method="post" action="${action}" class="card code" novalidate>
    ${csrfField(web)}
    ${textareaField({
      name: 'document',
      label: adminText(web).normDocumentJson,
      hint: adminText(web).inApisShapePostV1,
      value: state.json,
      error,
      rows: 24,
      attributes: html` spellcheck="false" autocapitalize="off"`,
    })}
    <div class="actions"><button type="submit">${submit}</button></div>
  </form>`;
}

/** The changed fields of a criterion as old and new value, side by side. */
function changeDetails(web: WebContext, change: CriterionChange): Html {
  if (change.kind !== 'changed') return html``;
  return html`<div class="table-wrap"><table>
    <thead><tr><th>${adminText(web).field}</th><th>${adminText(web).was}</th><th>${adminText(web).becomes}</th></tr></thead>
    <tbody>${change.fields.map((f) => html`<tr><th scope="row">${f.field}</th><td class="diff-removed">${f.before ?? '—'}</td><td class="diff-added">${f.after ?? '—'}</td></tr>`)}</tbody>
  </table></div>`;
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
    const body = html`<p><a class="button" href="${NORMS_PATH}/nieuw">${adminText(web).newDraft}</a></p>
      ${versions.length === 0 ? emptyState(adminText(web).thereNoNormVersionYet) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${adminText(web).version}</th><th>${adminText(web).status}</th><th>${adminText(web).effectiveDate}</th><th>${adminText(web).published}</th><th><span class="visually-hidden">${adminText(web).compare}</span></th></tr></thead>
        <tbody>${versions.map((v, index) => html`<tr>
          <td data-label="${adminText(web).version}"><a href="${NORMS_PATH}/${v.version}">${v.version}</a></td>
          <td data-label="${adminText(web).status}">${normStatus(web, v)}</td>
          <td data-label="${adminText(web).effectiveDate}">${formatDate(web, v.effectiveDate)}</td>
          <td data-label="${adminText(web).published}">${formatDateTime(web, v.publishedAt)}</td>
          <td>${index < versions.length - 1 ? html`<a href="${NORMS_PATH}/${v.version}/vergelijking">${adminText(web).compareWith(versions[index + 1].version)}</a>` : ''}</td></tr>`)}</tbody>
      </table></div>`}`;
    sendPage(reply, web, page(web, { title: adminText(web).normVersions, body, styles: ['admin.css'] }));
  }

  @Get('nieuw')
  async newDraft(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    const versions = await this.norms.list();
    const base = versions.find((v) => v.status === 'gepubliceerd') ?? versions[0];
    const json = base ? draftFrom(base, versions.map((v) => v.version)) : '';
    this.sendNewDraft(reply, web, { json });
  }

  @Post()
  async create(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const json = text(body, 'document');
    try {
      const created = await this.norms.createDraft(web.user.principal, this.parse(web, json));
      redirect(reply, `${NORMS_PATH}/${created.version}?opgeslagen=1`);
    } catch (error) {
      this.sendNewDraft(reply, web, this.refusal(web, error, json), error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400);
    }
  }

  @Get(':versie')
  async show(@Web() web: SignedInContext, @Param('versie') version: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const entity = await this.norms.get(versionOr404(version));
    const notice = query.opgeslagen === '1' ? adminText(web).theDraftHasBeenSaved : query.gepubliceerd === '1' ? adminText(web).theVersionHasBeenPublished : undefined;
    this.sendVersion(reply, web, entity, { json: JSON.stringify(documentOf(entity), null, 2) }, 200, notice);
  }

  @Post(':versie')
  async update(@Web() web: SignedInContext, @Param('versie') version: string, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const json = text(body, 'document');
    try {
      await this.norms.updateDraft(web.user.principal, versionOr404(version), this.parse(web, json));
      redirect(reply, `${NORMS_PATH}/${version}?opgeslagen=1`);
    } catch (error) {
      const state = this.refusal(web, error, json);
      this.sendVersion(reply, web, await this.norms.get(version), state, error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400);
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
    const title = adminText(web).versionCompared(current.version);
    if (!previous) {
      const body = emptyState(adminText(web).thisFirstVersionThereNothing, html`<a href="${NORMS_PATH}/${current.version}">${adminText(web).backToTheVersion}</a>`);
      sendPage(reply, web, page(web, { title, body, styles: ['admin.css'] }));
      return;
    }
    const diff = diffNorms(documentOf(previous), documentOf(current));
    const body = html`<p>${adminText(web).whatDifferentFrom(current.version, previous.version)} <a href="${NORMS_PATH}/${current.version}">${adminText(web).toTheVersion}</a></p>
      <ul class="diff-legend" aria-label="${adminText(web).legend}">
        <li class="diff-added">${adminText(web).addedNew}</li><li class="diff-removed">${adminText(web).removedOld}</li><li class="diff-changed">${adminText(web).changed}</li>
      </ul>
      ${diff.effectiveDate ? html`<p class="diff-changed">${adminText(web).effectiveDate}: ${formatDate(web, diff.effectiveDate.before)} → ${formatDate(web, diff.effectiveDate.after)}</p>` : ''}
      ${diff.criteria.length === 0
        ? emptyState(adminText(web).noDifferencesCriteria)
        : html`<p>${adminText(web).criteriaDiffer(diff.criteria.length)}</p>
          <ul class="diff-list">${diff.criteria.map((change) => html`<li class="diff-${change.kind}" data-criterion="${change.code}">
            <h3><span>${change.code}</span> <span>${change.title}</span> <span class="badge badge--neutral">${adminText(web).criterionChanges[change.kind]}</span></h3>
            <p class="muted">${adminText(web).section} ${change.section}</p>
            ${changeDetails(web, change)}
          </li>`)}</ul>`}`;
    sendPage(reply, web, page(web, { title, body, styles: ['admin.css'] }));
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
    if (error.code === AppErrorCode.Conflict) return { json, message: error.detail };
    throw error;
  }

  private sendNewDraft(reply: FastifyReply, web: SignedInContext, state: EditorState, status = 200): void {
    const body = html`<p>${adminText(web).aCopyNewestPublishedVersion}</p>
      ${editor(web, NORMS_PATH, state, adminText(web).saveDraft)}`;
    sendPage(reply, web, page(web, { title: adminText(web).newDraft, body, styles: ['admin.css'] }), status);
  }

  private sendVersion(reply: FastifyReply, web: SignedInContext, entity: NormVersionEntity, state: EditorState, status = 200, notice?: string): void {
    const document = documentOf(entity);
    const criteria = document.secties.reduce((sum, s) => sum + s.criteria.length, 0);
    const draft = entity.status === 'concept';
    const body = html`<div class="card">
        <dl class="facts">
          <dt>${adminText(web).status}</dt><dd>${normStatus(web, entity)}</dd>
          <dt>${adminText(web).effectiveDate}</dt><dd>${formatDate(web, entity.effectiveDate)}</dd>
          <dt>${adminText(web).sectionsAndCriteria}</dt><dd>${document.secties.length} / ${criteria}</dd>
          ${entity.publishedAt ? html`<dt>${adminText(web).published}</dt><dd>${formatDateTime(web, entity.publishedAt)}</dd>` : ''}
        </dl>
        <div class="actions">
          <a class="button button--secondary" href="${NORMS_PATH}/${entity.version}/vergelijking">${adminText(web).comparePreviousVersion}</a>
          ${draft ? html`<form method="post" action="${NORMS_PATH}/${entity.version}/publicatie">${csrfField(web)}<button type="submit" data-confirm="${adminText(web).publishVersionCannotChangeAfterwards(entity.version)}">${adminText(web).publish}</button></form>` : ''}
        </div>
      </div>
      ${draft
        ? html`<h2>${adminText(web).editTheDraft}</h2>${editor(web, `${NORMS_PATH}/${entity.version}`, state, adminText(web).saveChanges)}`
        : html`<p class="muted">${adminText(web).aPublishedVersionNeverChanges}</p>`}`;
    sendPage(reply, web, page(web, { title: adminText(web).normVersion(entity.version), body, notice, styles: ['admin.css'] }), status);
  }
}
