import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppException, InvalidParam, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { Actor, actorOf, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { OrganisationEntity, UserEntity, type UserLanguage } from './account.entities';
import { AccountException, AccountExceptionCode } from './account.exception';
import { MunicipalityService } from './municipality.service';
import { PasswordHasher } from './password-hasher';
import { OrganisationKind, PersonPrincipal, Role } from './principal';
import { type LoginAttempt, LoginThrottle, normaliseEmail } from './login-throttle';
import { IssuedToken, TokenService } from './token.service';
import { OrganisationRepository } from './organisation.repository';
import { type UserFilter, UserRepository } from './user.repository';
import { WebSessionRepository } from './web-session.repository';
import { SecondFactorService } from './second-factor.service';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

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

/** A beheerder's change of a user: only what is given changes. */
export interface UserChanges {
  active?: boolean;
  name?: string;
  /** A later date renews a personal accreditation; a date before today ends it. */
  accreditationValidUntil?: string;
}

export interface OrganisationChanges {
  name?: string;
  /** A later date renews an inspection body's accreditation; a date before today ends it. */
  accreditationValidUntil?: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The caller's address, for throttling wrong current passwords like sign-ins. */
  client?: string;
  /** The web session that asked stays signed in; every other session and token ends. */
  keepWebSessionHash?: string;
}

/** The outcome of the password step of a web sign-in. */
export interface FirstSignInStep {
  user: UserEntity;
  /** The account has a second factor: the sign-in is complete only after its code. */
  secondFactorRequired: boolean;
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
    private readonly sessions: WebSessionRepository,
    private readonly secondFactor: SecondFactorService,
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
    const weak = passwordProblem(input.password);
    if (weak) problems.push({ name: 'wachtwoord', ...weak });
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

  /** The language a person chose (in the web app): their mail is written in it. */
  async setLanguage(userId: string, language: UserLanguage): Promise<void> {
    await this.db.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (!user || user.language === language) return;
      await this.users.setLanguage(manager, userId, language);
      await this.events.append(manager, {
        actor: { kind: 'person', id: userId },
        entityType: 'user',
        entityId: userId,
        action: 'language-chosen',
        before: { language: user.language },
        after: { language },
      });
    });
  }

  listUsers(request: PageRequest, filter: UserFilter = {}): Promise<Page<UserEntity>> {
    return this.users.page(request, filter);
  }

  /**
   * The one check of e-mail and password, for the token endpoint and the web app's sign-in alike.
   * Unknown e-mail and wrong password answer the same, in the same time. `client` is the caller's
   * address, for throttling: too many failures for the account or from the address answer 429,
   * without checking the password. An account with a second factor also needs `secondFactor`, its
   * current code or an unused recovery code (401 with the second-factor problem type otherwise);
   * a missing or wrong code counts as a failed sign-in.
   */
  async authenticate(email: string, password: string, client?: string, secondFactor?: string): Promise<UserEntity> {
    const { user, attempt } = await this.checkPassword(email, password, client);
    if (await this.secondFactor.isEnrolled(user.id)) {
      if (!secondFactor) {
        await this.throttle.recordFailure();
        throw new AccountException(
          AccountExceptionCode.SecondFactorRequired,
          'This account needs the code of its authenticator app in `totp`.',
        );
      }
      if (!(await this.secondFactor.check(user.id, secondFactor))) {
        await this.throttle.recordFailure();
        throw new AccountException(AccountExceptionCode.SecondFactorInvalid, 'The code in `totp` is not valid (or was used already).');
      }
    }
    await this.throttle.recordSuccess(attempt);
    return user;
  }

  /**
   * The web sign-in's first step. Without a second factor the sign-in is done; with one, the attempt
   * stays counted until `completeSignIn` accepts the code, so asking again for the password step
   * cannot wipe the count of wrong codes.
   */
  async authenticateFirstStep(email: string, password: string, client?: string): Promise<FirstSignInStep> {
    const { user, attempt } = await this.checkPassword(email, password, client);
    if (await this.secondFactor.isEnrolled(user.id)) {
      await this.throttle.recordFailure();
      return { user, secondFactorRequired: true };
    }
    await this.throttle.recordSuccess(attempt);
    return { user, secondFactorRequired: false };
  }

  /** The web sign-in's second step: the code of the user whose password was just checked; throttled like a password. */
  async completeSignIn(userId: string, code: string, client?: string): Promise<UserEntity> {
    const user = await this.getUser(userId);
    const attempt = await this.throttle.begin(user.email, client);
    if (!user.active || !(await this.secondFactor.check(user.id, code))) {
      await this.throttle.recordFailure();
      throw new AccountException(AccountExceptionCode.SecondFactorInvalid, 'The code is not valid (or was used already).');
    }
    await this.throttle.recordSuccess(attempt);
    return user;
  }

  async signIn(email: string, password: string, client?: string, secondFactor?: string): Promise<IssuedToken> {
    const user = await this.authenticate(email, password, client, secondFactor);
    return this.tokens.issue(principalOf(user), user.credentialGeneration);
  }

  private async checkPassword(email: string, password: string, client?: string): Promise<{ user: UserEntity; attempt: LoginAttempt }> {
    // Counted before the password is checked: parallel guesses cannot overtake the count.
    const attempt = await this.throttle.begin(email, client);
    const user = await this.users.findForSignIn(normaliseEmail(email));
    const valid = await this.hasher.verify(user?.active ? user.passwordHash : undefined, password);
    if (!user || !valid) {
      await this.throttle.recordFailure();
      throw AppException.unauthenticated('The e-mail address or password is wrong.');
    }
    return { user, attempt };
  }

  /**
   * A person changes their own password. The current one is checked (and counted like a sign-in);
   * the new one must pass the password rule. Every other web session and every bearer token of the
   * user ends in the same transaction.
   */
  async changePassword(caller: PersonPrincipal, change: PasswordChange): Promise<void> {
    const user = await this.users.findByIdWithPassword(caller.userId);
    if (!user || !user.active) throw AppException.unauthenticated();
    assertAcceptablePassword(change.newPassword, 'nieuwWachtwoord');
    const attempt = await this.throttle.begin(user.email, change.client);
    if (!(await this.hasher.verify(user.passwordHash, change.currentPassword))) {
      await this.throttle.recordFailure();
      throw AppException.invalidField('huidigWachtwoord', 'wrong', 'The current password is wrong.');
    }
    await this.throttle.recordSuccess(attempt);
    const passwordHash = await this.hasher.hash(change.newPassword);
    await this.db.transaction(async (manager) => {
      await this.users.lockById(manager, user.id);
      await this.users.update(manager, user.id, { passwordHash }, true);
      await this.sessions.deleteForUser(manager, user.id, change.keepWebSessionHash);
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'user', entityId: user.id, action: 'password-changed' });
    });
  }

  /**
   * Sets a new password without the current one, for the password-reset link (its token is the
   * caller's to check): the password rule applies (400 naming `field`), and every web session and
   * bearer token of the user ends, as after a change.
   */
  async resetPassword(userId: string, newPassword: string, actor: Actor = SYSTEM_ACTOR, field = 'nieuwWachtwoord'): Promise<void> {
    assertAcceptablePassword(newPassword, field);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (!user) throw new AccountException(AccountExceptionCode.UserNotFound, 'The user was not found.');
      await this.users.update(manager, userId, { passwordHash }, true);
      await this.sessions.deleteForUser(manager, userId);
      await this.events.append(manager, { actor, entityType: 'user', entityId: userId, action: 'password-reset' });
    });
  }

  /**
   * A beheerder turns off another user's second factor (a lost phone and lost recovery codes): the
   * user signs in with the password alone until enrolling again. Never one's own: that would make
   * the second factor worth only the password that unlocks this page.
   */
  async resetSecondFactor(caller: PersonPrincipal, userId: string): Promise<void> {
    if (userId === caller.userId) throw AppException.forbidden('You cannot turn off your own second factor here.');
    await this.getUser(userId);
    await this.secondFactor.reset(caller, userId);
  }

  /**
   * A beheerder changes a user: deactivates or reactivates, renames, renews or ends a personal
   * accreditation. Deactivation ends the user's sessions and tokens at once, and the API keys the
   * user made answer 401 while the user is inactive. A beheerder cannot deactivate themself.
   */
  async updateUser(caller: PersonPrincipal, id: string, changes: UserChanges): Promise<UserEntity> {
    if (changes.active === false && id === caller.userId) {
      throw new AccountException(AccountExceptionCode.CannotDeactivateSelf, 'You cannot deactivate your own account.');
    }
    await this.db.transaction(async (manager) => {
      const user = await this.users.lockById(manager, id);
      if (!user) throw new AccountException(AccountExceptionCode.UserNotFound, 'The user was not found.');
      if (changes.accreditationValidUntil && user.role !== 'auditor') {
        throw AppException.invalidField('accreditatieGeldigTot', 'not-allowed', 'Only an auditor has an accreditation.');
      }
      const next: Partial<Pick<UserEntity, 'name' | 'active' | 'accreditationValidUntil'>> = {};
      if (changes.name !== undefined && changes.name.trim() !== user.name) next.name = changes.name.trim();
      if (changes.active !== undefined && changes.active !== user.active) next.active = changes.active;
      if (changes.accreditationValidUntil !== undefined && changes.accreditationValidUntil !== user.accreditationValidUntil) {
        next.accreditationValidUntil = changes.accreditationValidUntil;
      }
      if (Object.keys(next).length === 0) return;
      const deactivated = next.active === false;
      await this.users.update(manager, id, next, deactivated);
      if (deactivated) await this.sessions.deleteForUser(manager, id);
      const before = Object.fromEntries(Object.keys(next).map((key) => [key, user[key as keyof typeof next]]));
      const action = next.active === false ? 'deactivated' : next.active === true ? 'reactivated' : 'updated';
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'user', entityId: id, action, before, after: next });
    });
    return this.getUser(id);
  }

  /** A beheerder renames an organisation, or renews or ends an inspection body's accreditation. */
  async updateOrganisation(caller: PersonPrincipal, id: string, changes: OrganisationChanges): Promise<OrganisationEntity> {
    await this.db.transaction(async (manager) => {
      const organisation = await this.organisations.lockById(manager, id);
      if (!organisation) throw organisationNotFound();
      if (changes.accreditationValidUntil && organisation.kind !== 'inspectie-instelling') {
        throw AppException.invalidField('accreditatieGeldigTot', 'not-allowed', 'Only an inspection body has an accreditation.');
      }
      const next: Partial<Pick<OrganisationEntity, 'name' | 'accreditationValidUntil'>> = {};
      if (changes.name !== undefined && changes.name.trim() !== organisation.name) next.name = changes.name.trim();
      if (changes.accreditationValidUntil !== undefined && changes.accreditationValidUntil !== organisation.accreditationValidUntil) {
        next.accreditationValidUntil = changes.accreditationValidUntil;
      }
      if (Object.keys(next).length === 0) return;
      await this.organisations.update(manager, id, next);
      const before = Object.fromEntries(Object.keys(next).map((key) => [key, organisation[key as keyof typeof next]]));
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'organisation',
        entityId: id,
        action: 'updated',
        before,
        after: next,
      });
    });
    return this.getOrganisation(id);
  }

  /** The first beheerder comes from configuration, once, while no beheerder exists. */
  async ensureFirstAdministrator(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    if ((await this.users.countByRole('beheerder')) > 0) return;
    // A bad variable stops start-up with a message naming it, like every other setting.
    const weak = passwordProblem(admin.password);
    if (weak) throw new Error(`KEURMERK_ADMIN_PASSWORD is not accepted: ${weak.reason}`);
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
