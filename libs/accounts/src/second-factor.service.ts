import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppException, Clock } from '@keurmerk/common';
import { actorOf, EventLog } from '@keurmerk/events';
import { AppSecretRepository } from './app-secret.repository';
import { AccountException, AccountExceptionCode } from './account.exception';
import { PersonPrincipal, Role } from './principal';
import { SecondFactorRepository } from './second-factor.repository';

/** The roles that decide about certificates and accounts: a stolen password alone must not be enough for them. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['beheerder', 'certificeerder'];
export const RECOVERY_CODE_COUNT = 10;
/** RFC 6238's defaults, which every authenticator app reads: SHA-1, 6 digits, 30 seconds. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off still works (RFC 6238, section 5.2). */
const WINDOW = 1;
const ISSUER = 'Keurmerk';
const KEY_SECRET_NAME = 'second-factor-key';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface SecondFactorEnrolment {
  /** The secret in Base32, for typing into an app by hand. */
  secret: string;
  /** The otpauth:// URI that the QR code carries. */
  uri: string;
}

export interface SecondFactorStatus {
  /** A confirmed second factor guards every sign-in. */
  enrolled: boolean;
  /** An enrolment was started and waits for its first code. */
  pending: boolean;
  recoveryCodesLeft: number;
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

/** Recovery codes are shown as `abcd-efgh-ijkl-mnop`; typed with or without dashes, spaces or capitals. */
function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

/** 16 Base32 characters: 80 random bits, so a plain SHA-256 stores it safely (like an API key). */
function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => BASE32[b % 32].toLowerCase()).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * The staff's second factor: a TOTP (RFC 6238, via `otpauth`) and ten single-use recovery codes.
 * The secret is stored encrypted (AES-256-GCM) with a key that is not in its table: derived from the
 * configured token secret, or (embedded default) made once and kept in app_secret. A code's time step
 * is spent when it is accepted, so the same code cannot be used again within its window.
 */
@Injectable()
export class SecondFactorService {
  private key?: Promise<Buffer>;

