import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AppException, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { actorOf, EventLog } from '@keurmerk/events';
import { ApiKeyEntity } from './account.entities';
import { MunicipalityService } from './municipality.service';
import { ApiKeyPrincipal, municipalityOf, PersonPrincipal } from './principal';

const KEY_PREFIX = 'kmk_';
// Keys are looked up on every municipal call; a short cache keeps that off the database.
const CACHE_TTL_MS = 30_000;

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * API keys for municipal systems. A key is 256 random bits, so a plain SHA-256 is a safe and fast
 * way to store it (a slow password hash protects guessable secrets, which these are not).
 */
@Injectable()
export class ApiKeyService {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal | null; until: number }>();

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly municipalities: MunicipalityService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(caller: PersonPrincipal, input: { name: string; municipalityCode: string }): Promise<{ key: ApiKeyEntity; secret: string }> {
    if (!(await this.municipalities.exists(input.municipalityCode))) {
      throw AppException.invalidField('gemeentecode', 'unknown', 'Not a current municipality code.');
    }
    const own = municipalityOf(caller);
    if (caller.role !== 'beheerder' && own !== input.municipalityCode) {
      throw AppException.forbidden('A municipality can make keys for its own gemeentecode only.');
    }
    const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
    const key = await this.db.transaction(async (manager) => {
      // Counted under a per-municipality lock, so parallel requests cannot pass the cap together.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('api-key:' || $1, 0))`, [input.municipalityCode]);
      const [{ n }] = (await manager.query('SELECT count(*)::int AS n FROM api_key WHERE municipality_code = $1 AND revoked_at IS NULL', [
        input.municipalityCode,
      ])) as { n: number }[];
      const cap = this.config.municipalLimits.apiKeys;
      if (n >= cap) {
        throw AppException.conflict(
          `${input.municipalityCode} already has ${n} active API keys, the most one municipality may hold (${cap}). Revoke one it no longer uses (DELETE /v1/api-sleutels/{id}) first.`,
        );
      }
      const created = await manager.save(
        manager.create(ApiKeyEntity, {
          name: input.name.trim(),
          municipalityCode: input.municipalityCode,
          keyHash: digest(secret),
          keyPrefix: secret.slice(0, 10),
          createdBy: caller.userId,
          revokedAt: null,
        }),
      );
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

  async list(caller: PersonPrincipal, request: PageRequest): Promise<Page<ApiKeyEntity>> {
    const own = municipalityOf(caller);
    const [items, total] = await this.keys.findAndCount({
      where: caller.role === 'beheerder' ? {} : { municipalityCode: own ?? '-' },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  async revoke(caller: PersonPrincipal, id: string): Promise<void> {
    const key = await this.keys.findOneBy({ id });
    if (!key || (caller.role !== 'beheerder' && key.municipalityCode !== municipalityOf(caller))) {
      throw AppException.notFound('The API key');
    }
    if (key.revokedAt) return;
    await this.db.transaction(async (manager) => {
      await manager.update(ApiKeyEntity, { id }, { revokedAt: new Date() });
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'api-key', entityId: id, action: 'revoked', before: { revokedAt: null } });
    });
    this.cache.clear();
  }

  async authenticate(secret: string): Promise<ApiKeyPrincipal> {
    const hash = digest(secret);
    const cached = this.cache.get(hash);
    let principal: ApiKeyPrincipal | null;
    if (cached && cached.until > Date.now()) {
      principal = cached.principal;
    } else {
      const key = secret.startsWith(KEY_PREFIX) ? await this.keys.findOneBy({ keyHash: hash, revokedAt: IsNull() }) : null;
      principal = key ? { kind: 'api-key', apiKeyId: key.id, municipalityCode: key.municipalityCode } : null;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { principal, until: Date.now() + CACHE_TTL_MS });
    }
    if (!principal) throw AppException.unauthenticated('The API key is not valid.');
    return principal;
  }
}
