import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccountService, MunicipalityService, type OrganisationEntity, type UserEntity } from '@keurmerk/accounts';
import { AppErrorCode, AppException, type InvalidParam, MAX_PAGE_SIZE } from '@keurmerk/common';
import { actorOf } from '@keurmerk/events';
import { InspectionService } from '@keurmerk/inspections';
import { CreateOrganisationDto } from '../../accounts/dto/organisation.dto';
import { CreateUserDto } from '../../accounts/dto/user.dto';
import { DeclareRelationDto } from '../../inspections/dto/finding.dto';
import { type FieldErrors, redirect, sendPage } from '../layout';
import { type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { pageRequest, text, validated } from '../shared/page-parts';
import { adminText } from './admin.texts';
import { ORGANISATIONS_PATH, organisationsPage, userFormPage, USERS_PATH, usersPage } from './admin-accounts.views';

type Fields = Record<string, unknown>;

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
    sendPage(reply, web, usersPage(web, users, organisations, query.aangemaakt === '1'));
  }

  @Get('gebruikers/nieuw')
  async newUser(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    await this.sendUserForm(reply, web, {}, {});
  }

  @Post('gebruikers')
  async createUser(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = Object.fromEntries(
      ['naam', 'email', 'wachtwoord', 'rol', 'organisatieId', 'gemeentecode', 'accreditatieGeldigTot'].map((name) => [
        name,
        text(body, name).trim(),
      ]),
    );
    try {
      const input = await validated(CreateUserDto, values);
      await this.accounts.createUser(
        {
          email: input.email,
          password: input.wachtwoord,
          name: input.naam,
          role: input.rol,
          organisationId: input.organisatieId,
          municipalityCode: input.gemeentecode,
          accreditationValidUntil: input.accreditatieGeldigTot,
        },
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
    const values = Object.fromEntries(
      ['naam', 'kvkNummer', 'soort', 'accreditatieGeldigTot'].map((name) => [name, text(body, name).trim()]),
    );
    try {
      const input = await validated(CreateOrganisationDto, values);
      await this.accounts.createOrganisation(
        { name: input.naam, kvkNumber: input.kvkNummer, kind: input.soort, accreditationValidUntil: input.accreditatieGeldigTot },
        actorOf(web.user.principal),
      );
      redirect(reply, `${ORGANISATIONS_PATH}?aangemaakt=1`);
    } catch (error) {
      const errors =
        error instanceof AppException && error.code === AppErrorCode.Conflict
          ? { kvkNummer: adminText(web).anOrganisationKvkNumberAlready }
          : problemsOf(web, error);
      await this.sendOrganisations(
        reply,
        web,
        {},
        values,
        errors,
        error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400,
      );
    }
  }

  @Post('organisaties/relaties')
  async declareRelation(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = {
      auditorId: text(body, 'auditorId'),
      organisatieId: text(body, 'relatieOrganisatieId'),
      omschrijving: text(body, 'omschrijving').trim(),
    };
    try {
      const input = await validated(DeclareRelationDto, values);
      await this.inspections.declareRelation(web.user.principal, {
        auditorId: input.auditorId,
        organisationId: input.organisatieId,
        description: input.omschrijving,
      });
      redirect(reply, `${ORGANISATIONS_PATH}?verklaard=1#relaties`);
    } catch (error) {
      const conflict = error instanceof AppException && error.code === AppErrorCode.Conflict;
      const errors = conflict ? { auditorId: adminText(web).thisRelationHasAlreadyBeen } : problemsOf(web, error);
      if (errors.organisatieId) errors.relatieOrganisatieId = errors.organisatieId;
      delete errors.organisatieId;
      await this.sendOrganisations(
        reply,
        web,
        {},
        { auditorId: values.auditorId, relatieOrganisatieId: values.organisatieId, omschrijving: values.omschrijving },
        errors,
        conflict ? 409 : 400,
      );
    }
  }

  private async sendUserForm(
    reply: FastifyReply,
    web: SignedInContext,
    values: Record<string, string>,
    errors: FieldErrors,
    status = 200,
  ): Promise<void> {
    const [organisations, municipalities] = await Promise.all([this.allOrganisations(), this.municipalities.list()]);
    sendPage(reply, web, userFormPage(web, { values, errors, organisations, municipalities }), status);
  }

  private async sendOrganisations(
    reply: FastifyReply,
    web: SignedInContext,
    query: Fields,
    values: Record<string, string>,
    errors: FieldErrors,
    status = 200,
  ): Promise<void> {
    const [list, all, auditors, relations] = await Promise.all([
      this.accounts.listOrganisations(pageRequest(query.pagina)),
      this.allOrganisations(),
      this.accounts.listUsers({ page: 1, pageSize: MAX_PAGE_SIZE }, { role: 'auditor' }),
      this.inspections.relations(),
    ]);
    sendPage(reply, web, organisationsPage(web, { list, all, auditors: auditors.items, relations, values, errors, query }), status);
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
