import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountService, type PersonPrincipal } from '@keurmerk/accounts';
import { AppErrorCode, AppException, Clock, InvalidParam, isUuid, Page, PageRequest } from '@keurmerk/common';
import { actorOf, type Actor, EventLog } from '@keurmerk/events';
import { addDays } from '@keurmerk/norm';
import { ApplicationRepository } from './application.repository';
import { LocationConsequences } from './location-consequences.port';
import { AddressClaimEntity, AddressClaimStatus, LocationEntity } from './location.entities';
import { LocationException, LocationExceptionCode, locationNotFound } from './location.exception';
import { CHANGE_INSPECTION_DUE_DAYS, LocationChange, reasonProblem, validateLocationChange } from './location-input';
import { LocationRepository, LocationUpdate } from './location.repository';
import { locationSnapshot, LocationService } from './location.service';

export interface ChangedLocation {
  location: LocationEntity;
  /** The `wijziging` planning request the change opened; null when it needed none (or one was open already). */
  planningRequestId: string | null;
}

export interface EndedHolding {
  location: LocationEntity;
  /** The certificate withdrawn by the deregistration or transfer, if the location had one. */
  withdrawnCertificate?: string;
}

export interface TransferredLocation extends EndedHolding {
  fromOrganisationId: string;
}

/**
 * A location after its registration: its holder changes beds, type or new build, deregisters it, or
 * the beheerder transfers it to another holder and resolves second claims on its address. What that
 * means for certificates and planning is asked of LocationConsequences, in the same transaction, so a
 * location is never changed without its certificate following (or the other way round).
 */
