import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiKeyService } from '@keurmerk/accounts';
import { AppException, type InvalidParam } from '@keurmerk/common';
import { SubscriptionService } from '@keurmerk/webhooks';
import { CreateApiKeyDto } from '../../accounts/dto/api-key.dto';
import { CreateSubscriptionDto } from '../../webhooks/subscription.dto';
import { pageRequest, pager, text, uuidOr404, validated } from '../shared/page-parts';
import { csrfField, emptyState, errorSummary, field, type FieldErrors, html, type Html, page, redirect, sendPage } from '../layout';
import { statusBadge } from '../labels';
import { formatDateTime, type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { ownMunicipality } from './municipality.controller';
import { municipalityText } from './municipality.texts';

type Fields = Record<string, unknown>;

const SUBSCRIPTIONS_PATH = '/app/gemeente/abonnementen';
const KEYS_PATH = '/app/gemeente/sleutels';

function subscriptionProblem(web: WebContext, param: InvalidParam): string {
  if (param.name === 'callbackUrl' && param.code === 'not-accepted') {
    return municipalityText(web).theTestEventAddressWas(param.reason);
  }
  if (param.name === 'callbackUrl') return municipalityText(web).enterFullHttpsAddressReachable(param.reason);
  if (param.name === 'auth') return municipalityText(web).theAuthorizationValueOneLine;
  return param.reason;
}

function problems(web: WebContext, error: unknown, describe: (web: WebContext, param: InvalidParam) => string): FieldErrors {
  if (!(error instanceof AppException) || !error.invalidParams) throw error;
  const errors: FieldErrors = {};
  for (const param of error.invalidParams) errors[param.name] ??= describe(web, param);
  return errors;
}

/** A secret shown once, right after it was made: it is stored only as a hash (keys) or for signing (webhooks). */
function secretOnce(web: WebContext, label: string, secret: string): Html {
  return html`<div class="notice secret-once" role="status">
    <p><strong>${label}</strong></p>
    <code class="secret" data-secret>${secret}</code>
    <p>${municipalityText(web).copyNowKeepSafeWill}</p>
  </div>`;
}

/**
 * A municipality's links with its own systems: webhook subscriptions with their delivery log, and API
 * keys. SubscriptionService and ApiKeyService keep each municipality to its own; the secrets are shown
 * once, in the answer to the form that made them.
 */
@WebController('app/gemeente', 'gemeente')
export class MunicipalityIntegrationsController {
  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  @Get('abonnementen')
  async subscriptionList(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.verwijderd === '1' ? municipalityText(web).theSubscriptionHasEnded : undefined;
    await this.sendSubscriptions(reply, web, query, {}, {}, undefined, 200, notice);
  }

  /** Sends the test event first (SubscriptionService.create); only a receiver that answers 2xx is subscribed. */
  @Post('abonnementen')
  async subscribe(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { callbackUrl: text(body, 'callbackUrl').trim(), auth: text(body, 'auth') };
    try {
      const input = await validated(CreateSubscriptionDto, values);
      const { secret } = await this.subscriptions.create(web.user.principal, { callbackUrl: input.callbackUrl, auth: input.auth });
      await this.sendSubscriptions(reply, web, {}, {}, {}, secretOnce(web, municipalityText(web).theSubscriptionPlaceSecretEvery, secret), 201);
    } catch (error) {
      await this.sendSubscriptions(reply, web, {}, { callbackUrl: values.callbackUrl }, problems(web, error, subscriptionProblem), undefined, 400);
    }
  }

  @Get('abonnementen/:id')
  async deliveries(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const subscriptionId = uuidOr404(id, 'The subscription');
    const subscription = await this.subscriptions.get(web.user.principal, subscriptionId);
    const found = await this.subscriptions.deliveries(web.user.principal, subscriptionId, pageRequest(query.pagina));
    const path = `${SUBSCRIPTIONS_PATH}/${subscription.id}`;
    const body = html`<div class="card"><dl class="facts">
        <dt>${municipalityText(web).address}</dt><dd class="url">${subscription.callbackUrl}</dd>
        <dt>${municipalityText(web).since}</dt><dd>${formatDateTime(web, subscription.createdAt)}</dd>
        <dt>${municipalityText(web).authorization}</dt><dd>${subscription.withAuth ? municipalityText(web).setNotShown : municipalityText(web).none}</dd>
      </dl></div>
      <h2>${municipalityText(web).deliveries}</h2>
      ${found.total === 0 ? emptyState(municipalityText(web).noDeliveriesYet) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${municipalityText(web).created}</th><th>${municipalityText(web).event}</th><th>${municipalityText(web).status}</th><th class="num">${municipalityText(web).attempts}</th><th>${municipalityText(web).lastAnswer}</th></tr></thead>
        <tbody>${found.items.map(({ delivery, certificateNumber, attempts }) => html`<tr>
          <td data-label="${municipalityText(web).created}">${formatDateTime(web, delivery.createdAt)}</td>
          <td data-label="${municipalityText(web).event}"><code>${delivery.eventType}</code>${certificateNumber ? html` ${certificateNumber}` : ''}</td>
          <td data-label="${municipalityText(web).status}">${statusBadge(web, 'delivery', delivery.status)}${delivery.nextAttemptAt && delivery.status !== 'delivered' ? html`<br><span class="muted">${municipalityText(web).nextAttempt} ${formatDateTime(web, delivery.nextAttemptAt)}</span>` : ''}</td>
          <td class="num" data-label="${municipalityText(web).attempts}">${delivery.attempts}</td>
          <td data-label="${municipalityText(web).lastAnswer}">${attempts.length === 0 ? '—' : html`<ol class="attempts">${attempts.map((a) => html`<li>${formatDateTime(web, a.attemptedAt)}: ${a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? municipalityText(web).noAnswer)}</li>`)}</ol>`}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, path, found)}
      <p><a href="${SUBSCRIPTIONS_PATH}">${municipalityText(web).allSubscriptions}</a></p>`;
    sendPage(reply, web, page(web, { title: municipalityText(web).deliveryLog, body, styles: ['municipality.css'] }));
  }

  @Post('abonnementen/:id/verwijderen')
  async unsubscribe(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.subscriptions.remove(web.user.principal, uuidOr404(id, 'The subscription'));
    redirect(reply, `${SUBSCRIPTIONS_PATH}?verwijderd=1`);
  }

  @Get('sleutels')
  async keys(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.ingetrokken === '1' ? municipalityText(web).theKeyHasBeenRevoked : undefined;
    await this.sendKeys(reply, web, query, {}, {}, undefined, 200, notice);
  }

  @Post('sleutels')
  async createKey(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { naam: text(body, 'naam').trim() };
    try {
      const input = await validated(CreateApiKeyDto, { ...values, gemeentecode: ownMunicipality(web) });
      const { secret } = await this.apiKeys.create(web.user.principal, { name: input.naam, municipalityCode: input.gemeentecode });
      await this.sendKeys(reply, web, {}, {}, {}, secretOnce(web, municipalityText(web).theKeyHasBeenCreated, secret), 201);
    } catch (error) {
      const errors = problems(web, error, (w, param) => (param.name === 'naam' ? municipalityText(w).giveKeyNameMost200 : param.reason));
      await this.sendKeys(reply, web, {}, values, errors, undefined, 400);
    }
  }

  @Post('sleutels/:id/intrekken')
  async revokeKey(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.apiKeys.revoke(web.user.principal, uuidOr404(id, 'The API key'));
    redirect(reply, `${KEYS_PATH}?ingetrokken=1`);
  }

  private async sendSubscriptions(reply: FastifyReply, web: SignedInContext, query: Fields, values: Record<string, string>, errors: FieldErrors, shown: Html | undefined, status: number, notice?: string): Promise<void> {
    const found = await this.subscriptions.list(web.user.principal, pageRequest(query.pagina));
    const body = html`${errorSummary(web, errors)}${shown ?? ''}
      <p>${municipalityText(web).onEachStatusChangeCertificate}</p>
      ${found.total === 0 ? emptyState(municipalityText(web).noSubscriptionsYet) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${municipalityText(web).address}</th><th>${municipalityText(web).since}</th><th><span class="visually-hidden">${municipalityText(web).actions}</span></th></tr></thead>
        <tbody>${found.items.map((s) => html`<tr>
          <td data-label="${municipalityText(web).address}" class="url">${s.callbackUrl}</td>
          <td data-label="${municipalityText(web).since}">${formatDateTime(web, s.createdAt)}</td>
          <td><div class="row-actions"><a href="${SUBSCRIPTIONS_PATH}/${s.id}">${municipalityText(web).deliveryLog}</a>
            <form method="post" action="${SUBSCRIPTIONS_PATH}/${s.id}/verwijderen">${csrfField(web)}<button type="submit" class="button--danger" data-confirm="${municipalityText(web).endSubscriptionEventsStillWaiting}">${municipalityText(web).end}</button></form></div></td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, SUBSCRIPTIONS_PATH, found)}
      <form method="post" action="${SUBSCRIPTIONS_PATH}" class="card" novalidate>
        <h2>${municipalityText(web).newSubscription}</h2>
        ${csrfField(web)}
        ${field({ name: 'callbackUrl', label: municipalityText(web).yourReceiversAddress, type: 'url', hint: municipalityText(web).anHttpsAddressTestEvent, value: values.callbackUrl, error: errors.callbackUrl, required: true, autocomplete: 'off', inputmode: 'url' })}
        ${field({ name: 'auth', label: municipalityText(web).authorizationValueOptional, hint: municipalityText(web).sentEachEventAuthorizationHeader, error: errors.auth, autocomplete: 'off' })}
        <div class="actions"><button type="submit">${municipalityText(web).subscribe}</button></div>
      </form>`;
    sendPage(reply, web, page(web, { title: municipalityText(web).subscriptions, body, notice, styles: ['municipality.css'] }), status);
  }

  private async sendKeys(reply: FastifyReply, web: SignedInContext, query: Fields, values: Record<string, string>, errors: FieldErrors, shown: Html | undefined, status: number, notice?: string): Promise<void> {
    const found = await this.apiKeys.list(web.user.principal, pageRequest(query.pagina));
    const body = html`${errorSummary(web, errors)}${shown ?? ''}
      <p>${municipalityText(web).withApiKeyYourMunicipalitys}</p>
      ${found.total === 0 ? emptyState(municipalityText(web).noApiKeysYet) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${municipalityText(web).name}</th><th>${municipalityText(web).startsWith}</th><th>${municipalityText(web).created}</th><th>${municipalityText(web).status}</th><th><span class="visually-hidden">${municipalityText(web).actions}</span></th></tr></thead>
        <tbody>${found.items.map((k) => html`<tr>
          <td data-label="${municipalityText(web).name}">${k.name}</td>
          <td data-label="${municipalityText(web).startsWith}"><code>${k.keyPrefix}…</code></td>
          <td data-label="${municipalityText(web).created}">${formatDateTime(web, k.createdAt)}</td>
          <td data-label="${municipalityText(web).status}">${k.revokedAt ? html`<span class="badge badge--neutral">${municipalityText(web).revoked} ${formatDateTime(web, k.revokedAt)}</span>` : html`<span class="badge badge--ok">${municipalityText(web).active}</span>`}</td>
          <td>${k.revokedAt ? '' : html`<form method="post" action="${KEYS_PATH}/${k.id}/intrekken">${csrfField(web)}<button type="submit" class="button--danger" data-confirm="${municipalityText(web).revokeKeySystemsUsingLose(k.name)}">${municipalityText(web).revoke}<span class="visually-hidden"> ${k.name}</span></button></form>`}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, KEYS_PATH, found)}
      <form method="post" action="${KEYS_PATH}" class="card" novalidate>
        <h2>${municipalityText(web).newKey}</h2>
        ${csrfField(web)}
        ${field({ name: 'naam', label: municipalityText(web).name, hint: municipalityText(web).forExampleSystemUsesKey, value: values.naam, error: errors.naam, required: true, autocomplete: 'off' })}
        <div class="actions"><button type="submit">${municipalityText(web).createKey}</button></div>
      </form>`;
    sendPage(reply, web, page(web, { title: municipalityText(web).apiKeys, body, notice, styles: ['municipality.css'] }), status);
  }
}
