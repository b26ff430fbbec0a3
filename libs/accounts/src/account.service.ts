import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppException, InvalidParam, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { Actor, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { OrganisationEntity, UserEntity } from './account.entities';
import { AccountException, AccountExceptionCode } from './account.exception';
import { MunicipalityService } from './municipality.service';
import { PasswordHasher } from './password-hasher';
import { OrganisationKind, PersonPrincipal, Role } from './principal';
import { LoginThrottle, normaliseEmail } from './login-throttle';
import { IssuedToken, TokenService } from './token.service';
import { OrganisationRepository } from './organisation.repository';
import { type UserFilter, UserRepository } from './user.repository';

export interface NewOrganisation {
  name: string;
  kvkNumber: string;
  kind: OrganisationKind;
  accreditationValidUntil?: string;
}

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  organisationId?: string;
  municipalityCode?: string;
  accreditationValidUntil?: string;
}

/** Which kind of organisation each role belongs to; roles not listed belong to none. */
const ORGANISATION_KIND_OF_ROLE: Partial<Record<Role, OrganisationKind>> = {
  verhuurder: 'verhuurder',
  auditor: 'inspectie-instelling',
};

@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
    private readonly municipalities: MunicipalityService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventLog,
    private readonly throttle: LoginThrottle,
  ) {}

  async createOrganisation(input: NewOrganisation, actor: Actor = SYSTEM_ACTOR): Promise<OrganisationEntity> {
    if (input.accreditationValidUntil && input.kind !== 'inspectie-instelling') {
      throw AppException.invalidField('accreditatieGeldigTot', 'not-allowed', 'Only an inspection body has an accreditation.');
    }
    try {
      return await this.db.transaction(async (manager) => {
        const organisation = await this.organisations.insert(manager, {
          name: input.name.trim(),
          kvkNumber: input.kvkNumber,
          kind: input.kind,
          accreditationValidUntil: input.accreditationValidUntil ?? null,
        });
        await this.events.append(manager, {
          actor,
          entityType: 'organisation',
          entityId: organisation.id,
          action: 'created',
          after: {
            name: organisation.name,
            kvkNumber: organisation.kvkNumber,
            kind: organisation.kind,
            accreditationValidUntil: organisation.accreditationValidUntil,
          },
        });
        return organisation;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organisation_kvk_number')) {
        const detail = `An organisation with KvK number ${input.kvkNumber} already exists.`;
        throw new AccountException(AccountExceptionCode.KvkNumberTaken, detail);
      }
      throw error;
    }
  }

  async getOrganisation(id: string): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw organisationNotFound();
    return organisation;
  }

  /** One organisation as `caller` may see it: landlords and auditors see only their own (another is not found). */
  async getVisibleOrganisation(caller: PersonPrincipal, id: string): Promise<OrganisationEntity> {
    if ((caller.role === 'verhuurder' || caller.role === 'auditor') && caller.organisationId !== id) throw organisationNotFound();
    return this.getOrganisation(id);
  }

  /** The organisation with this KvK number, if one is registered. */
  async findOrganisationByKvkNumber(kvkNumber: string): Promise<OrganisationEntity | undefined> {
    return (await this.organisations.findByKvkNumber(kvkNumber)) ?? undefined;
  }

  listOrganisations(request: PageRequest): Promise<Page<OrganisationEntity>> {
    return this.organisations.page(request);
  }

  async createUser(input: NewUser, actor: Actor = SYSTEM_ACTOR): Promise<UserEntity> {
    const problems: InvalidParam[] = [];
    const expectedKind = ORGANISATION_KIND_OF_ROLE[input.role];
    if (expectedKind) {
      if (!input.organisationId) {
        problems.push({ name: 'organisatieId', code: 'required', reason: `A ${input.role} belongs to an organisation.` });
      } else {
        const organisation = await this.organisations.findById(input.organisationId);
        if (!organisation) {
          problems.push({ name: 'organisatieId', code: 'unknown', reason: 'No organisation has this id.' });
        } else if (organisation.kind !== expectedKind) {
          problems.push({ name: 'organisatieId', code: 'wrong-kind', reason: `A ${input.role} belongs to a ${expectedKind}.` });
        }
      }
    } else if (input.organisationId) {
      problems.push({ name: 'organisatieId', code: 'not-allowed', reason: `A ${input.role} does not belong to an organisation.` });
    }
    if (input.role === 'gemeente') {
      if (!input.municipalityCode) {
        problems.push({ name: 'gemeentecode', code: 'required', reason: 'A municipal user belongs to a municipality.' });
      } else if (!(await this.municipalities.exists(input.municipalityCode))) {
        problems.push({ name: 'gemeentecode', code: 'unknown', reason: 'Not a current municipality code.' });
      }
    } else if (input.municipalityCode) {
      problems.push({ name: 'gemeentecode', code: 'not-allowed', reason: 'Only a municipal user has a gemeentecode.' });
    }
    if (input.accreditationValidUntil && input.role !== 'auditor') {
      problems.push({ name: 'accreditatieGeldigTot', code: 'not-allowed', reason: 'Only an auditor has an accreditation.' });
    }
    if (problems.length > 0) throw AppException.invalid(problems);

    const passwordHash = await this.hasher.hash(input.password);
    try {
      const saved = await this.db.transaction(async (manager) => {
        const user = await this.users.insert(manager, {
          email: normaliseEmail(input.email),
          passwordHash,
          name: input.name.trim(),
          role: input.role,
          organisationId: input.organisationId ?? null,
          municipalityCode: input.municipalityCode ?? null,
          accreditationValidUntil: input.accreditationValidUntil ?? null,
        });
        // Never the password or its hash: the log is for who did what.
        await this.events.append(manager, {
          actor,
          entityType: 'user',
          entityId: user.id,
          action: 'created',
          after: {
            email: user.email,
            name: user.name,
            role: user.role,
            organisationId: user.organisationId,
            municipalityCode: user.municipalityCode,
          },
        });
        return user;
      });
      return this.getUser(saved.id);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_user_account_email')) {
        throw new AccountException(AccountExceptionCode.EmailTaken, 'A user with this e-mail address already exists.');
      }
      throw error;
    }
  }

  async getUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new AccountException(AccountExceptionCode.UserNotFound, 'The user was not found.');
    return user;
  }

  /** The user with this e-mail address (any spelling of its case), if there is one. */
  async findUserByEmail(email: string): Promise<UserEntity | undefined> {
    return (await this.users.findByEmail(normaliseEmail(email))) ?? undefined;
  }

  listUsers(request: PageRequest, filter: UserFilter = {}): Promise<Page<UserEntity>> {
    return this.users.page(request, filter);
  }

  /**
   * The one check of e-mail and password, for the token endpoint and the web app's sign-in alike.
   * Unknown e-mail and wrong password answer the same, in the same time. `client` is the caller's
   * address, for throttling: too many failures for the account or from the address answer 429,
   * without checking the password.
   */
  async authenticate(email: string, password: string, client?: string): Promise<UserEntity> {
    // Counted before the password is checked: parallel guesses cannot overtake the count.
    const attempt = await this.throttle.begin(email, client);
    const user = await this.users.findForSignIn(normaliseEmail(email));
    const valid = await this.hasher.verify(user?.active ? user.passwordHash : undefined, password);
    if (!user || !valid) {
      await this.throttle.recordFailure();
      throw AppException.unauthenticated('The e-mail address or password is wrong.');
    }
    await this.throttle.recordSuccess(attempt);
    return user;
  }

  async signIn(email: string, password: string, client?: string): Promise<IssuedToken> {
    return this.tokens.issue(principalOf(await this.authenticate(email, password, client)));
  }

  /** The first beheerder comes from configuration, once, while no beheerder exists. */
  async ensureFirstAdministrator(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    if ((await this.users.countByRole('beheerder')) > 0) return;
    await this.createUser({ email: admin.email, password: admin.password, name: 'Beheerder', role: 'beheerder' });
    this.logger.log(`Created the first beheerder ${admin.email}`);
  }
}

function organisationNotFound(): AccountException {
  return new AccountException(AccountExceptionCode.OrganisationNotFound, 'The organisation was not found.');
}

export function principalOf(user: Pick<UserEntity, 'id' | 'role' | 'organisationId' | 'municipalityCode'>): PersonPrincipal {
  return {
    kind: 'person',
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId ?? undefined,
    municipalityCode: user.municipalityCode ?? undefined,
  };
}
