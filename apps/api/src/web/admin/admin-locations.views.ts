import type { OrganisationEntity } from '@keurmerk/accounts';
import type { Page } from '@keurmerk/common';
import { type AddressClaimEntity, type LocationEntity, MAX_REASON_LENGTH } from '@keurmerk/locations';
import { csrfField, emptyState, errorSummary, type FieldErrors, html, type Html } from '../layout';
import { addressLine } from '../shared/page-parts';
import { pager, selectField, textareaField } from '../shared/parts.view';
import { formatDate, formatDateTime, type WebContext } from '../web-context';
import { adminText } from './admin.texts';

export const ADMIN_LOCATIONS_PATH = '/app/beheer/locaties';

export function adminLocationPath(id: string): string {
  return `${ADMIN_LOCATIONS_PATH}/${id}`;
}

/** A claim as the page shows it: the claim, the location it contests, both organisations by name. */
export interface ClaimRow {
  claim: AddressClaimEntity;
  location?: LocationEntity;
  claimant?: OrganisationEntity;
  holder?: OrganisationEntity;
}

/** A claim form that came back: which claim, which form, what was typed, and the problem. */
export interface ClaimForm {
  claimId: string;
  form: 'sluiten' | 'overdragen';
  value: string;
  error: string;
}

function claimTextarea(o: { id: string; name: string; label: string; value: string; error?: string }): Html {
  return html`<div class="field${o.error ? ' field--error' : ''}">
  <label for="${o.id}">${o.label}</label>
  ${o.error ? html`<p class="error" id="${o.id}-fout">${o.error}</p>` : ''}
  <textarea id="${o.id}" name="${o.name}" rows="2" maxlength="${MAX_REASON_LENGTH}" required${
    o.error ? html` aria-invalid="true" aria-describedby="${o.id}-fout"` : ''
  }>${o.value}</textarea>
</div>`;
}

function claimItem(web: WebContext, row: ClaimRow, returned?: ClaimForm): Html {
  const { claim } = row;
  const texts = adminText(web);
  const own = (form: ClaimForm['form']) => (returned?.claimId === claim.id && returned.form === form ? returned : undefined);
  return html`<li class="claim card" id="claim-${claim.id}">
  <h3>${addressLine(claim)}</h3>
  <dl class="facts">
    <dt>${texts.claimedBy}</dt><dd>${row.claimant?.name ?? claim.claimantOrganisationId}</dd>
    <dt>${texts.currentHolder}</dt><dd>${
      row.location ? html`<a href="${adminLocationPath(row.location.id)}">${row.holder?.name ?? row.location.organisationId}</a>` : ''
    }</dd>
    <dt>${texts.claimedOn}</dt><dd>${formatDateTime(web, claim.claimedAt)}</dd>
  </dl>
  <div class="cols">
    <form method="post" action="${ADMIN_LOCATIONS_PATH}/adresclaims/${claim.id}/afhandeling" novalidate>
      ${csrfField(web)}
      ${claimTextarea({
        id: `toelichting-${claim.id}`,
        name: 'toelichting',
        label: texts.closeWithNote,
        value: own('sluiten')?.value ?? '',
        error: own('sluiten')?.error,
      })}
      <button type="submit" class="button--secondary">${texts.closeClaim}</button>
    </form>
    <form method="post" action="${ADMIN_LOCATIONS_PATH}/adresclaims/${claim.id}/overdracht" novalidate>
      ${csrfField(web)}
      ${claimTextarea({
        id: `reden-${claim.id}`,
        name: 'reden',
        label: texts.reasonForTransfer,
        value: own('overdragen')?.value ?? '',
        error: own('overdragen')?.error,
      })}
      <p class="hint">${texts.transferWithdrawsCertificate}</p>
      <button type="submit">${texts.transferToClaimant}</button>
    </form>
  </div>
</li>`;
}

export function claimsList(web: WebContext, rows: ClaimRow[], returned?: ClaimForm): Html {
  return rows.length === 0
    ? emptyState(adminText(web).noOpenAddressClaims)
    : html`<ul class="claims">${rows.map((row) => claimItem(web, row, returned))}</ul>`;
}