  constructor(
    private readonly factors: SecondFactorRepository,
    private readonly secrets: AppSecretRepository,
    private readonly clock: Clock,
    private readonly events: EventLog,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isEnrolled(userId: string): Promise<boolean> {
    return this.factors.isConfirmed(userId);
  }

  async status(userId: string): Promise<SecondFactorStatus> {
    const stored = await this.factors.find(userId);
    return {
      enrolled: Boolean(stored?.confirmedAt),
      pending: Boolean(stored && !stored.confirmedAt),
      recoveryCodesLeft: stored?.confirmedAt ? await this.factors.countUnusedRecoveryCodes(userId) : 0,
    };
  }

  /** Starts an enrolment (or starts it again with a new secret while it is not confirmed). */
  async beginEnrolment(caller: PersonPrincipal, label: string): Promise<SecondFactorEnrolment> {
    this.assertRole(caller);
    const secret = new Secret({ size: 20 });
    const saved = await this.db.transaction(async (manager) => {
      const ok = await this.factors.savePending(manager, caller.userId, await this.encrypt(secret.base32), this.clock.now());
      if (ok) {
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'user',
          entityId: caller.userId,
          action: 'second-factor-enrolment-started',
        });
      }
      return ok;
    });
    if (!saved) throw alreadyEnrolled();
    return { secret: secret.base32, uri: this.totp(secret, label).toString() };
  }

  /** The enrolment in progress, to show its QR code again; undefined when none is pending. */
  async pendingEnrolment(caller: PersonPrincipal, label: string): Promise<SecondFactorEnrolment | undefined> {
    const stored = await this.factors.find(caller.userId);
    if (!stored || stored.confirmedAt) return undefined;
    const secret = Secret.fromBase32(await this.decrypt(stored.secretCiphertext));
    return { secret: secret.base32, uri: this.totp(secret, label).toString() };
  }

  /** The first valid code makes the enrolment active; answers the recovery codes, shown this once. */
  async confirmEnrolment(caller: PersonPrincipal, code: string, field = 'code'): Promise<string[]> {
    this.assertRole(caller);
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`second-factor:${caller.userId}`]);
      const stored = await this.factors.find(caller.userId, manager);
      if (!stored) throw new AccountException(AccountExceptionCode.SecondFactorNoEnrolment, 'Start the enrolment first.');
      if (stored.confirmedAt) throw alreadyEnrolled();
      const step = this.matchingStep(await this.decrypt(stored.secretCiphertext), code);
      if (step === undefined) throw AppException.invalidField(field, 'wrong-code', 'This is not the current code of the app.');
      const now = this.clock.now();
      await this.factors.confirm(manager, caller.userId, step, now);
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await this.factors.replaceRecoveryCodes(manager, caller.userId, codes.map(hashRecoveryCode), now);
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'user',
        entityId: caller.userId,
        action: 'second-factor-enrolled',
        after: { recoveryCodes: RECOVERY_CODE_COUNT },
      });
      return codes;
    });
  }

  /**
   * True when `code` is the account's current TOTP (within one step either side) that was not used
   * before, or one of its unused recovery codes, which is then spent. Throttling is the caller's.
   */
  async check(userId: string, code: string): Promise<boolean> {
    const value = code.trim();
    if (/^[0-9]{6}$/.test(value)) {
      const stored = await this.factors.find(userId);
      if (!stored?.confirmedAt) return false;
      const step = this.matchingStep(await this.decrypt(stored.secretCiphertext), value);
      return step !== undefined && (await this.factors.useStep(userId, step));
    }
    const normalised = normaliseRecoveryCode(value);
    if (!/^[a-z2-7]{16}$/.test(normalised)) return false;
    return this.factors.useRecoveryCode(userId, hashRecoveryCode(normalised), this.clock.now());
  }

  /** Removes the second factor and its recovery codes (a beheerder's decision, checked by the caller). */
  async reset(caller: PersonPrincipal, userId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.factors.delete(manager, userId);
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'user', entityId: userId, action: 'second-factor-reset' });
    });
  }

  /** The time step the code belongs to, or undefined when it is no code of this secret now. */
  private matchingStep(base32: string, code: string): number | undefined {
    const value = code.trim();
    if (!/^[0-9]{6}$/.test(value)) return undefined;
    const timestamp = this.clock.now().getTime();
    const delta = this.totp(Secret.fromBase32(base32), '').validate({ token: value, timestamp, window: WINDOW });
    if (delta === null) return undefined;
    return TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
  }

  private totp(secret: Secret, label: string): TOTP {
    return new TOTP({ issuer: ISSUER, label, secret, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS });
  }

  private assertRole(caller: PersonPrincipal): void {
    if (!SECOND_FACTOR_ROLES.includes(caller.role)) {
      throw new AccountException(AccountExceptionCode.SecondFactorNotForRole, 'Only a beheerder or certificeerder enrols a second factor.');
    }
  }

  private async encrypt(plain: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.encryptionKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  private async decrypt(stored: string): Promise<string> {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1') throw new Error('Unknown second-factor secret format');
    const decipher = createDecipheriv('aes-256-gcm', await this.encryptionKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  private encryptionKey(): Promise<Buffer> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<Buffer> {
    const configured = this.config.auth.tokenSecret;
    const material = configured
      ? Buffer.from(configured, 'utf8')
      : Buffer.from(await this.secrets.getOrCreate(KEY_SECRET_NAME, randomBytes(32).toString('base64url')), 'base64url');
    return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'keurmerk second-factor secret', 32));
  }
}

function alreadyEnrolled(): AccountException {
  return new AccountException(AccountExceptionCode.SecondFactorAlreadyEnrolled, 'This account already has a second factor.');
}
