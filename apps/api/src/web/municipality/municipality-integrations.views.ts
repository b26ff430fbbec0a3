import type { ApiKeyEntity } from '@keurmerk/accounts';
import type { Page } from '@keurmerk/common';
import type { DeliveryView, SubscriptionView } from '@keurmerk/webhooks';
import { csrfField, emptyState, errorSummary, field, type FieldErrors, html, type Html, page } from '../layout';
import { statusBadge } from '../labels';
import { pager } from '../shared/parts.view';
import { formatDateTime, type WebContext } from '../web-context';
import { municipalityText } from './municipality.texts';

export const SUBSCRIPTIONS_PATH = '/app/gemeente/abonnementen';
export const KEYS_PATH = '/app/gemeente/sleutels';

/** A secret to show once, with what it is. */
export interface SecretShown {
  label: string;
  secret: string;
}

interface FormState<T> {
  found: Page<T>;
  values: Record<string, string>;
  errors: FieldErrors;
  shown?: SecretShown;
  notice?: string;
}

/** A secret shown once, right after it was made: it is stored only as a hash (keys) or for signing (webhooks). */
function secretOnce(web: WebContext, { label, secret }: SecretShown): Html {
  return html`<div class="notice secret-once" role="status">
    <p><strong>${label}</strong></p>
    <code class="secret" data-secret>${secret}</code>
    <p>${municipalityText(web).copyNowKeepSafeWill}</p>
  </div>`;
}

