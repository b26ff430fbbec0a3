import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import type { NormVersion } from '@keurmerk/norm';
import { NormVersionEntity } from './norm-version.entity';

/** A norm version without its criteria, for listings. */
export type NormVersionSummary = Omit<NormVersionEntity, 'definition'>;

/**
 * Queries on norm versions. That a published version never changes is the service's rule (and the
 * database trigger's); which versions a caller may see is the service's too.
 */
@Injectable()
export class NormVersionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every version, concepts included, newest first. */
  all(): Promise<NormVersionEntity[]> {
    return newestFirst(this.db.manager.createQueryBuilder(NormVersionEntity, 'n')).getMany();
  }

  /** One page of summaries, newest first; only published ones unless `withConcepts`. */
  async page(request: PageRequest, options: { withConcepts: boolean }): Promise<Page<NormVersionSummary>> {
    let query = this.db.manager
      .createQueryBuilder(NormVersionEntity, 'n')
      .select(['n.version', 'n.status', 'n.effectiveDate', 'n.createdAt', 'n.updatedAt', 'n.publishedAt']);
    if (!options.withConcepts) query = query.where('n.status = :status', { status: 'gepubliceerd' });
    const [items, total] = await newestFirst(query).offset(pageOffset(request)).limit(request.pageSize).getManyAndCount();
    return { items, total, ...request };
  }

  find(version: string, manager: EntityManager = this.db.manager): Promise<NormVersionEntity | null> {
    return manager.findOneBy(NormVersionEntity, { version });
  }

  findPublished(version: string): Promise<NormVersionEntity | null> {
    return this.db.manager.findOneBy(NormVersionEntity, { version, status: 'gepubliceerd' });
  }

  /** The newest published version in effect on `onDate` (YYYY-MM-DD), or with no date the newest published. */
  newestPublished(onDate?: string): Promise<NormVersionEntity | null> {
    let query = this.db.manager.createQueryBuilder(NormVersionEntity, 'n').where('n.status = :status', { status: 'gepubliceerd' });
    if (onDate !== undefined) query = query.andWhere('n.effectiveDate <= :onDate', { onDate });
    return newestFirst(query).limit(1).getOne();
  }

  exists(manager: EntityManager, version: string): Promise<boolean> {
    return manager.existsBy(NormVersionEntity, { version });
  }

  async insert(manager: EntityManager, entity: Omit<NormVersionEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.insert(NormVersionEntity, manager.create(NormVersionEntity, entity));
  }

  /** The row, locked until the caller's transaction ends. */
  findForUpdate(manager: EntityManager, version: string): Promise<NormVersionEntity | null> {
    return manager.findOne(NormVersionEntity, { where: { version }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    manager: EntityManager,
    version: string,
    changes: Partial<Pick<NormVersionEntity, 'status' | 'effectiveDate' | 'definition' | 'publishedAt'>>,
  ): Promise<void> {
    await manager.update(NormVersionEntity, { version }, changes);
  }

  /**
   * Inserts a published version unless one with its number exists. Processes starting together may
   * both try: ON CONFLICT lets the second wait for the first and then do nothing. True when inserted.
   */
  async insertPublishedIfMissing(manager: EntityManager, norm: NormVersion, publishedAt: Date): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO norm_version (version, status, effective_date, definition, published_at)
       VALUES ($1, 'gepubliceerd', $2, $3, $4)
       ON CONFLICT (version) DO NOTHING
       RETURNING version`,
      [norm.version, norm.effectiveDate, JSON.stringify(norm), publishedAt],
    );
    return inserted.length > 0;
  }
}

/** Newest first by version number: 2026.10 is newer than 2026.9, which a text sort gets wrong. */
function newestFirst(query: SelectQueryBuilder<NormVersionEntity>): SelectQueryBuilder<NormVersionEntity> {
  return query.orderBy(`string_to_array(n.version, '.')::int[]`, 'DESC');
}
