import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppException, Clock } from '@keurmerk/common';
import { AppSecretRepository } from './app-secret.repository';
import { PersonPrincipal, ROLES, Role } from './principal';

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
  ) {}

  async issue(person: PersonPrincipal): Promise<IssuedToken> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const ttl = this.config.auth.tokenTtlSeconds;
    const accessToken = await new SignJWT({
      role: person.role,
      ...(person.organisationId ? { org: person.organisationId } : {}),
      ...(person.municipalityCode ? { gm: person.municipalityCode } : {}),
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

  async verify(token: string): Promise<PersonPrincipal> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      if (typeof payload.sub !== 'string' || !ROLES.includes(payload.role as Role)) throw new Error('malformed claims');
      return {
        kind: 'person',
        userId: payload.sub,
        role: payload.role as Role,
        organisationId: typeof payload.org === 'string' ? payload.org : undefined,
        municipalityCode: typeof payload.gm === 'string' ? payload.gm : undefined,
      };
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
