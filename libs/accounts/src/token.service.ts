import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppException, Clock } from '@keurmerk/common';
import { AppSecretRepository } from './app-secret.repository';
import { PersonPrincipal, ROLES, Role } from './principal';
import { UserRepository } from './user.repository';

const ISSUER = 'urn:nld:keurmerk';
const AUDIENCE = 'keurmerk-api';
const SECRET_NAME = 'access-token-key';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Short-lived HS256 access tokens. The key is configured, or made once and shared through the database. */
@Injectable()
export class TokenService {
  private key?: Promise<Uint8Array>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: AppSecretRepository,
    private readonly clock: Clock,
    private readonly users: UserRepository,
  ) {}

  /** `generation` is the user's credential generation now: a password change or deactivation bumps it and ends this token. */
  async issue(person: PersonPrincipal, generation: number): Promise<IssuedToken> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const ttl = this.config.auth.tokenTtlSeconds;
    const accessToken = await new SignJWT({
      role: person.role,
      ...(person.organisationId ? { org: person.organisationId } : {}),
      ...(person.municipalityCode ? { gm: person.municipalityCode } : {}),
      gen: generation,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(person.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(await this.signingKey());
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  /**
   * The one check of a bearer token, on every request: the signature and expiry, then the account
   * (one indexed read): a deactivated user, or a token older than the last password change, is 401.
   */
  async verify(token: string): Promise<PersonPrincipal> {
    const person = await this.verifySignature(token);
    const state = await this.users.findCredentialState(person.principal.userId);
    if (!state || !state.active || state.credentialGeneration !== person.generation) {
      throw AppException.unauthenticated('The access token is no longer valid: sign in again.');
    }
    return person.principal;
  }

  private async verifySignature(token: string): Promise<{ principal: PersonPrincipal; generation: number }> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      if (typeof payload.sub !== 'string' || !ROLES.includes(payload.role as Role) || !Number.isInteger(payload.gen)) {
        throw new Error('malformed claims');
      }
      const principal: PersonPrincipal = {
        kind: 'person',
        userId: payload.sub,
        role: payload.role as Role,
        organisationId: typeof payload.org === 'string' ? payload.org : undefined,
        municipalityCode: typeof payload.gm === 'string' ? payload.gm : undefined,
      };
      return { principal, generation: payload.gen as number };
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw AppException.unauthenticated(expired ? 'The access token has expired.' : 'The access token is not valid.');
    }
  }

  private signingKey(): Promise<Uint8Array> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<Uint8Array> {
    if (this.config.auth.tokenSecret) return new TextEncoder().encode(this.config.auth.tokenSecret);
    return Buffer.from(await this.secrets.getOrCreate(SECRET_NAME, randomBytes(32).toString('base64url')), 'base64url');
  }
}
