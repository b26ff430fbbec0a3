import type { MunicipalityEntity, OrganisationEntity, UserEntity } from '@keurmerk/accounts';
import { ORGANISATION_KINDS, ROLES } from '@keurmerk/accounts';
import type { Page } from '@keurmerk/common';
import type { AuditorRelationEntity } from '@keurmerk/inspections';
import { csrfField, emptyState, errorSummary, field, type FieldErrors, html, type Html, page, roleName } from '../layout';
import { pager, selectField, textareaField } from '../shared/parts.view';
import { formatDate, type WebContext } from '../web-context';
import { adminText } from './admin.texts';

export const USERS_PATH = '/app/beheer/gebruikers';
export const ORGANISATIONS_PATH = '/app/beheer/organisaties';

type Query = Record<string, unknown>;

function kindName(web: WebContext, kind: string): string {
  return adminText(web).organisationKinds[kind] ?? kind;
}

export function usersPage(web: WebContext, users: Page<UserEntity>, organisations: Map<string, string>, created: boolean): Html {
  const headCells = [
    html`<th>${adminText(web).name}</th>`,
    html`<th>${adminText(web).eMailAddress}</th>`,
    html`<th>${adminText(web).role}</th>`,
    html`<th>${adminText(web).belongsTo}</th>`,
    html`<th>${adminText(web).active}</th>`,
  ];
  const body = html`
    <p><a class="button" href="${USERS_PATH}/nieuw">${adminText(web).addAUser}</a></p>
    ${
      users.total === 0
        ? emptyState(adminText(web).noUsersYet)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr>${headCells}</tr></thead>
      <tbody>${users.items.map(
        (user) => html`<tr>
        <td data-label="${adminText(web).name}"><a href="${USERS_PATH}/${user.id}">${user.name}</a></td>
        <td data-label="${adminText(web).eMailAddress}">${user.email}</td>
        <td data-label="${adminText(web).role}">${roleName(web, user.role)}</td>
        <td data-label="${adminText(web).belongsTo}">${
          user.organisationId ? (organisations.get(user.organisationId) ?? '') : (user.municipalityCode ?? '')
        }</td>
        <td data-label="${adminText(web).active}">${user.active ? adminText(web).yes : adminText(web).no}</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, USERS_PATH, users)}`;
  const notice = created ? adminText(web).theUserHasBeenCreated : undefined;
  return page(web, { title: adminText(web).users, body, notice, styles: ['admin.css'] });
}

export function userFormPage(
  web: WebContext,
  {
    values,
    errors,
    organisations,
    municipalities,
  }: { values: Record<string, string>; errors: FieldErrors; organisations: OrganisationEntity[]; municipalities: MunicipalityEntity[] },
): Html {
  const body = html`${errorSummary(web, errors)}
    <form method="post" action="${USERS_PATH}" class="card" novalidate>
      ${csrfField(web)}
      ${field({ name: 'naam', label: adminText(web).name, value: values.naam, error: errors.naam, required: true, autocomplete: 'off' })}
      ${field({
        name: 'email',
        label: adminText(web).eMailAddress,
        type: 'email',
        value: values.email,
        error: errors.email,
        required: true,
        autocomplete: 'off',
      })}
      ${field({
        name: 'wachtwoord',
        label: adminText(web).firstPassword,
        type: 'password',
        hint: adminText(web).firstPasswordHint,
        error: errors.wachtwoord,
        required: true,
        autocomplete: 'new-password',
      })}
      ${selectField({
        name: 'rol',
        label: adminText(web).role,
        value: values.rol,
        error: errors.rol,
        empty: adminText(web).chooseARole,
        choices: ROLES.map((role) => ({ value: role, label: roleName(web, role) })),
      })}
      ${selectField({
        name: 'organisatieId',
        label: adminText(web).organisation,
        hint: adminText(web).forLandlordLandlordOrganisationAuditor,
        value: values.organisatieId,
        error: errors.organisatieId,
        empty: adminText(web).none,
        choices: organisations.map((o) => ({ value: o.id, label: `${o.name} (${kindName(web, o.kind)})` })),
      })}
      ${selectField({
        name: 'gemeentecode',
        label: adminText(web).municipality,
        hint: adminText(web).onlyMunicipalUser,
        value: values.gemeentecode,
        error: errors.gemeentecode,
        empty: adminText(web).none,
        choices: municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
      })}
      ${field({
        name: 'accreditatieGeldigTot',
        label: adminText(web).personalAccreditationValidUntil,
        type: 'date',
        hint: adminText(web).onlyAuditorEmptyIfDoes,
        value: values.accreditatieGeldigTot,
        error: errors.accreditatieGeldigTot,
      })}
      <div class="actions"><button type="submit">${adminText(web).createUser}</button><a
        href="${USERS_PATH}">${adminText(web).cancel}</a></div>
    </form>`;
  return page(web, { title: adminText(web).addAUser, body, styles: ['admin.css'] });
}

export function organisationsPage(
  web: WebContext,
  d: {
    list: Page<OrganisationEntity>;
    all: OrganisationEntity[];
    auditors: UserEntity[];
    relations: AuditorRelationEntity[];
    values: Record<string, string>;
    errors: FieldErrors;
    query: Query;
  },
): Html {
  const { list, all, auditors, relations, values, errors, query } = d;
  const names = new Map(all.map((o) => [o.id, o.name]));
  const auditorNames = new Map(auditors.map((a) => [a.id, a.name]));
  const landlords = all.filter((o) => o.kind === 'verhuurder');
  const notice =
    query.aangemaakt === '1'
      ? adminText(web).theOrganisationHasBeenRegistered
      : query.verklaard === '1'
        ? adminText(web).theRelationHasBeenRecorded
        : undefined;
  const headCells2 = [
    html`<th>${adminText(web).name}</th>`,
    html`<th>${adminText(web).kvkNumber}</th>`,
    html`<th>${adminText(web).kind}</th>`,
    html`<th>${adminText(web).accreditedUntil}</th>`,
  ];
  const body: Html = html`${errorSummary(web, errors)}
    ${
      list.total === 0
        ? emptyState(adminText(web).noOrganisationsYet)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr>${headCells2}</tr></thead>
      <tbody>${list.items.map(
        (o) => html`<tr>
        <td data-label="${adminText(web).name}"><a href="${ORGANISATIONS_PATH}/${o.id}">${o.name}</a></td>
        <td data-label="${adminText(web).kvkNumber}">${o.kvkNumber}</td>
        <td data-label="${adminText(web).kind}">${kindName(web, o.kind)}</td>
        <td data-label="${adminText(web).accreditedUntil}">${formatDate(web, o.accreditationValidUntil)}</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, ORGANISATIONS_PATH, list)}
    <div class="cols">
    <form method="post" action="${ORGANISATIONS_PATH}" class="card" novalidate>
      <h2>${adminText(web).registerAnOrganisation}</h2>
      ${csrfField(web)}
      ${field({ name: 'naam', label: adminText(web).name, value: values.naam, error: errors.naam, required: true })}
      ${field({
        name: 'kvkNummer',
        label: adminText(web).kvkNumber,
        value: values.kvkNummer,
        error: errors.kvkNummer,
        required: true,
        inputmode: 'numeric',
        hint: adminText(web).n8Digits,
      })}
      ${selectField({
        name: 'soort',
        label: adminText(web).kind,
        value: values.soort,
        error: errors.soort,
        empty: adminText(web).chooseAKind,
        choices: ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindName(web, kind) })),
      })}
      ${field({
        name: 'accreditatieGeldigTot',
        label: adminText(web).accreditationValidUntil,
        type: 'date',
        hint: adminText(web).onlyInspectionBodyIsoIec,
        value: values.accreditatieGeldigTot,
        error: errors.accreditatieGeldigTot,
      })}
      <div class="actions"><button type="submit">${adminText(web).register}</button></div>
    </form>
    <section class="card" id="relaties" aria-labelledby="relaties-titel">
      <h2 id="relaties-titel">${adminText(web).auditorsDeclaredRelations}</h2>
      <p class="muted">${adminText(web).anAuditorCannotInspectLandlord}</p>
      ${
        relations.length === 0
          ? html`<p>${adminText(web).noRelationsDeclared}</p>`
          : html`<ul>${relations.map(
              (r) =>
                html`<li>${auditorNames.get(r.auditorId) ?? r.auditorId} — ${
                  names.get(r.organisationId) ?? r.organisationId
                }: ${r.description}</li>`,
            )}</ul>`
      }
      <form method="post" action="${ORGANISATIONS_PATH}/relaties" novalidate>
        ${csrfField(web)}
        ${selectField({
          name: 'auditorId',
          label: adminText(web).auditor,
          value: values.auditorId,
          error: errors.auditorId,
          empty: adminText(web).chooseAnAuditor,
          choices: auditors.map((a) => ({ value: a.id, label: a.name })),
        })}
        ${selectField({
          name: 'relatieOrganisatieId',
          label: adminText(web).landlord,
          value: values.relatieOrganisatieId,
          error: errors.relatieOrganisatieId,
          empty: adminText(web).chooseALandlord,
          choices: landlords.map((o) => ({ value: o.id, label: o.name })),
        })}
        ${textareaField({
          name: 'omschrijving',
          label: adminText(web).description,
          value: values.omschrijving,
          error: errors.omschrijving,
          rows: 3,
        })}
        <div class="actions"><button type="submit" class="button--secondary">${adminText(web).recordRelation}</button></div>
      </form>
    </section>
    </div>`;
  return page(web, { title: adminText(web).organisations, body, notice, styles: ['admin.css'] });
}

/** A small form that posts one change of the edit page: the fields it holds, and its button. */
function changeForm(web: WebContext, action: string, fields: Html, button: Html): Html {
  return html`<form method="post" action="${action}" novalidate>${csrfField(web)}${fields}<div class="actions">${button}</div></form>`;
}

function validUntil(web: WebContext, date: string | null): string {
  return date ? formatDate(web, date) : adminText(web).noAccreditation;
}

function endAccreditationForm(web: WebContext, action: string): Html {
  return changeForm(
    web,
    action,
    html`<input type="hidden" name="actie" value="accreditatie-beeindigen">`,
    html`<button type="submit" class="button--secondary">${adminText(web).endAccreditation}</button>`,
  );
}

/** One user: rename, renew or end a personal accreditation (auditors), deactivate or reactivate. */
export function userEditPage(
  web: WebContext,
  d: {
    user: UserEntity;
    self: boolean;
    /** The user has a second factor (staff only); the beheerder may turn it off for another. */
    secondFactor: boolean;
    values: Record<string, string>;
    errors: FieldErrors;
    notice?: string;
  },
): Html {
  const { user, self, values, errors } = d;
  const t = adminText(web);
  const action = `${USERS_PATH}/${user.id}`;
  const accreditation =
    user.role === 'auditor'
      ? html`<section class="card"><h2>${t.accreditation}</h2>
      <p>${t.personalAccreditationValidUntil}: ${validUntil(web, user.accreditationValidUntil)}</p>
      ${changeForm(
        web,
        action,
        field({
          name: 'accreditatieGeldigTot',
          label: t.personalAccreditationValidUntil,
          type: 'date',
          value: values.accreditatieGeldigTot ?? user.accreditationValidUntil,
          error: errors.accreditatieGeldigTot,
        }),
        html`<button type="submit">${t.renewAccreditation}</button>`,
      )}
      <p class="muted">${t.endAccreditationExplained}</p>
      ${endAccreditationForm(web, action)}
    </section>`
      : '';
  const body = html`${errorSummary(web, errors)}
  <p class="muted">${user.email} · ${roleName(web, user.role)}</p>
  <div class="cols">
  <section class="card"><h2>${t.name}</h2>
    ${changeForm(
      web,
      action,
      field({ name: 'naam', label: t.name, value: values.naam ?? user.name, error: errors.naam, required: true, autocomplete: 'off' }),
      html`<button type="submit">${t.rename}</button>`,
    )}
  </section>
  ${accreditation}
  <section class="card"><h2>${t.active}</h2>
    <p>${user.active ? t.thisUserIsActive : t.thisUserIsInactive}</p>
    <p class="muted">${t.deactivateExplained}</p>
    ${
      self
        ? html`<p>${t.youCannotDeactivateYourself}</p>`
        : changeForm(
            web,
            action,
            html`<input type="hidden" name="actief" value="${user.active ? 'false' : 'true'}">`,
            html`<button type="submit"${user.active ? html`` : ''}>${user.active ? t.deactivate : t.reactivate}</button>`,
          )
    }
  </section>
  ${
    d.secondFactor && !self
      ? html`<section class="card"><h2>${t.secondFactor}</h2>
    <p>${t.secondFactorResetExplained}</p>
    ${changeForm(
      web,
      `${action}/tweede-factor`,
      html``,
      html`<button type="submit" class="button--secondary">${t.turnOffSecondFactor}</button>`,
    )}
  </section>`
      : ''
  }
  </div>
  <p><a href="${USERS_PATH}">${t.users}</a></p>`;
  return page(web, { title: `${t.editUser}: ${user.name}`, body, notice: d.notice, styles: ['admin.css'] });
}

/** One organisation: rename; for an inspection body, renew or end its accreditation. */
export function organisationEditPage(
  web: WebContext,
  d: { organisation: OrganisationEntity; values: Record<string, string>; errors: FieldErrors; notice?: string },
): Html {
  const { organisation, values, errors } = d;
  const t = adminText(web);
  const action = `${ORGANISATIONS_PATH}/${organisation.id}`;
  const body = html`${errorSummary(web, errors)}
  <p class="muted">${organisation.kvkNumber} · ${kindName(web, organisation.kind)}</p>
  <div class="cols">
  <section class="card"><h2>${t.name}</h2>
    ${changeForm(
      web,
      action,
      field({ name: 'naam', label: t.name, value: values.naam ?? organisation.name, error: errors.naam, required: true }),
      html`<button type="submit">${t.rename}</button>`,
    )}
  </section>
  ${
    organisation.kind === 'inspectie-instelling'
      ? html`<section class="card"><h2>${t.accreditation}</h2>
      <p>${t.accreditationValidUntil}: ${validUntil(web, organisation.accreditationValidUntil)}</p>
      ${changeForm(
        web,
        action,
        field({
          name: 'accreditatieGeldigTot',
          label: t.accreditationValidUntil,
          type: 'date',
          value: values.accreditatieGeldigTot ?? organisation.accreditationValidUntil,
          error: errors.accreditatieGeldigTot,
        }),
        html`<button type="submit">${t.renewAccreditation}</button>`,
      )}
      <p class="muted">${t.endAccreditationExplained}</p>
      ${endAccreditationForm(web, action)}
    </section>`
      : ''
  }
  </div>
  <p><a href="${ORGANISATIONS_PATH}">${t.organisations}</a></p>`;
  return page(web, { title: `${t.editOrganisation}: ${organisation.name}`, body, notice: d.notice, styles: ['admin.css'] });
}
