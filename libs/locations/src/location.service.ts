import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountService, MunicipalityService, type PersonPrincipal, type Principal } from '@keurmerk/accounts';
import { AddressLookupClient } from '@keurmerk/address-lookup';
import { AppErrorCode, AppException, Clock, InvalidParam, isUuid, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { actorOf, EventLog } from '@keurmerk/events';
import { LocationEntity } from './location.entities';
import { LocationException, LocationExceptionCode, locationNotFound } from './location.exception';
import { MUNICIPALITY_CODE_PATTERN, NewLocation, validateNewLocation, ValidLocation } from './location-input';
import { LocationFilters, LocationRepository } from './location.repository';

/** What the event log keeps of a location: its own fields, not the timestamps the row carries anyway. */
export function locationSnapshot(location: LocationEntity): Record<string, unknown> {
  return {
    organisationId: location.organisationId,
    postcode: location.postcode,
    houseNumber: location.houseNumber,
    houseLetter: location.houseLetter,
    houseNumberAddition: location.houseNumberAddition,
    street: location.street,
    city: location.city,
    municipalityCode: location.municipalityCode,
    bagId: location.bagId,
    housingType: location.housingType,
    newBuild: location.newBuild,
    requestedBeds: location.requestedBeds,
    status: location.status,
    latitude: location.latitude,
    longitude: location.longitude,
  };
}

/** Landlords' locations: registration, and who may see which (see visibleLocationCondition). */
@Injectable()
export class LocationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: LocationRepository,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly addressLookup: AddressLookupClient,
  ) {}

  /**
   * Registers a location: a verhuurder for its own organisation, a beheerder for the landlord it names.
   * One location per address; a second registration of the same address is a conflict.
   */
  async create(caller: PersonPrincipal, input: NewLocation): Promise<LocationEntity> {
    if (caller.role !== 'verhuurder' && caller.role !== 'beheerder') {
      throw new LocationException(LocationExceptionCode.NotRegistrar, 'Only a landlord or the beheerder registers locations.');
    }
    const { value, problems } = validateNewLocation(input);
    const organisationId = await this.owningOrganisation(caller, input.organisationId, problems);
    // Checked even when other fields are wrong, so the caller hears about every problem at once.
    if (MUNICIPALITY_CODE_PATTERN.test(input.municipalityCode ?? '') && !(await this.municipalities.exists(input.municipalityCode))) {
      problems.push({ name: 'gemeentecode', code: 'unknown', reason: 'Not a current municipality code.' });
    }
    if (problems.length > 0 || !value || !organisationId) throw AppException.invalid(problems);
    // The map's coordinates, when the BAG lookup answers in time; registration never waits on it longer or fails for it.
    const found = await this.addressLookup.find(value.address);

    try {
      return await this.db.transaction(async (manager) => {
        const location = await this.repository.insert(manager, {
          organisationId,
          postcode: value.address.postcode,
          houseNumber: value.address.houseNumber,
          houseLetter: value.address.houseLetter ?? null,
          houseNumberAddition: value.address.houseNumberAddition ?? null,
          street: value.address.street,
          city: value.address.city,
          municipalityCode: value.municipalityCode,
          bagId: value.bagId,
          housingType: value.housingType,
          newBuild: value.newBuild,
          requestedBeds: value.requestedBeds,
          latitude: found?.latitude ?? null,
          longitude: found?.longitude ?? null,
        });
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'location',
          entityId: location.id,
          action: 'created',
          after: locationSnapshot(location),
        });
        return location;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_location_address')) {
        await this.recordClaim(caller, organisationId, value);
        // The same answer whoever holds the address: the claimant learns nothing about the other holder.
        throw new LocationException(LocationExceptionCode.AddressTaken, 'A location at this address is already registered.');
      }
      throw error;
    }
  }

  /**
   * A second claim on a registered address, kept for the beheerder to resolve (a transfer, or a note
   * why not). An organisation registering its own address twice claims nothing.
   */
  private async recordClaim(caller: PersonPrincipal, organisationId: string, value: ValidLocation): Promise<void> {
    const key = {
      postcode: value.address.postcode,
      houseNumber: value.address.houseNumber,
      houseLetter: value.address.houseLetter ?? null,
      houseNumberAddition: value.address.houseNumberAddition ?? null,
    };
    await this.db.transaction(async (manager) => {
      const holder = await this.repository.findActiveAtAddress(key, manager);
      if (!holder || holder.organisationId === organisationId) return;
      const id = await this.repository.insertClaim(manager, {
        ...key,
        locationId: holder.id,
        claimantOrganisationId: organisationId,
        claimedBy: caller.userId,
        street: value.address.street,
        city: value.address.city,
        municipalityCode: value.municipalityCode,
        claimedAt: this.clock.now(),
      });
      if (!id) return;
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'address-claim',
        entityId: id,
        action: 'recorded',
        after: { locationId: holder.id, claimantOrganisationId: organisationId, status: 'open' },
      });
    });
  }

  /**
   * A location by id, without any access check: for the platform's own use, never for a caller's request.
   * Inside a transaction pass its manager: PGlite's single session is the transaction's, a second query would wait on it.
   */
  async getById(id: string, manager?: EntityManager): Promise<LocationEntity> {
    const location = await this.findById(id, manager);
    if (!location) throw locationNotFound(LocationExceptionCode.LocationNotFound, 'The location');
    return location;
  }

  /** A location by id or null, without any access check: for the platform's own use (planning checks it exists). */
  async findById(id: string, manager?: EntityManager): Promise<LocationEntity | null> {
    return isUuid(id) ? this.repository.findById(id.toLowerCase(), manager) : null;
  }

  /** A location the principal may see; one it may not see is answered as unknown (404), so existence does not leak. */
  async getVisible(principal: Principal, id: string): Promise<LocationEntity> {
    const location = isUuid(id) ? await this.repository.findVisible(principal, id) : null;
    if (!location) throw locationNotFound(LocationExceptionCode.LocationNotFound, 'The location');
    return location;
  }

  /** Those of the ids the principal may see, by id; the others are simply absent. */
  async visibleByIds(principal: Principal, ids: Iterable<string>): Promise<Map<string, LocationEntity>> {
    const unique = [...new Set([...ids].filter(isUuid))];
    const found = await this.repository.findVisibleByIds(principal, unique);
    return new Map(found.map((location) => [location.id, location]));
  }

  async list(principal: Principal, request: PageRequest, filters: LocationFilters = {}): Promise<Page<LocationEntity>> {
    return this.repository.listVisible(principal, request, filters);
  }

  /** The organisation a new location belongs to, adding a problem when the caller's choice is not allowed. */
  private async owningOrganisation(
    caller: PersonPrincipal,
    requested: string | undefined,
    problems: InvalidParam[],
  ): Promise<string | undefined> {
    if (caller.role === 'verhuurder') {
      if (!caller.organisationId) {
        throw new LocationException(LocationExceptionCode.LandlordWithoutOrganisation, 'This landlord account belongs to no organisation.');
      }
      if (requested !== undefined && requested.toLowerCase() !== caller.organisationId) {
        problems.push({
          name: 'organisatieId',
          code: 'not-allowed',
          reason: 'A verhuurder registers locations for its own organisation only.',
        });
        return undefined;
      }
      return caller.organisationId;
    }
    if (!requested) {
      problems.push({
        name: 'organisatieId',
        code: 'required',
        reason: 'The beheerder names the landlord organisation the location belongs to.',
      });
      return undefined;
    }
    if (!isUuid(requested)) {
      problems.push({ name: 'organisatieId', code: 'format', reason: 'organisatieId must be a UUID.' });
      return undefined;
    }
    const organisation = await this.accounts.getOrganisation(requested.toLowerCase()).catch((error: unknown) => {
      if (error instanceof AppException && error.code === AppErrorCode.NotFound) return undefined;
      throw error;
    });
    if (!organisation) {
      problems.push({ name: 'organisatieId', code: 'unknown', reason: 'No organisation has this id.' });
      return undefined;
    }
    if (organisation.kind !== 'verhuurder') {
      problems.push({ name: 'organisatieId', code: 'wrong-kind', reason: 'A location belongs to a verhuurder organisation.' });
      return undefined;
    }
    return organisation.id;
  }
}
