import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { normalisePostcode, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { AddressClaimEntity, AddressClaimStatus, LocationEntity } from './location.entities';
import { restrictToVisibleLocations } from './location-visibility';

export interface LocationFilters {
  municipalityCode?: string;
  /** Any spelling: `1234 ab` finds `1234AB`. */
  postcode?: string;
}

/** A location's own columns, as a new row gets them. */
export type NewLocationRow = Omit<LocationEntity, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'deregisteredAt' | 'deregistrationReason'>;

/** What can change on a location row after registration. */
export type LocationUpdate = Partial<
  Pick<
    LocationEntity,
    'requestedBeds' | 'housingType' | 'newBuild' | 'organisationId' | 'status' | 'deregisteredAt' | 'deregistrationReason'
  >
>;

/** An address as the unique index compares it. */
export interface AddressKey {
  postcode: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
}

export type NewAddressClaimRow = Omit<AddressClaimEntity, 'id' | 'status' | 'resolvedAt' | 'resolvedBy' | 'resolution'>;

/** The queries on `location`; who may do what is LocationService's to decide. */
@Injectable()
export class LocationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(manager: EntityManager, row: NewLocationRow): Promise<LocationEntity> {
    return manager.save(LocationEntity, manager.create(LocationEntity, row));
  }

  /** The row locked for the rest of the transaction, so changes of one location follow each other. */
  async lock(manager: EntityManager, id: string): Promise<LocationEntity | null> {
    return manager.findOne(LocationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, update: LocationUpdate): Promise<LocationEntity> {
    await manager.update(LocationEntity, { id }, update);
    return manager.findOneByOrFail(LocationEntity, { id });
  }

  /** The active location at this address, if any (the unique index allows one). */
  async findActiveAtAddress(address: AddressKey, manager: EntityManager = this.db.manager): Promise<LocationEntity | null> {
    return manager
      .createQueryBuilder(LocationEntity, 'location')
      .where(`location.status = 'actief' AND location.postcode = :postcode AND location.houseNumber = :houseNumber`, address)
      .andWhere(`coalesce(location.houseLetter, '') = :letter AND coalesce(location.houseNumberAddition, '') = :addition`, {
        letter: address.houseLetter ?? '',
        addition: address.houseNumberAddition ?? '',
      })
      .getOne();
  }

  // --- address claims

  /** Records a claim; a claimant's repeated try while its claim is open adds nothing. Returns the new id, or null. */
  async insertClaim(manager: EntityManager, row: NewAddressClaimRow): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(AddressClaimEntity)
      .values({ ...row, status: 'open' })
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  async lockClaim(manager: EntityManager, id: string): Promise<AddressClaimEntity | null> {
    return manager.findOne(AddressClaimEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findClaim(id: string): Promise<AddressClaimEntity | null> {
    return this.db.manager.findOneBy(AddressClaimEntity, { id });
  }

  async resolveClaim(
    manager: EntityManager,
    id: string,
    resolution: { resolvedAt: Date; resolvedBy: string; resolution: string },
  ): Promise<void> {
    await manager.update(AddressClaimEntity, { id }, { ...resolution, status: 'afgehandeld' });
  }

  /** The open claims on a location, locked (a transfer or deregistration settles them). */
  async lockOpenClaimsOf(manager: EntityManager, locationId: string): Promise<AddressClaimEntity[]> {
    return manager.find(AddressClaimEntity, { where: { locationId, status: 'open' }, lock: { mode: 'pessimistic_write' } });
  }

  async pageClaims(filter: { status?: AddressClaimStatus; locationId?: string }, request: PageRequest): Promise<Page<AddressClaimEntity>> {
    const [items, total] = await this.db.manager.findAndCount(AddressClaimEntity, {
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.locationId ? { locationId: filter.locationId } : {}) },
      order: { claimedAt: 'DESC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
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
