import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { ApiKeyEntity, UserEntity } from './account.entities';

/** Queries on municipal API keys; the key itself is never stored, only its hash. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  insert(manager: EntityManager, key: Omit<ApiKeyEntity, 'id' | 'createdAt'>): Promise<ApiKeyEntity> {
    return manager.save(manager.create(ApiKeyEntity, key));
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ id });
  }

  /** The key with this hash that is not revoked and whose maker is still an active user. */
  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys
      .createQueryBuilder('k')
      .innerJoin(UserEntity, 'u', 'u.id = k.created_by AND u.active')
      .where('k.key_hash = :keyHash AND k.revoked_at IS NULL', { keyHash })
      .getOne();
  }

  /** Newest first; `municipalityCode` undefined means every municipality's. */
  async page(request: PageRequest, municipalityCode?: string): Promise<Page<ApiKeyEntity>> {
    const [items, total] = await this.keys.findAndCount({
      where: municipalityCode === undefined ? {} : { municipalityCode },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  /**
   * Serialises key creation for one municipality until the caller's transaction ends, so a count
   * and the insert after it cannot be overtaken by a parallel request.
   */
  async lockMunicipality(manager: EntityManager, municipalityCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('api-key:' || $1, 0))`, [municipalityCode]);
  }

  async countActive(manager: EntityManager, municipalityCode: string): Promise<number> {
    const [{ n }] = (await manager.query('SELECT count(*)::int AS n FROM api_key WHERE municipality_code = $1 AND revoked_at IS NULL', [
      municipalityCode,
    ])) as { n: number }[];
    return n;
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(ApiKeyEntity, { id }, { revokedAt: at });
  }
}