/** Open claims first (they need a decision), then a search for any location to transfer. */
export function adminLocationsBody(
  web: WebContext,
  o: {
    claims: ClaimRow[];
    returned?: ClaimForm;
    message?: string;
    postcode: string;
    found?: Page<LocationEntity>;
    holders: Map<string, OrganisationEntity>;
  },
): Html {
  const texts = adminText(web);
  return html`${errorSummary(web, {}, o.message)}
<section aria-labelledby="claims"><h2 id="claims">${texts.openAddressClaims}</h2>
  <p>${texts.addressClaimsExplanation}</p>
  ${claimsList(web, o.claims, o.returned)}
</section>
<section class="card" aria-labelledby="zoeken"><h2 id="zoeken">${texts.findLocation}</h2>
  <form method="get" action="${ADMIN_LOCATIONS_PATH}" class="inline-form">
    <div class="field"><label for="veld-postcode">Postcode</label><input id="veld-postcode" name="postcode" value="${
      o.postcode
    }" class="short" autocomplete="off"></div>
    <button type="submit" class="button--secondary">${texts.search}</button>
  </form>
  ${
    o.found
      ? o.found.total === 0
        ? emptyState(texts.noLocationsFound)
        : html`<ul class="location-results">${o.found.items.map(
            (location) =>
              html`<li><a href="${adminLocationPath(location.id)}">${addressLine(location)}</a> · ${
                o.holders.get(location.organisationId)?.name ?? ''
              } · ${texts.locationStatuses[location.status] ?? location.status}</li>`,
          )}</ul>${pager(web, ADMIN_LOCATIONS_PATH, o.found, { postcode: o.postcode })}`
      : ''
  }
</section>`;
}

/** One location for the beheerder: who holds it, its claims, and the transfer form. */
export function adminLocationBody(
  web: WebContext,
  o: {
    location: LocationEntity;
    holder?: OrganisationEntity;
    landlords: OrganisationEntity[];
    claims: ClaimRow[];
    values: { organisatieId: string; reden: string };
    errors: FieldErrors;
    message?: string;
    returned?: ClaimForm;
  },
): Html {
  const texts = adminText(web);
  const { location } = o;
  return html`${errorSummary(web, o.errors, o.message)}
<p class="back"><a href="${ADMIN_LOCATIONS_PATH}">${texts.locationsAndClaims}</a></p>
<section class="card" aria-labelledby="houder"><h2 id="houder">${texts.holder}</h2>
  <dl class="facts">
    <dt>${texts.holder}</dt><dd>${o.holder?.name ?? location.organisationId}</dd>
    <dt>${texts.status}</dt><dd>${texts.locationStatuses[location.status] ?? location.status}${
      location.deregisteredAt ? ` (${formatDate(web, location.deregisteredAt)})` : ''
    }</dd>
  </dl>
</section>
${
  location.status === 'actief'
    ? html`<section class="card" aria-labelledby="overdragen"><h2 id="overdragen">${texts.transferLocation}</h2>
  <p class="hint">${texts.transferWithdrawsCertificate}</p>
  <form method="post" action="${adminLocationPath(location.id)}/overdracht" novalidate>
    ${csrfField(web)}
    ${selectField({
      name: 'organisatieId',
      label: texts.newHolder,
      value: o.values.organisatieId,
      error: o.errors.organisatieId,
      empty: texts.chooseLandlord,
      choices: o.landlords
        .filter((organisation) => organisation.id !== location.organisationId)
        .map((organisation) => ({ value: organisation.id, label: `${organisation.name} (KvK ${organisation.kvkNumber})` })),
    })}
    ${textareaField({ name: 'reden', label: texts.reasonForTransfer, value: o.values.reden, error: o.errors.reden, rows: 3 })}
    <button type="submit">${texts.transferLocation}</button>
  </form>
</section>`
    : ''
}
${
  o.claims.length > 0
    ? html`<section aria-labelledby="claims"><h2 id="claims">${texts.claimsOnThisLocation}</h2>${claimsList(
        web,
        o.claims,
        o.returned,
      )}</section>`
    : ''
}`;
}
