import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException, Clock, Page, PageRequest } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { actorOf, EventLog } from '@keurmerk/events';
import { ApiKeyEntity } from './account.entities';
import { AccountException, AccountExceptionCode } from './account.exception';
import { ApiKeyRepository } from './api-key.repository';
import { MunicipalityService } from './municipality.service';
import { ApiKeyPrincipal, municipalityOf, PersonPrincipal } from './principal';

const KEY_PREFIX = 'kmk_';

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * API keys for municipal systems. A key is 256 random bits, so a plain SHA-256 is a safe and fast
 * way to store it (a slow password hash protects guessable secrets, which these are not).
 */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly municipalities: MunicipalityService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(caller: PersonPrincipal, input: { name: string; municipalityCode: string }): Promise<{ key: ApiKeyEntity; secret: string }> {
    if (!(await this.municipalities.exists(input.municipalityCode))) {
      throw AppException.invalidField('gemeentecode', 'unknown', 'Not a current municipality code.');
    }
    const own = municipalityOf(caller);
    if (caller.role !== 'beheerder' && own !== input.municipalityCode) {
      const detail = 'A municipality can make keys for its own gemeentecode only.';
      throw new AccountException(AccountExceptionCode.ApiKeyOtherMunicipality, detail);
    }
    const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
    const key = await this.db.transaction(async (manager) => {
      // Counted under a per-municipality lock, so parallel requests cannot pass the cap together.
      await this.keys.lockMunicipality(manager, input.municipalityCode);
      const n = await this.keys.countActive(manager, input.municipalityCode);
      const cap = this.config.municipalLimits.apiKeys;
      if (n >= cap) {
        throw new AccountException(
          AccountExceptionCode.ApiKeyCapReached,
          `${input.municipalityCode} already has ${n} active API keys, the most one municipality may hold (${cap}). ` +
            'Revoke one it no longer uses (DELETE /v1/api-sleutels/{id}) first.',
        );
      }
      const created = await this.keys.insert(manager, {
        name: input.name.trim(),
        municipalityCode: input.municipalityCode,
        keyHash: digest(secret),
        keyPrefix: secret.slice(0, 10),
        createdBy: caller.userId,
        revokedAt: null,
      });
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'api-key',
        entityId: created.id,
        action: 'created',
        after: { name: created.name, municipalityCode: created.municipalityCode, keyPrefix: created.keyPrefix },
      });
      return created;
    });
    return { key, secret };
  }

  list(caller: PersonPrincipal, request: PageRequest): Promise<Page<ApiKeyEntity>> {
    // '-' matches no municipality: a caller without one sees no keys.
    return this.keys.page(request, caller.role === 'beheerder' ? undefined : (municipalityOf(caller) ?? '-'));
  }

  async revoke(caller: PersonPrincipal, id: string): Promise<void> {
    const key = await this.keys.findById(id);
    if (!key || (caller.role !== 'beheerder' && key.municipalityCode !== municipalityOf(caller))) {
      throw new AccountException(AccountExceptionCode.ApiKeyNotFound, 'The API key was not found.');
    }
    if (key.revokedAt) return;
    await this.db.transaction(async (manager) => {
      await this.keys.revoke(manager, id, this.clock.now());
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'api-key',
        entityId: id,
        action: 'revoked',
        before: { revokedAt: null },
      });
    });
  }

  /**
   * Every call asks the database (one indexed lookup): a revoked key, or a key whose maker was
   * deactivated, answers 401 from the next request on, on every process. A per-process cache could
   * not promise that without a notification channel, and the lookup is cheaper than what it guards.
   */
  async authenticate(secret: string): Promise<ApiKeyPrincipal> {
    const key = secret.startsWith(KEY_PREFIX) ? await this.keys.findActiveByHash(digest(secret)) : null;
    if (!key) throw AppException.unauthenticated('The API key is not valid.');
    return { kind: 'api-key', apiKeyId: key.id, municipalityCode: key.municipalityCode };
  }
}
