import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountService, MunicipalityService, type PersonPrincipal, type Principal } from '@keurmerk/accounts';
import { AppErrorCode, AppException, InvalidParam, isUuid, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { actorOf, EventLog } from '@keurmerk/events';
import { LocationEntity } from './location.entities';
import { LocationException, LocationExceptionCode, locationNotFound } from './location.exception';
import { MUNICIPALITY_CODE_PATTERN, NewLocation, validateNewLocation } from './location-input';
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
        throw new LocationException(LocationExceptionCode.AddressTaken, 'A location at this address is already registered.');
      }
      throw error;
    }
  }

  /** A location by id, without any access check: for the platform's own use, never for a caller's request. */
  async getById(id: string): Promise<LocationEntity> {
    const location = await this.findById(id);
    if (!location) throw locationNotFound(LocationExceptionCode.LocationNotFound, 'The location');
    return location;
  }

  /** A location by id or null, without any access check: for the platform's own use (planning checks it exists). */
  async findById(id: string): Promise<LocationEntity | null> {
    return isUuid(id) ? this.repository.findById(id.toLowerCase()) : null;
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
