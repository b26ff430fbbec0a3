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
import { formatDate, type SignedInContext, t, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { pageRequest, pager, selectField, text, textareaField, validated } from './page-parts';

type Fields = Record<string, unknown>;

const USERS_PATH = '/app/beheer/gebruikers';
const ORGANISATIONS_PATH = '/app/beheer/organisaties';

const KIND_NAMES: Record<string, [string, string]> = {
  verhuurder: ['Verhuurder', 'Landlord'],
  'inspectie-instelling': ['Inspectie-instelling', 'Inspection body'],
};

function kindName(web: WebContext, kind: string): string {
  return t(web, ...(KIND_NAMES[kind] ?? [kind, kind]));
}

/** The DTO's and the service's reasons are for developers; the beheerder reads what to do, per field. */
const FIELD_HELP: Record<string, [string, string]> = {
  email: ['Vul een geldig e-mailadres in.', 'Enter a valid e-mail address.'],
  wachtwoord: ['Kies een wachtwoord van minstens 12 tekens.', 'Choose a password of at least 12 characters.'],
  naam: ['Vul een naam in (ten hoogste 200 tekens).', 'Enter a name (at most 200 characters).'],
  rol: ['Kies een rol.', 'Choose a role.'],
  kvkNummer: ['Een KvK-nummer is 8 cijfers.', 'A KvK number is 8 digits.'],
  soort: ['Kies een soort organisatie.', 'Choose a kind of organisation.'],
  auditorId: ['Kies een auditor.', 'Choose an auditor.'],
  omschrijving: ['Beschrijf de relatie (ten hoogste 1000 tekens).', 'Describe the relation (at most 1000 characters).'],
};

function problemText(web: WebContext, param: InvalidParam): string {
  switch (`${param.name}:${param.code}`) {
    case 'organisatieId:required':
      return t(web, 'Kies de organisatie: een verhuurder of auditor hoort bij een organisatie.', 'Choose the organisation: a landlord or auditor belongs to one.');
    case 'organisatieId:wrong-kind':
      return t(web, 'Deze organisatie is van de verkeerde soort voor deze rol.', 'This organisation is of the wrong kind for this role.');
    case 'organisatieId:not-allowed':
      return t(web, 'Deze rol hoort niet bij een organisatie: laat het veld leeg.', 'This role belongs to no organisation: leave it empty.');
    case 'gemeentecode:required':
      return t(web, 'Kies de gemeente van deze gebruiker.', 'Choose this user’s municipality.');
    case 'gemeentecode:not-allowed':
      return t(web, 'Alleen een gemeentegebruiker hoort bij een gemeente: laat het veld leeg.', 'Only a municipal user belongs to a municipality: leave it empty.');
    case 'accreditatieGeldigTot:not-allowed':
      return t(web, 'Alleen een auditor (of inspectie-instelling) heeft een accreditatie: laat het veld leeg.', 'Only an auditor (or inspection body) has an accreditation: leave it empty.');
  }
  if (param.name === 'accreditatieGeldigTot') return t(web, 'Vul een geldige datum in.', 'Enter a valid date.');
  const help = FIELD_HELP[param.name];
  return help ? t(web, ...help) : param.reason;
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
      <p><a class="button" href="${USERS_PATH}/nieuw">${t(web, 'Gebruiker toevoegen', 'Add a user')}</a></p>
      ${users.total === 0 ? emptyState(t(web, 'Nog geen gebruikers.', 'No users yet.')) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${t(web, 'Naam', 'Name')}</th><th>${t(web, 'E-mailadres', 'E-mail address')}</th><th>${t(web, 'Rol', 'Role')}</th><th>${t(web, 'Hoort bij', 'Belongs to')}</th><th>${t(web, 'Actief', 'Active')}</th></tr></thead>
        <tbody>${users.items.map((user) => html`<tr>
          <td data-label="${t(web, 'Naam', 'Name')}">${user.name}</td>
          <td data-label="${t(web, 'E-mailadres', 'E-mail address')}">${user.email}</td>
          <td data-label="${t(web, 'Rol', 'Role')}">${roleName(web, user.role)}</td>
          <td data-label="${t(web, 'Hoort bij', 'Belongs to')}">${user.organisationId ? (organisations.get(user.organisationId) ?? '') : (user.municipalityCode ?? '')}</td>
          <td data-label="${t(web, 'Actief', 'Active')}">${user.active ? t(web, 'Ja', 'Yes') : t(web, 'Nee', 'No')}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, USERS_PATH, users)}`;
    const notice = query.aangemaakt === '1' ? t(web, 'De gebruiker is aangemaakt.', 'The user has been created.') : undefined;
    sendPage(reply, web, page(web, { title: t(web, 'Gebruikers', 'Users'), body, notice, styles: ['admin.css'] }));
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
        await this.sendUserForm(reply, web, { ...values, wachtwoord: '' }, { email: t(web, 'Er is al een gebruiker met dit e-mailadres.', 'A user with this e-mail address already exists.') }, 409);
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
      const errors = error instanceof AppException && error.code === AppErrorCode.Conflict ? { kvkNummer: t(web, 'Er is al een organisatie met dit KvK-nummer.', 'An organisation with this KvK number already exists.') } : problemsOf(web, error);
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
      const errors = conflict ? { auditorId: t(web, 'Deze relatie is al verklaard.', 'This relation has already been declared.') } : problemsOf(web, error);
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
        ${field({ name: 'naam', label: t(web, 'Naam', 'Name'), value: values.naam, error: errors.naam, required: true, autocomplete: 'off' })}
        ${field({ name: 'email', label: t(web, 'E-mailadres', 'E-mail address'), type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'off' })}
        ${field({ name: 'wachtwoord', label: t(web, 'Eerste wachtwoord', 'First password'), type: 'password', hint: t(web, 'Minstens 12 tekens. Geef het de gebruiker op een veilige manier door.', 'At least 12 characters. Pass it on to the user safely.'), error: errors.wachtwoord, required: true, autocomplete: 'new-password' })}
        ${selectField({ name: 'rol', label: t(web, 'Rol', 'Role'), value: values.rol, error: errors.rol, empty: t(web, 'Kies een rol', 'Choose a role'), choices: ROLES.map((role) => ({ value: role, label: roleName(web, role) })) })}
        ${selectField({
          name: 'organisatieId',
          label: t(web, 'Organisatie', 'Organisation'),
          hint: t(web, 'Voor een verhuurder (een verhuurder) of auditor (een inspectie-instelling).', 'For a landlord (a landlord organisation) or auditor (an inspection body).'),
          value: values.organisatieId,
          error: errors.organisatieId,
          empty: t(web, 'Geen', 'None'),
          choices: organisations.map((o) => ({ value: o.id, label: `${o.name} (${kindName(web, o.kind)})` })),
        })}
        ${selectField({
          name: 'gemeentecode',
          label: t(web, 'Gemeente', 'Municipality'),
          hint: t(web, 'Alleen voor een gemeentegebruiker.', 'Only for a municipal user.'),
          value: values.gemeentecode,
          error: errors.gemeentecode,
          empty: t(web, 'Geen', 'None'),
          choices: municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` })),
        })}
        ${field({ name: 'accreditatieGeldigTot', label: t(web, 'Persoonlijke accreditatie geldig tot', 'Personal accreditation valid until'), type: 'date', hint: t(web, 'Alleen voor een auditor; leeg als die niet apart geldt.', 'Only for an auditor; empty if it does not apply separately.'), value: values.accreditatieGeldigTot, error: errors.accreditatieGeldigTot })}
        <div class="actions"><button type="submit">${t(web, 'Gebruiker aanmaken', 'Create user')}</button><a href="${USERS_PATH}">${t(web, 'Annuleren', 'Cancel')}</a></div>
      </form>`;
    sendPage(reply, web, page(web, { title: t(web, 'Gebruiker toevoegen', 'Add a user'), body, styles: ['admin.css'] }), status);
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
    const notice = query.aangemaakt === '1' ? t(web, 'De organisatie is geregistreerd.', 'The organisation has been registered.') : query.verklaard === '1' ? t(web, 'De relatie is vastgelegd.', 'The relation has been recorded.') : undefined;
    const body: Html = html`${errorSummary(web, errors)}
      ${list.total === 0 ? emptyState(t(web, 'Nog geen organisaties.', 'No organisations yet.')) : html`<div class="table-wrap"><table class="stack">
        <thead><tr><th>${t(web, 'Naam', 'Name')}</th><th>${t(web, 'KvK-nummer', 'KvK number')}</th><th>${t(web, 'Soort', 'Kind')}</th><th>${t(web, 'Accreditatie tot', 'Accredited until')}</th></tr></thead>
        <tbody>${list.items.map((o) => html`<tr>
          <td data-label="${t(web, 'Naam', 'Name')}">${o.name}</td>
          <td data-label="${t(web, 'KvK-nummer', 'KvK number')}">${o.kvkNumber}</td>
          <td data-label="${t(web, 'Soort', 'Kind')}">${kindName(web, o.kind)}</td>
          <td data-label="${t(web, 'Accreditatie tot', 'Accredited until')}">${formatDate(web, o.accreditationValidUntil)}</td></tr>`)}</tbody>
      </table></div>`}
      ${pager(web, ORGANISATIONS_PATH, list)}
      <div class="cols">
      <form method="post" action="${ORGANISATIONS_PATH}" class="card" novalidate>
        <h2>${t(web, 'Organisatie registreren', 'Register an organisation')}</h2>
        ${csrfField(web)}
        ${field({ name: 'naam', label: t(web, 'Naam', 'Name'), value: values.naam, error: errors.naam, required: true })}
        ${field({ name: 'kvkNummer', label: t(web, 'KvK-nummer', 'KvK number'), value: values.kvkNummer, error: errors.kvkNummer, required: true, inputmode: 'numeric', hint: t(web, '8 cijfers', '8 digits') })}
        ${selectField({ name: 'soort', label: t(web, 'Soort', 'Kind'), value: values.soort, error: errors.soort, empty: t(web, 'Kies een soort', 'Choose a kind'), choices: ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindName(web, kind) })) })}
        ${field({ name: 'accreditatieGeldigTot', label: t(web, 'Accreditatie geldig tot', 'Accreditation valid until'), type: 'date', hint: t(web, 'Alleen voor een inspectie-instelling (ISO/IEC 17020).', 'Only for an inspection body (ISO/IEC 17020).'), value: values.accreditatieGeldigTot, error: errors.accreditatieGeldigTot })}
        <div class="actions"><button type="submit">${t(web, 'Registreren', 'Register')}</button></div>
      </form>
      <section class="card" id="relaties" aria-labelledby="relaties-titel">
        <h2 id="relaties-titel">${t(web, 'Verklaarde relaties van auditors', 'Auditors’ declared relations')}</h2>
        <p class="muted">${t(web, 'Een auditor kan geen keuring doen bij een verhuurder waarmee een relatie is verklaard.', 'An auditor cannot inspect for a landlord with whom a relation is declared.')}</p>
        ${relations.length === 0 ? html`<p>${t(web, 'Geen relaties verklaard.', 'No relations declared.')}</p>` : html`<ul>${relations.map((r) => html`<li>${auditorNames.get(r.auditorId) ?? r.auditorId} — ${names.get(r.organisationId) ?? r.organisationId}: ${r.description}</li>`)}</ul>`}
        <form method="post" action="${ORGANISATIONS_PATH}/relaties" novalidate>
          ${csrfField(web)}
          ${selectField({ name: 'auditorId', label: t(web, 'Auditor', 'Auditor'), value: values.auditorId, error: errors.auditorId, empty: t(web, 'Kies een auditor', 'Choose an auditor'), choices: auditors.items.map((a) => ({ value: a.id, label: a.name })) })}
          ${selectField({ name: 'relatieOrganisatieId', label: t(web, 'Verhuurder', 'Landlord'), value: values.relatieOrganisatieId, error: errors.relatieOrganisatieId, empty: t(web, 'Kies een verhuurder', 'Choose a landlord'), choices: landlords.map((o) => ({ value: o.id, label: o.name })) })}
          ${textareaField({ name: 'omschrijving', label: t(web, 'Omschrijving', 'Description'), value: values.omschrijving, error: errors.omschrijving, rows: 3 })}
          <div class="actions"><button type="submit" class="button--secondary">${t(web, 'Relatie vastleggen', 'Record relation')}</button></div>
        </form>
      </section>
      </div>`;
    sendPage(reply, web, page(web, { title: t(web, 'Organisaties', 'Organisations'), body, notice, styles: ['admin.css'] }), status);
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
