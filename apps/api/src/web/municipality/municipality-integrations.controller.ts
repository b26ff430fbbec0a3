import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiKeyService } from '@keurmerk/accounts';
import { AppException, type InvalidParam } from '@keurmerk/common';
import { SubscriptionService } from '@keurmerk/webhooks';
import { CreateApiKeyDto } from '../../accounts/dto/api-key.dto';
import { CreateSubscriptionDto } from '../../webhooks/subscription.dto';
import { pageRequest, pager, text, uuidOr404, validated } from '../admin/page-parts';
import { csrfField, emptyState, errorSummary, field, type FieldErrors, html, type Html, page, redirect, sendPage } from '../layout';
import { statusBadge } from '../labels';
import { formatDateTime, type SignedInContext, t, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { ownMunicipality } from './municipality.controller';

type Fields = Record<string, unknown>;

const SUBSCRIPTIONS_PATH = '/app/gemeente/abonnementen';
const KEYS_PATH = '/app/gemeente/sleutels';

function subscriptionProblem(web: WebContext, param: InvalidParam): string {
  if (param.name === 'callbackUrl' && param.code === 'not-accepted') {
    return t(web, `Het testbericht naar dit adres is niet aangenomen (er kwam geen 2xx-antwoord). ${param.reason}`, `The test event to this address was not accepted (no 2xx answer). ${param.reason}`);
  }
  if (param.name === 'callbackUrl') return t(web, `Vul een volledig https-adres in dat van buitenaf bereikbaar is. ${param.reason}`, `Enter a full https address reachable from outside. ${param.reason}`);
  if (param.name === 'auth') return t(web, 'De Authorization-waarde is één regel leesbare tekens, zonder spaties aan begin of eind.', 'The Authorization value is one line of printable characters, without leading or trailing spaces.');
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
    <p>${t(web, 'Kopieer hem nu en bewaar hem veilig: hij wordt niet nog eens getoond.', 'Copy it now and keep it safe: it will not be shown again.')}</p>
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
    const notice = query.verwijderd === '1' ? t(web, 'Het abonnement is beëindigd.', 'The subscription has ended.') : undefined;
    await this.sendSubscriptions(reply, web, query, {}, {}, undefined, 200, notice);
  }

  /** Sends the test event first (SubscriptionService.create); only a receiver that answers 2xx is subscribed. */
  @Post('abonnementen')
  async subscribe(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { callbackUrl: text(body, 'callbackUrl').trim(), auth: text(body, 'auth') };
    try {
      const input = await validated(CreateSubscriptionDto, values);
      const { secret } = await this.subscriptions.create(web.user.principal, { callbackUrl: input.callbackUrl, auth: input.auth });
      await this.sendSubscriptions(reply, web, {}, {}, {}, secretOnce(web, t(web, 'Het abonnement staat. Dit is het geheim waarmee elk bericht is ondertekend (Standard Webhooks):', 'The subscription is in place. This is the secret every event is signed with (Standard Webhooks):'), secret), 201);
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
        <dt>${t(web, 'Adres', 'Address')}</dt><dd class="url">${subscription.callbackUrl}</dd>
        <dt>${t(web, 'Sinds', 'Since')}</dt><dd>${formatDateTime(web, subscription.createdAt)}</dd>
        <dt>${t(web, 'Authorization', 'Authorization')}</dt><dd>${subscription.withAuth ? t(web, 'Ingesteld (niet zichtbaar)', 'Set (not shown)') : t(web, 'Geen', 'None')}</dd>
      </dl></div>
      <h2>${t(web, 'Afleveringen', 'Deliveries')}</h2>
      ${found.total === 0 ? emptyState(t(web, 'Nog geen afleveringen.', 'No deliveries yet.')) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${t(web, 'Gemaakt', 'Created')}</th><th>${t(web, 'Bericht', 'Event')}</th><th>${t(web, 'Status', 'Status')}</th><th class="num">${t(web, 'Pogingen', 'Attempts')}</th><th>${t(web, 'Laatste antwoord', 'Last answer')}</th></tr></thead>
        <tbody>${found.items.map(({ delivery, certificateNumber, attempts }) => html`<tr>
          <td data-label="${t(web, 'Gemaakt', 'Created')}">${formatDateTime(web, delivery.createdAt)}</td>
          <td data-label="${t(web, 'Bericht', 'Event')}"><code>${delivery.eventType}</code>${certificateNumber ? html` ${certificateNumber}` : ''}</td>
          <td data-label="${t(web, 'Status', 'Status')}">${statusBadge(web, 'delivery', delivery.status)}${delivery.nextAttemptAt && delivery.status !== 'delivered' ? html`<br><span class="muted">${t(web, 'Volgende poging', 'Next attempt')} ${formatDateTime(web, delivery.nextAttemptAt)}</span>` : ''}</td>
          <td class="num" data-label="${t(web, 'Pogingen', 'Attempts')}">${delivery.attempts}</td>
          <td data-label="${t(web, 'Laatste antwoord', 'Last answer')}">${attempts.length === 0 ? '—' : html`<ol class="attempts">${attempts.map((a) => html`<li>${formatDateTime(web, a.attemptedAt)}: ${a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? t(web, 'geen antwoord', 'no answer'))}</li>`)}</ol>`}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, path, found)}
      <p><a href="${SUBSCRIPTIONS_PATH}">${t(web, 'Alle abonnementen', 'All subscriptions')}</a></p>`;
    sendPage(reply, web, page(web, { title: t(web, 'Afleverlog', 'Delivery log'), body, styles: ['municipality.css'] }));
  }

  @Post('abonnementen/:id/verwijderen')
  async unsubscribe(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.subscriptions.remove(web.user.principal, uuidOr404(id, 'The subscription'));
    redirect(reply, `${SUBSCRIPTIONS_PATH}?verwijderd=1`);
  }

  @Get('sleutels')
  async keys(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.ingetrokken === '1' ? t(web, 'De sleutel is ingetrokken.', 'The key has been revoked.') : undefined;
    await this.sendKeys(reply, web, query, {}, {}, undefined, 200, notice);
  }

  @Post('sleutels')
  async createKey(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { naam: text(body, 'naam').trim() };
    try {
      const input = await validated(CreateApiKeyDto, { ...values, gemeentecode: ownMunicipality(web) });
      const { secret } = await this.apiKeys.create(web.user.principal, { name: input.naam, municipalityCode: input.gemeentecode });
      await this.sendKeys(reply, web, {}, {}, {}, secretOnce(web, t(web, 'De sleutel is gemaakt. Stuur hem mee in de header X-API-Key:', 'The key has been created. Send it in the X-API-Key header:'), secret), 201);
    } catch (error) {
      const errors = problems(web, error, (w, param) => (param.name === 'naam' ? t(w, 'Geef de sleutel een naam (ten hoogste 200 tekens), bijvoorbeeld het systeem dat hem gebruikt.', 'Give the key a name (at most 200 characters), such as the system using it.') : param.reason));
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
      <p>${t(web, 'Bij elke statuswijziging van een certificaat in uw gemeente stuurt Keurmerk een ondertekend bericht (CloudEvents) naar elk abonnement.', 'On each status change of a certificate in your municipality, Keurmerk sends a signed event (CloudEvents) to each subscription.')}</p>
      ${found.total === 0 ? emptyState(t(web, 'Nog geen abonnementen.', 'No subscriptions yet.')) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${t(web, 'Adres', 'Address')}</th><th>${t(web, 'Sinds', 'Since')}</th><th><span class="visually-hidden">${t(web, 'Acties', 'Actions')}</span></th></tr></thead>
        <tbody>${found.items.map((s) => html`<tr>
          <td data-label="${t(web, 'Adres', 'Address')}" class="url">${s.callbackUrl}</td>
          <td data-label="${t(web, 'Sinds', 'Since')}">${formatDateTime(web, s.createdAt)}</td>
          <td><div class="row-actions"><a href="${SUBSCRIPTIONS_PATH}/${s.id}">${t(web, 'Afleverlog', 'Delivery log')}</a>
            <form method="post" action="${SUBSCRIPTIONS_PATH}/${s.id}/verwijderen">${csrfField(web)}<button type="submit" class="button--danger" data-confirm="${t(web, 'Dit abonnement beëindigen? Berichten die nog wachten worden niet meer afgeleverd.', 'End this subscription? Events still waiting will not be delivered.')}">${t(web, 'Beëindigen', 'End')}</button></form></div></td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, SUBSCRIPTIONS_PATH, found)}
      <form method="post" action="${SUBSCRIPTIONS_PATH}" class="card" novalidate>
        <h2>${t(web, 'Nieuw abonnement', 'New subscription')}</h2>
        ${csrfField(web)}
        ${field({ name: 'callbackUrl', label: t(web, 'Adres van uw ontvanger', 'Your receiver’s address'), type: 'url', hint: t(web, 'Een https-adres. Er gaat eerst een testbericht heen; alleen bij een 2xx-antwoord komt het abonnement er.', 'An https address. A test event is sent first; the subscription is made only on a 2xx answer.'), value: values.callbackUrl, error: errors.callbackUrl, required: true, autocomplete: 'off', inputmode: 'url' })}
        ${field({ name: 'auth', label: t(web, 'Authorization-waarde (optioneel)', 'Authorization value (optional)'), hint: t(web, 'Gaat met elk bericht mee als Authorization-header; wordt daarna niet meer getoond.', 'Sent with each event as the Authorization header; not shown again.'), error: errors.auth, autocomplete: 'off' })}
        <div class="actions"><button type="submit">${t(web, 'Abonneren', 'Subscribe')}</button></div>
      </form>`;
    sendPage(reply, web, page(web, { title: t(web, 'Abonnementen', 'Subscriptions'), body, notice, styles: ['municipality.css'] }), status);
  }

  private async sendKeys(reply: FastifyReply, web: SignedInContext, query: Fields, values: Record<string, string>, errors: FieldErrors, shown: Html | undefined, status: number, notice?: string): Promise<void> {
    const found = await this.apiKeys.list(web.user.principal, pageRequest(query.pagina));
    const body = html`${errorSummary(web, errors)}${shown ?? ''}
      <p>${t(web, 'Met een API-sleutel bevraagt het systeem van uw gemeente Keurmerk (bulkverificatie, wijzigingen, abonnementen).', 'With an API key your municipality’s system queries Keurmerk (bulk verification, changes, subscriptions).')}</p>
      ${found.total === 0 ? emptyState(t(web, 'Nog geen API-sleutels.', 'No API keys yet.')) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${t(web, 'Naam', 'Name')}</th><th>${t(web, 'Begint met', 'Starts with')}</th><th>${t(web, 'Gemaakt', 'Created')}</th><th>${t(web, 'Status', 'Status')}</th><th><span class="visually-hidden">${t(web, 'Acties', 'Actions')}</span></th></tr></thead>
        <tbody>${found.items.map((k) => html`<tr>
          <td data-label="${t(web, 'Naam', 'Name')}">${k.name}</td>
          <td data-label="${t(web, 'Begint met', 'Starts with')}"><code>${k.keyPrefix}…</code></td>
          <td data-label="${t(web, 'Gemaakt', 'Created')}">${formatDateTime(web, k.createdAt)}</td>
          <td data-label="${t(web, 'Status', 'Status')}">${k.revokedAt ? html`<span class="badge badge--neutral">${t(web, 'Ingetrokken', 'Revoked')} ${formatDateTime(web, k.revokedAt)}</span>` : html`<span class="badge badge--ok">${t(web, 'Actief', 'Active')}</span>`}</td>
          <td>${k.revokedAt ? '' : html`<form method="post" action="${KEYS_PATH}/${k.id}/intrekken">${csrfField(web)}<button type="submit" class="button--danger" data-confirm="${t(web, `Sleutel “${k.name}” intrekken? Systemen die hem gebruiken krijgen dan geen toegang meer.`, `Revoke key “${k.name}”? Systems using it lose access.`)}">${t(web, 'Intrekken', 'Revoke')}<span class="visually-hidden"> ${k.name}</span></button></form>`}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, KEYS_PATH, found)}
      <form method="post" action="${KEYS_PATH}" class="card" novalidate>
        <h2>${t(web, 'Nieuwe sleutel', 'New key')}</h2>
        ${csrfField(web)}
        ${field({ name: 'naam', label: t(web, 'Naam', 'Name'), hint: t(web, 'Bijvoorbeeld het systeem dat de sleutel gebruikt.', 'For example the system that uses the key.'), value: values.naam, error: errors.naam, required: true, autocomplete: 'off' })}
        <div class="actions"><button type="submit">${t(web, 'Sleutel maken', 'Create key')}</button></div>
      </form>`;
    sendPage(reply, web, page(web, { title: t(web, 'API-sleutels', 'API keys'), body, notice, styles: ['municipality.css'] }), status);
  }
}
