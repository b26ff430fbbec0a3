import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { normalisePostcode, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { LocationEntity } from './location.entities';
import { restrictToVisibleLocations } from './location-visibility';

export interface LocationFilters {
  municipalityCode?: string;
  /** Any spelling: `1234 ab` finds `1234AB`. */
  postcode?: string;
}

/** A location's own columns, as a new row gets them. */
export type NewLocationRow = Omit<LocationEntity, 'id' | 'createdAt' | 'updatedAt'>;

/** The queries on `location`; who may do what is LocationService's to decide. */
@Injectable()
export class LocationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(manager: EntityManager, row: NewLocationRow): Promise<LocationEntity> {
    return manager.save(LocationEntity, manager.create(LocationEntity, row));
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<LocationEntity | null> {
    return manager.findOneBy(LocationEntity, { id });
  }

  async findVisible(principal: Principal, id: string): Promise<LocationEntity | null> {
    return this.visible(principal).andWhere('location.id = :id', { id }).getOne();
  }

  async findVisibleByIds(principal: Principal, ids: readonly string[]): Promise<LocationEntity[]> {
    if (ids.length === 0) return [];
    return this.visible(principal)
      .andWhere('location.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  async listVisible(principal: Principal, request: PageRequest, filters: LocationFilters = {}): Promise<Page<LocationEntity>> {
    const query = this.visible(principal);
    if (filters.municipalityCode)
      query.andWhere('location.municipalityCode = :municipalityCode', { municipalityCode: filters.municipalityCode });
    if (filters.postcode) query.andWhere('location.postcode = :postcode', { postcode: normalisePostcode(filters.postcode) });
    // Address order: stable for paging, and the order a municipality reads a street in.
    const [items, total] = await query
      .orderBy('location.postcode', 'ASC')
      .addOrderBy('location.houseNumber', 'ASC')
      .addOrderBy('location.houseLetter', 'ASC', 'NULLS FIRST')
      .addOrderBy('location.houseNumberAddition', 'ASC', 'NULLS FIRST')
      .addOrderBy('location.id', 'ASC')
      .offset(pageOffset(request))
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  /** The locations the principal may see, under the alias `location`. */
  private visible(principal: Principal): SelectQueryBuilder<LocationEntity> {
    return restrictToVisibleLocations(this.db.manager.createQueryBuilder(LocationEntity, 'location'), principal, 'location');
  }
}
