import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AccountException,
  AccountExceptionCode,
  AccountService,
  MunicipalityService,
  type OrganisationEntity,
  SecondFactorService,
  type UserEntity,
} from '@keurmerk/accounts';
import { AppErrorCode, AppException, Clock, FeatureException, type InvalidParam, MAX_PAGE_SIZE } from '@keurmerk/common';
import { addDays } from '@keurmerk/norm';
import { actorOf } from '@keurmerk/events';
import { InspectionException, InspectionExceptionCode, InspectionService } from '@keurmerk/inspections';
import { CreateOrganisationDto, UpdateOrganisationDto } from '../../accounts/dto/organisation.dto';
import { CreateUserDto, UpdateUserDto } from '../../accounts/dto/user.dto';
import { DeclareRelationDto } from '../../inspections/dto/finding.dto';
import { type FieldErrors, redirect, sendPage } from '../layout';
import { type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { pageRequest, text, uuidOr404, validated } from '../shared/page-parts';
import { featureRefusalText, refusalText } from '../shared/refusal-texts';
import { adminText } from './admin.texts';
import {
  organisationEditPage,
  ORGANISATIONS_PATH,
  organisationsPage,
  userEditPage,
  userFormPage,
  USERS_PATH,
  usersPage,
} from './admin-accounts.views';

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
    case 'wachtwoord:blank':
    case 'wachtwoord:common':
      return adminText(web).passwordProblemsForNewUser[param.code];
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
 * A refusal that belongs beside one field of these forms: chosen by the feature's code, said in the
 * refusal registry's sentence. Undefined for any other refusal.
 */
function conflictField(web: WebContext, error: unknown): FieldErrors | undefined {
  if (error instanceof AccountException) {
    switch (error.reason) {
      case AccountExceptionCode.EmailTaken:
        return { email: refusalText(web.language, error) };
      case AccountExceptionCode.KvkNumberTaken:
        return { kvkNummer: refusalText(web.language, error) };
      default:
        return undefined;
    }
  }
  if (error instanceof InspectionException && error.reason === InspectionExceptionCode.RelationAlreadyDeclared) {
    return { auditorId: refusalText(web.language, error) };
  }
  return undefined;
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
    private readonly clock: Clock,
    private readonly secondFactor: SecondFactorService,
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
      const conflict = conflictField(web, error);
      await this.sendUserForm(reply, web, { ...values, wachtwoord: '' }, conflict ?? problemsOf(web, error), conflict ? 409 : 400);
    }
  }

  @Get('gebruikers/:id')
  async user(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const user = await this.accounts.getUser(uuidOr404(id, 'The user'));
    const notice = query.opgeslagen === '1' ? adminText(web).theChangeHasBeenSaved : undefined;
    const secondFactor = await this.secondFactor.isEnrolled(user.id);
    sendPage(reply, web, userEditPage(web, { user, self: user.id === web.user.id, secondFactor, values: {}, errors: {}, notice }));
  }

  @Post('gebruikers/:id/tweede-factor')
  async resetSecondFactor(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const userId = uuidOr404(id, 'The user');
    await this.accounts.resetSecondFactor(web.user.principal, userId);
    redirect(reply, `${USERS_PATH}/${userId}?opgeslagen=1`);
  }

  /** One change per form: a new name, an accreditation renewed or ended, or (de)activation. */
  @Post('gebruikers/:id')
  async updateUser(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const user = await this.accounts.getUser(uuidOr404(id, 'The user'));
    const values = this.changeValues(body);
    try {
      // A form sends text: `actief` is read here, the rest by the REST endpoint's own DTO.
      const { actief, ...rest } = values;
      const input = await validated(UpdateUserDto, rest);
      const active = actief === 'true' ? true : actief === 'false' ? false : undefined;
      await this.accounts.updateUser(web.user.principal, user.id, {
        name: input.naam,
        active,
        accreditationValidUntil: this.accreditationOf(body, input.accreditatieGeldigTot),
      });
      redirect(reply, `${USERS_PATH}/${user.id}?opgeslagen=1`);
    } catch (error) {
      const errors = this.changeErrors(web, error, 'actief');
      const secondFactor = await this.secondFactor.isEnrolled(user.id);
      sendPage(reply, web, userEditPage(web, { user, self: user.id === web.user.id, secondFactor, values, errors }), this.statusOf(error));
    }
  }

  @Get('organisaties/:id')
  async organisation(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Query() query: Fields,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const organisation = await this.accounts.getOrganisation(uuidOr404(id, 'The organisation'));
    const notice = query.opgeslagen === '1' ? adminText(web).theChangeHasBeenSaved : undefined;
    sendPage(reply, web, organisationEditPage(web, { organisation, values: {}, errors: {}, notice }));
  }

  @Post('organisaties/:id')
  async updateOrganisation(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const organisation = await this.accounts.getOrganisation(uuidOr404(id, 'The organisation'));
    const values = this.changeValues(body);
    delete values.actief;
    try {
      const input = await validated(UpdateOrganisationDto, values);
      await this.accounts.updateOrganisation(web.user.principal, organisation.id, {
        name: input.naam,
        accreditationValidUntil: this.accreditationOf(body, input.accreditatieGeldigTot),
      });
      redirect(reply, `${ORGANISATIONS_PATH}/${organisation.id}?opgeslagen=1`);
    } catch (error) {
      const errors = this.changeErrors(web, error, 'naam');
      sendPage(reply, web, organisationEditPage(web, { organisation, values, errors }), this.statusOf(error));
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
      const conflict = conflictField(web, error);
      await this.sendOrganisations(reply, web, {}, values, conflict ?? problemsOf(web, error), conflict ? 409 : 400);
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
      const conflict = conflictField(web, error);
      const errors = conflict ?? problemsOf(web, error);
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

  /** The fields an edit form sent; a form holds one change, the others are absent. */
  private changeValues(body: Fields | undefined): Record<string, string> {
    const values: Record<string, string> = {};
    for (const name of ['naam', 'accreditatieGeldigTot', 'actief']) {
      if (body && typeof body[name] === 'string') values[name] = text(body, name).trim();
    }
    return values;
  }

  /** "End the accreditation as of today": valid up to and including yesterday. */
  private accreditationOf(body: Fields | undefined, given: string | undefined): string | undefined {
    return text(body, 'actie') === 'accreditatie-beeindigen' ? addDays(this.clock.today(), -1) : given;
  }

  private changeErrors(web: SignedInContext, error: unknown, fallbackField: string): FieldErrors {
    if (error instanceof FeatureException) {
      const sentence = featureRefusalText(web.language, error);
      if (sentence) return { [fallbackField]: sentence };
    }
    return problemsOf(web, error);
  }

  private statusOf(error: unknown): number {
    return error instanceof AppException && error.code === AppErrorCode.Conflict ? 409 : 400;
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