export function deliveriesPage(web: WebContext, subscription: SubscriptionView, found: Page<DeliveryView>): Html {
  const path = `${SUBSCRIPTIONS_PATH}/${subscription.id}`;
  const headCells = [
    html`<th>${municipalityText(web).created}</th>`,
    html`<th>${municipalityText(web).event}</th>`,
    html`<th>${municipalityText(web).status}</th>`,
    html`<th class="num">${municipalityText(web).attempts}</th>`,
    html`<th>${municipalityText(web).lastAnswer}</th>`,
  ];
  const body = html`<div class="card"><dl class="facts">
      <dt>${municipalityText(web).address}</dt><dd class="url">${subscription.callbackUrl}</dd>
      <dt>${municipalityText(web).since}</dt><dd>${formatDateTime(web, subscription.createdAt)}</dd>
      <dt>${municipalityText(web).authorization}</dt><dd>${
        subscription.withAuth ? municipalityText(web).setNotShown : municipalityText(web).none
      }</dd>
    </dl></div>
    <h2>${municipalityText(web).deliveries}</h2>
    ${
      found.total === 0
        ? emptyState(municipalityText(web).noDeliveriesYet)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr>${headCells}</tr></thead>
      <tbody>${found.items.map(
        ({ delivery, certificateNumber, attempts }) => html`<tr>
        <td data-label="${municipalityText(web).created}">${formatDateTime(web, delivery.createdAt)}</td>
        <td data-label="${municipalityText(web).event}"><code>${delivery.eventType}</code>${
          certificateNumber ? html` ${certificateNumber}` : ''
        }</td>
        <td data-label="${municipalityText(web).status}">${statusBadge(web, 'delivery', delivery.status)}${
          delivery.nextAttemptAt && delivery.status !== 'delivered'
            ? html`<br><span class="muted">${municipalityText(web).nextAttempt} ${formatDateTime(web, delivery.nextAttemptAt)}</span>`
            : ''
        }</td>
        <td class="num" data-label="${municipalityText(web).attempts}">${delivery.attempts}</td>
        <td data-label="${municipalityText(web).lastAnswer}">${
          attempts.length === 0
            ? '—'
            : html`<ol class="attempts">${attempts.map(
                (a) =>
                  html`<li>${formatDateTime(web, a.attemptedAt)}: ${
                    a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? municipalityText(web).noAnswer)
                  }</li>`,
              )}</ol>`
        }</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, path, found)}
    <p><a href="${SUBSCRIPTIONS_PATH}">${municipalityText(web).allSubscriptions}</a></p>`;
  return page(web, { title: municipalityText(web).deliveryLog, body, styles: ['municipality.css'] });
}

export function subscriptionsPage(web: WebContext, { found, values, errors, shown, notice }: FormState<SubscriptionView>): Html {
  const body = html`${errorSummary(web, errors)}${shown ? secretOnce(web, shown) : ''}
    <p>${municipalityText(web).onEachStatusChangeCertificate}</p>
    ${
      found.total === 0
        ? emptyState(municipalityText(web).noSubscriptionsYet)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr><th>${municipalityText(web).address}</th><th>${municipalityText(web).since}</th><th><span
        class="visually-hidden">${municipalityText(web).actions}</span></th></tr></thead>
      <tbody>${found.items.map(
        (s) => html`<tr>
        <td data-label="${municipalityText(web).address}" class="url">${s.callbackUrl}</td>
        <td data-label="${municipalityText(web).since}">${formatDateTime(web, s.createdAt)}</td>
        <td><div class="row-actions"><a href="${SUBSCRIPTIONS_PATH}/${s.id}">${municipalityText(web).deliveryLog}</a>
          <form method="post" action="${SUBSCRIPTIONS_PATH}/${s.id}/verwijderen">${csrfField(web)}<button type="submit"
            class="button--danger"
            data-confirm="${municipalityText(web).endSubscriptionEventsStillWaiting}"
            >${municipalityText(web).end}</button></form></div></td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, SUBSCRIPTIONS_PATH, found)}
    <form method="post" action="${SUBSCRIPTIONS_PATH}" class="card" novalidate>
      <h2>${municipalityText(web).newSubscription}</h2>
      ${csrfField(web)}
      ${field({
        name: 'callbackUrl',
        label: municipalityText(web).yourReceiversAddress,
        type: 'url',
        hint: municipalityText(web).anHttpsAddressTestEvent,
        value: values.callbackUrl,
        error: errors.callbackUrl,
        required: true,
        autocomplete: 'off',
        inputmode: 'url',
      })}
      ${field({
        name: 'auth',
        label: municipalityText(web).authorizationValueOptional,
        hint: municipalityText(web).sentEachEventAuthorizationHeader,
        error: errors.auth,
        autocomplete: 'off',
      })}
      <div class="actions"><button type="submit">${municipalityText(web).subscribe}</button></div>
    </form>`;
  return page(web, { title: municipalityText(web).subscriptions, body, notice, styles: ['municipality.css'] });
}

export function apiKeysPage(web: WebContext, { found, values, errors, shown, notice }: FormState<ApiKeyEntity>): Html {
  const headCells2 = [
    html`<th>${municipalityText(web).name}</th>`,
    html`<th>${municipalityText(web).startsWith}</th>`,
    html`<th>${municipalityText(web).created}</th>`,
    html`<th>${municipalityText(web).status}</th>`,
    html`<th><span class="visually-hidden">${municipalityText(web).actions}</span></th>`,
  ];
  const body = html`${errorSummary(web, errors)}${shown ? secretOnce(web, shown) : ''}
    <p>${municipalityText(web).withApiKeyYourMunicipalitys}</p>
    ${
      found.total === 0
        ? emptyState(municipalityText(web).noApiKeysYet)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr>${headCells2}</tr></thead>
      <tbody>${found.items.map(
        (k) => html`<tr>
        <td data-label="${municipalityText(web).name}">${k.name}</td>
        <td data-label="${municipalityText(web).startsWith}"><code>${k.keyPrefix}…</code></td>
        <td data-label="${municipalityText(web).created}">${formatDateTime(web, k.createdAt)}</td>
        <td data-label="${municipalityText(web).status}">${
          k.revokedAt
            ? html`<span class="badge badge--neutral">${municipalityText(web).revoked} ${formatDateTime(web, k.revokedAt)}</span>`
            : html`<span class="badge badge--ok">${municipalityText(web).active}</span>`
        }</td>
        <td>${
          k.revokedAt
            ? ''
            : html`<form method="post" action="${KEYS_PATH}/${k.id}/intrekken">${csrfField(web)}<button type="submit"
              class="button--danger"
                data-confirm="${municipalityText(web).revokeKeySystemsUsingLose(k.name)}">${municipalityText(web).revoke}<span
                  class="visually-hidden"> ${k.name}</span></button></form>`
        }</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, KEYS_PATH, found)}
    <form method="post" action="${KEYS_PATH}" class="card" novalidate>
      <h2>${municipalityText(web).newKey}</h2>
      ${csrfField(web)}
      ${field({
        name: 'naam',
        label: municipalityText(web).name,
        hint: municipalityText(web).forExampleSystemUsesKey,
        value: values.naam,
        error: errors.naam,
        required: true,
        autocomplete: 'off',
      })}
      <div class="actions"><button type="submit">${municipalityText(web).createKey}</button></div>
    </form>`;
  return page(web, { title: municipalityText(web).apiKeys, body, notice, styles: ['municipality.css'] });
}
