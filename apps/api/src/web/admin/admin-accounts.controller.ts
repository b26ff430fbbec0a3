import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccountService, MunicipalityService, ORGANISATION_KINDS, type OrganisationEntity, ROLES, type UserEntity } from '@keurmerk/accounts';
import { AppErrorCode, AppException, type InvalidParam, MAX_PAGE_SIZE } from '@keurmerk/common';
import { actorOf } from '@keurmerk/events';
import { InspectionService } from '@keurmerk/inspections';
import { CreateOrganisationDto } from '../../accounts/dto/organisation.dto';
import { CreateUserDto } from '../../accounts/dto/user.dto';
import { DeclareRelationDto } from '../../inspections/dto/finding.dto';
import { csrfField, emptyState, errorSummary, field, type FieldErrors, html, type Html, page, redirect, roleName, sendPage } from '../layout';
import { formatDate, type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { pageRequest, pager, selectField, text, textareaField, validated } from '../shared/page-parts';
import { adminText } from './admin.texts';

type Fields = Record<string, unknown>;

const USERS_PATH = '/app/beheer/gebruikers';
const ORGANISATIONS_PATH = '/app/beheer/organisaties';

function kindName(web: WebContext, kind: string): string {
  return adminText(web).organisationKinds[kind] ?? kind;
}

function problemText(web: WebContext, param: InvalidParam): string {
  switch (`${param.name}:${param.code}`) {
    case 'organisatieId:required':
      return adminText(web).chooseOrganisationLandlordAuditorBelongs;
    case 'organisatieId:wrong-kind':
      return adminText(web).thisOrganisationWrongKindRole;
    case 'organisatieId:not-allowed':
      return adminText(web).thisRoleBelongsNoOrganisation;
    case 'gemeentecode:required':
      return adminText(web).chooseThisUsersMunicipality;
    case 'gemeentecode:not-allowed':
      return adminText(web).onlyMunicipalUserBelongsMunicipality;
    case 'accreditatieGeldigTot:not-allowed':
      return adminText(web).onlyAuditorInspectionBodyHas;
  }
  if (param.name === 'accreditatieGeldigTot') return adminText(web).enterAValidDate;
  // The DTO's and the service's reasons are for developers; the beheerder reads what to do, per field.
  return adminText(web).accountFieldHelp[param.name] ?? param.reason;
}

function problemsOf(web: WebContext, error: unknown): FieldErrors {
  if (!(error instanceof AppException) || !error.invalidParams) throw error;
  const errors: FieldErrors = {};
  for (const param of error.invalidParams) errors[param.name] ??= problemText(web, param);
  return errors;
}

/**
 * Users, organisations and auditors' declared relations, made by the services the REST endpoints
 * call, with the bodies checked by those endpoints' own DTOs.
 */
@WebController('app/beheer', 'beheerder')
export class AdminAccountsController {
  constructor(
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly inspections: InspectionService,
  ) {}

  @Get('gebruikers')
  async users(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const users = await this.accounts.listUsers(pageRequest(query.pagina));
    const organisations = await this.organisationNames(users.items);
    const body = html`
      <p><a class="button" href="${USERS_PATH}/nieuw">${adminText(web).addAUser}</a></p>
      ${users.total === 0 ? emptyState(adminText(web).noUsersYet) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${adminText(web).name}</th><th>${adminText(web).eMailAddress}</th><th>${adminText(web).role}</th><th>${adminText(web).belongsTo}</th><th>${adminText(web).active}</th></tr></thead>
        <tbody>${users.items.map((user) => html`<tr>
          <td data-label="${adminText(web).name}">${user.name}</td>
          <td data-label="${adminText(web).eMailAddress}">${user.email}</td>
          <td data-label="${adminText(web).role}">${roleName(web, user.role)}</td>
          <td data-label="${adminText(web).belongsTo}">${user.organisationId ? (organisations.get(user.organisationId) ?? '') : (user.municipalityCode ?? '')}</td>
          <td data-label="${adminText(web).active}">${user.active ? adminText(web).yes : adminText(web).no}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, USERS_PATH, users)}`;
    const notice = query.aangemaakt === '1' ? adminText(web).theUserHasBeenCreated : undefined;
    sendPage(reply, web, page(web, { title: adminText(web).users, body, notice, styles: ['admin.css'] }));
  }

  @Get('gebruikers/nieuw')
  async newUser(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    await this.sendUserForm(reply, web, {}, {});
  }

  @Post('gebruikers')
  async createUser(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = Object.fromEntries(['naam', 'email', 'wachtwoord', 'rol', 'organisatieId', 'gemeentecode', 'accreditatieGeldigTot'].map((name) => [name, text(body, name).trim()]));
    try {
      const input = await validated(CreateUserDto, values);
      await this.accounts.createUser(
        { email: input.email, password: input.wachtwoord, name: input.naam, role: input.rol, organisationId: input.organisatieId, municipalityCode: input.gemeentecode, accreditationValidUntil: input.accreditatieGeldigTot },
        actorOf(web.user.principal),
      );
      redirect(reply, `${USERS_PATH}?aangemaakt=1`);
    } catch (error) {
      if (error instanceof AppException && error.code === AppErrorCode.Conflict) {
        await this.sendUserForm(reply, web, { ...values, wachtwoord: '' }, { email: adminText(web).aUserEMailAddress }, 409);
        return;
      }
      await this.sendUserForm(reply, web, { ...values, wachtwoord: '' }, problemsOf(web, error), 400);
    }
  }

  @Get('organisaties')
  async organisations(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    await this.sendOrganisations(reply, web, query, {}, {});
  }

  @Post('organisaties')
  async createOrganisation(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = Object.fromEntries(['naam', 'kvkNummer', 'soort', 'accreditatieGeldigTot'].map((name) => [name, text(body, name).trim()]));
    try {
      const input = await validated(CreateOrganisationDto, values);
      await this.accounts.createOrganisation({ name: input.naam, kvkNumber: input.kvkNummer, kind: input.soort, accreditationValidUntil: input.accreditatieGeldigTot }, actorOf(web.user.principal));
      redirect(reply, `${ORGANISATIONS_PATH}?aangemaakt=1`);
    } catch (error) {
      const errors = error instanceof AppException && error.code === AppErrorCode.Conflict ? { kvkNummer: adminText(web).anOrganisationKvkNumberAlready } : problemsOf(web, error);
      await this.sendOrganisations(reply, web, {}, values, errors, error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400);
    }
  }

  @Post('organisaties/relaties')
  async declareRelation(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { auditorId: text(body, 'auditorId'), organisatieId: text(body, 'relatieOrganisatieId'), omschrijving: text(body, 'omschrijving').trim() };
    try {
      const input = await validated(DeclareRelationDto, values);
      await this.inspections.declareRelation(web.user.principal, { auditorId: input.auditorId, organisationId: input.organisatieId, description: input.omschrijving });
      redirect(reply, `${ORGANISATIONS_PATH}?verklaard=1#relaties`);
    } catch (error) {
      const conflict = error instanceof AppException && error.code === AppErrorCode.Conflict;
      const errors = conflict ? { auditorId: adminText(web).thisRelationHasAlreadyBeen } : problemsOf(web, error);
      if (errors.organisatieId) errors.relatieOrganisatieId = errors.organisatieId;
      delete errors.organisatieId;
      await this.sendOrganisations(reply, web, {}, { auditorId: values.auditorId, relatieOrganisatieId: values.organisatieId, omschrijving: values.omschrijving }, errors, conflict ? 409 : 400);
    }
  }

  private async sendUserForm(reply: FastifyReply, web: SignedInContext, values: Record<string, string>, errors: FieldErrors, status = 200): Promise<void> {
    const [organisations, municipalities] = await Promise.all([this.allOrganisations(), this.municipalities.list()]);
    const body = html`${errorSummary(web, errors)}
      <form method="post" action="${USERS_PATH}" class="card" novalidate>
        ${csrfField(web)}
        ${field({ name: 'naam', label: adminText(web).name, value: values.naam, error: errors.naam, required: true, autocomplete: 'off' })}
        ${field({ name: 'email', label: adminText(web).eMailAddress, type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'off' })}
        ${field({ name: 'wachtwoord', label: adminText(web).firstPassword, type: 'password', hint: adminText(web).atLeast12CharactersPass, error: errors.wachtwoord, required: true, autocomplete: 'new-password' })}
        ${selectField({ name: 'rol', label: adminText(web).role, value: values.rol, error: errors.rol, empty: adminText(web).chooseARole, choices: ROLES.map((role) => ({ value: role, label: roleName(web, role) })) })}
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
        ${field({ name: 'accreditatieGeldigTot', label: adminText(web).personalAccreditationValidUntil, type: 'date', hint: adminText(web).onlyAuditorEmptyIfDoes, value: values.accreditatieGeldigTot, error: errors.accreditatieGeldigTot })}
        <div class="actions"><button type="submit">${adminText(web).createUser}</button><a href="${USERS_PATH}">${adminText(web).cancel}</a></div>
      </form>`;
    sendPage(reply, web, page(web, { title: adminText(web).addAUser, body, styles: ['admin.css'] }), status);
  }

  private async sendOrganisations(reply: FastifyReply, web: SignedInContext, query: Fields, values: Record<string, string>, errors: FieldErrors, status = 200): Promise<void> {
    const [list, all, auditors, relations] = await Promise.all([
      this.accounts.listOrganisations(pageRequest(query.pagina)),
      this.allOrganisations(),
      this.accounts.listUsers({ page: 1, pageSize: MAX_PAGE_SIZE }, { role: 'auditor' }),
      this.inspections.relations(),
    ]);
    const names = new Map(all.map((o) => [o.id, o.name]));
    const auditorNames = new Map(auditors.items.map((a) => [a.id, a.name]));
    const landlords = all.filter((o) => o.kind === 'verhuurder');
    const notice = query.aangemaakt === '1' ? adminText(web).theOrganisationHasBeenRegistered : query.verklaard === '1' ? adminText(web).theRelationHasBeenRecorded : undefined;
    const body: Html = html`${errorSummary(web, errors)}
      ${list.total === 0 ? emptyState(adminText(web).noOrganisationsYet) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${adminText(web).name}</th><th>${adminText(web).kvkNumber}</th><th>${adminText(web).kind}</th><th>${adminText(web).accreditedUntil}</th></tr></thead>
        <tbody>${list.items.map((o) => html`<tr>
          <td data-label="${adminText(web).name}">${o.name}</td>
          <td data-label="${adminText(web).kvkNumber}">${o.kvkNumber}</td>
          <td data-label="${adminText(web).kind}">${kindName(web, o.kind)}</td>
          <td data-label="${adminText(web).accreditedUntil}">${formatDate(web, o.accreditationValidUntil)}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, ORGANISATIONS_PATH, list)}
      <div class="cols">
      <form method="post" action="${ORGANISATIONS_PATH}" class="card" novalidate>
        <h2>${adminText(web).registerAnOrganisation}</h2>
        ${csrfField(web)}
        ${field({ name: 'naam', label: adminText(web).name, value: values.naam, error: errors.naam, required: true })}
        ${field({ name: 'kvkNummer', label: adminText(web).kvkNumber, value: values.kvkNummer, error: errors.kvkNummer, required: true, inputmode: 'numeric', hint: adminText(web).n8Digits })}
        ${selectField({ name: 'soort', label: adminText(web).kind, value: values.soort, error: errors.soort, empty: adminText(web).chooseAKind, choices: ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindName(web, kind) })) })}
        ${field({ name: 'accreditatieGeldigTot', label: adminText(web).accreditationValidUntil, type: 'date', hint: adminText(web).onlyInspectionBodyIsoIec, value: values.accreditatieGeldigTot, error: errors.accreditatieGeldigTot })}
        <div class="actions"><button type="submit">${adminText(web).register}</button></div>
      </form>
      <section class="card" id="relaties" aria-labelledby="relaties-titel">
        <h2 id="relaties-titel">${adminText(web).auditorsDeclaredRelations}</h2>
        <p class="muted">${adminText(web).anAuditorCannotInspectLandlord}</p>
        ${relations.length === 0 ? html`<p>${adminText(web).noRelationsDeclared}</p>` : html`<ul>${relations.map((r) => html`<li>${auditorNames.get(r.auditorId) ?? r.auditorId} — ${names.get(r.organisationId) ?? r.organisationId}: ${r.description}</li>`)}</ul>`}
        <form method="post" action="${ORGANISATIONS_PATH}/relaties" novalidate>
          ${csrfField(web)}
          ${selectField({ name: 'auditorId', label: adminText(web).auditor, value: values.auditorId, error: errors.auditorId, empty: adminText(web).chooseAnAuditor, choices: auditors.items.map((a) => ({ value: a.id, label: a.name })) })}
          ${selectField({ name: 'relatieOrganisatieId', label: adminText(web).landlord, value: values.relatieOrganisatieId, error: errors.relatieOrganisatieId, empty: adminText(web).chooseALandlord, choices: landlords.map((o) => ({ value: o.id, label: o.name })) })}
          ${textareaField({ name: 'omschrijving', label: adminText(web).description, value: values.omschrijving, error: errors.omschrijving, rows: 3 })}
          <div class="actions"><button type="submit" class="button--secondary">${adminText(web).recordRelation}</button></div>
        </form>
      </section>
      </div>`;
    sendPage(reply, web, page(web, { title: adminText(web).organisations, body, notice, styles: ['admin.css'] }), status);
  }

  /** Every organisation, for choosing one: page after page of the service's list. */
  private async allOrganisations(): Promise<OrganisationEntity[]> {
    const all: OrganisationEntity[] = [];
    for (let number = 1; ; number++) {
      const found = await this.accounts.listOrganisations({ page: number, pageSize: MAX_PAGE_SIZE });
      all.push(...found.items);
      if (all.length >= found.total || found.items.length === 0) return all;
    }
  }

  private async organisationNames(users: UserEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(users.map((u) => u.organisationId).filter((id): id is string => Boolean(id)))];
    const found = await Promise.all(ids.map((id) => this.accounts.getOrganisation(id)));
    return new Map(found.map((o) => [o.id, o.name]));
  }
}