@Injectable()
export class LocationOperationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: LocationRepository,
    private readonly applications: ApplicationRepository,
    private readonly locations: LocationService,
    private readonly accounts: AccountService,
    private readonly events: EventLog,
    private readonly clock: Clock,
    @Optional() private readonly consequences?: LocationConsequences,
  ) {}

  /**
   * Beds, housing type or new build. A change of type or new build of a certified location, or beds
   * raised above its certified maximum, opens a `wijziging` planning request; the certificate's
   * maximum stays what was inspected until a new decision replaces it.
   */
  async change(caller: PersonPrincipal, id: string, input: LocationChange): Promise<ChangedLocation> {
    const problems = validateLocationChange(input);
    if (problems.length > 0) throw AppException.invalid(problems);
    await this.requireManager(caller, id);
    const consequences = this.port();
    return this.db.transaction(async (manager) => {
      const location = await this.lockActive(manager, id);
      const update: LocationUpdate = {};
      if (input.requestedBeds !== undefined && input.requestedBeds !== location.requestedBeds) update.requestedBeds = input.requestedBeds;
      if (input.housingType !== undefined && input.housingType !== location.housingType) update.housingType = input.housingType;
      if (input.newBuild !== undefined && input.newBuild !== location.newBuild) update.newBuild = input.newBuild;
      if (Object.keys(update).length === 0) return { location, planningRequestId: null };

      const certificate = await consequences.currentCertificate(manager, location.id);
      const material = update.housingType !== undefined || update.newBuild !== undefined;
      const bedsAboveMaximum =
        certificate !== null &&
        update.requestedBeds !== undefined &&
        update.requestedBeds > location.requestedBeds &&
        update.requestedBeds > certificate.maximumResidents;
      const actor = actorOf(caller);
      const planningRequestId =
        certificate && (material || bedsAboveMaximum)
          ? await consequences.requestChangeInspection(manager, {
              locationId: location.id,
              certificateNumber: certificate.number,
              dueDate: addDays(this.clock.today(), CHANGE_INSPECTION_DUE_DAYS),
              actor,
            })
          : null;
      const changed = await this.repository.update(manager, location.id, update);
      await this.events.append(manager, {
        actor,
        entityType: 'location',
        entityId: location.id,
        action: 'changed',
        before: locationSnapshot(location),
        after: {
          ...locationSnapshot(changed),
          ...(certificate ? { certifiedMaximum: certificate.maximumResidents, certificateNumber: certificate.number } : {}),
          planningRequestId,
        },
      });
      return { location: changed, planningRequestId };
    });
  }

  /** Deregistration by its landlord or the beheerder: its certificate is withdrawn and its address is free again. */
  async deregister(caller: PersonPrincipal, id: string, reason: string): Promise<EndedHolding> {
    const problem = reasonProblem(reason);
    if (problem) throw AppException.invalid([problem]);
    await this.requireManager(caller, id);
    const consequences = this.port();
    const actor = actorOf(caller);
    const why = reason.trim();
    return this.db.transaction(async (manager) => {
      const location = await this.lockActive(manager, id);
      const withdrawnCertificate = await consequences.withdrawCertificate(manager, {
        locationId: location.id,
        reason: `Locatie afgemeld: ${why}`,
        actor,
      });
      const withdrawnApplication = await this.applications.setOpenStatusOf(manager, location.id, 'ingetrokken');
      await this.settleClaims(manager, location.id, 'Locatie afgemeld; het adres is weer vrij.', actor);
      const now = this.clock.now();
      const deregistered = await this.repository.update(manager, location.id, {
        status: 'afgemeld',
        deregisteredAt: now,
        deregistrationReason: why,
      });
      await this.events.append(manager, {
        actor,
        entityType: 'location',
        entityId: location.id,
        action: 'deregistered',
        before: { status: location.status },
        after: {
          status: deregistered.status,
          reason: why,
          withdrawnCertificate: withdrawnCertificate ?? null,
          withdrawnApplication: withdrawnApplication ?? null,
        },
      });
      return { location: deregistered, ...(withdrawnCertificate ? { withdrawnCertificate } : {}) };
    });
  }

  /** The beheerder moves a location to another landlord; the old holder's certificate is withdrawn, the new holder applies anew. */
  async transfer(caller: PersonPrincipal, id: string, input: { organisationId: string; reason: string }): Promise<TransferredLocation> {
    this.requireBeheerder(caller);
    const problems: InvalidParam[] = [];
    const reasonIssue = reasonProblem(input.reason);
    if (reasonIssue) problems.push(reasonIssue);
    const organisationId = await this.landlordOrganisation(input.organisationId, problems);
    if (problems.length > 0 || !organisationId) throw AppException.invalid(problems);
    await this.locations.getVisible(caller, id);
    const consequences = this.port();
    const actor = actorOf(caller);
    const why = input.reason.trim();
    return this.db.transaction(async (manager) => {
      const location = await this.lockActive(manager, id);
      if (location.organisationId === organisationId)
        throw new LocationException(LocationExceptionCode.SameHolder, 'This organisation already holds the location.');
      const withdrawnCertificate = await consequences.withdrawCertificate(manager, {
        locationId: location.id,
        reason: `Locatie overgedragen aan een andere houder: ${why}`,
        actor,
      });
      const withdrawnApplication = await this.applications.setOpenStatusOf(manager, location.id, 'ingetrokken');
      await this.settleClaims(manager, location.id, 'Locatie overgedragen.', actor, organisationId);
      const transferred = await this.repository.update(manager, location.id, { organisationId });
      await this.events.append(manager, {
        actor,
        entityType: 'location',
        entityId: location.id,
        action: 'transferred',
        before: { organisationId: location.organisationId },
        after: {
          organisationId,
          reason: why,
          withdrawnCertificate: withdrawnCertificate ?? null,
          withdrawnApplication: withdrawnApplication ?? null,
        },
      });
      return {
        location: transferred,
        fromOrganisationId: location.organisationId,
        ...(withdrawnCertificate ? { withdrawnCertificate } : {}),
      };
    });
  }

  /** Second claims on registered addresses, newest first (the beheerder's). */
  async claims(
    caller: PersonPrincipal,
    request: PageRequest,
    filter: { status?: AddressClaimStatus; locationId?: string } = {},
  ): Promise<Page<AddressClaimEntity>> {
    this.requireBeheerder(caller);
    return this.repository.pageClaims(filter, request);
  }

  async claim(caller: PersonPrincipal, id: string): Promise<AddressClaimEntity> {
    this.requireBeheerder(caller);
    const claim = isUuid(id) ? await this.repository.findClaim(id.toLowerCase()) : null;
    if (!claim) throw locationNotFound(LocationExceptionCode.AddressClaimNotFound, 'The address claim');
    return claim;
  }

  /** The beheerder closes a claim with a note (after a transfer, or why the holder stays). */
  async resolveClaim(caller: PersonPrincipal, id: string, resolution: string): Promise<AddressClaimEntity> {
    const problem = reasonProblem(resolution, 'toelichting');
    if (problem) throw AppException.invalid([problem]);
    await this.claim(caller, id);
    return this.db.transaction(async (manager) => {
      const claim = await this.repository.lockClaim(manager, id.toLowerCase());
      if (!claim) throw locationNotFound(LocationExceptionCode.AddressClaimNotFound, 'The address claim');
      if (claim.status !== 'open')
        throw new LocationException(LocationExceptionCode.AddressClaimResolved, 'The claim is already resolved.');
      await this.resolve(manager, claim, resolution.trim(), actorOf(caller));
      return (await this.repository.lockClaim(manager, claim.id))!;
    });
  }

  // --- helpers

  /** The open claims on a location are settled by what ended the dispute: all of them, or only the new holder's. */
  private async settleClaims(manager: EntityManager, locationId: string, resolution: string, actor: Actor, onlyOf?: string): Promise<void> {
    for (const claim of await this.repository.lockOpenClaimsOf(manager, locationId)) {
      if (onlyOf === undefined || claim.claimantOrganisationId === onlyOf) await this.resolve(manager, claim, resolution, actor);
    }
  }

  private async resolve(manager: EntityManager, claim: AddressClaimEntity, resolution: string, actor: Actor): Promise<void> {
    await this.repository.resolveClaim(manager, claim.id, { resolvedAt: this.clock.now(), resolvedBy: actor.id!, resolution });
    await this.events.append(manager, {
      actor,
      entityType: 'address-claim',
      entityId: claim.id,
      action: 'resolved',
      before: { status: 'open' },
      after: { status: 'afgehandeld', resolution },
    });
  }

  private async lockActive(manager: EntityManager, id: string): Promise<LocationEntity> {
    const location = await this.repository.lock(manager, id.toLowerCase());
    if (!location) throw locationNotFound(LocationExceptionCode.LocationNotFound, 'The location');
    if (location.status === 'afgemeld')
      throw new LocationException(LocationExceptionCode.Deregistered, 'The location is deregistered; nothing changes it any more.');
    return location;
  }

  /** Its landlord (a location of another landlord is unknown to it: 404) or the beheerder. */
  private async requireManager(caller: PersonPrincipal, id: string): Promise<void> {
    await this.locations.getVisible(caller, id);
    if (caller.role !== 'verhuurder' && caller.role !== 'beheerder') {
      throw new LocationException(LocationExceptionCode.NotLocationManager, 'Only its landlord or the beheerder changes a location.');
    }
  }

  private requireBeheerder(caller: PersonPrincipal): void {
    if (caller.role !== 'beheerder')
      throw new LocationException(LocationExceptionCode.BeheerderOnly, 'Only the beheerder transfers locations and resolves claims.');
  }

  private async landlordOrganisation(requested: unknown, problems: InvalidParam[]): Promise<string | undefined> {
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

  private port(): LocationConsequences {
    if (!this.consequences) throw new Error('LocationConsequences is not provided in this process (import LocationConsequencesModule).');
    return this.consequences;
  }
}
