import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HousingType } from '@keurmerk/norm';

export const LOCATION_STATUSES = ['actief', 'afgemeld'] as const;
export type LocationStatus = (typeof LOCATION_STATUSES)[number];

@Entity('location')
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  postcode: string;

  @Column({ name: 'house_number', type: 'integer' })
  houseNumber: number;

  @Column({ name: 'house_letter', type: 'text', nullable: true })
  houseLetter: string | null;

  @Column({ name: 'house_number_addition', type: 'text', nullable: true })
  houseNumberAddition: string | null;

  @Column({ type: 'text' })
  street: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode: string;

  @Column({ name: 'bag_id', type: 'text', nullable: true })
  bagId: string | null;

  @Column({ name: 'housing_type', type: 'text' })
  housingType: HousingType;

  @Column({ name: 'new_build', type: 'boolean' })
  newBuild: boolean;

  @Column({ name: 'requested_beds', type: 'integer' })
  requestedBeds: number;

  /** `afgemeld`: deregistered; its address is free for another holder, and nothing changes it any more. */
  @Column({ type: 'text', default: 'actief' })
  status: LocationStatus;

  @Column({ name: 'deregistered_at', type: 'timestamptz', nullable: true })
  deregisteredAt: Date | null;

  @Column({ name: 'deregistration_reason', type: 'text', nullable: true })
  deregistrationReason: string | null;
  /** WGS84, from the address lookup at registration; null when it did not answer (the location is then not on the map). */
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const APPLICATION_STATUSES = ['ingediend', 'in-behandeling', 'afgerond', 'ingetrokken'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

@Entity('application')
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const ADDRESS_CLAIM_STATUSES = ['open', 'afgehandeld'] as const;
export type AddressClaimStatus = (typeof ADDRESS_CLAIM_STATUSES)[number];

/**
 * Someone tried to register an address that another organisation holds. The claimant was told only
 * that the address is taken; the beheerder resolves it (a transfer, or a note why not).
 */
@Entity('address_claim')
export class AddressClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The active location that holds the address. */
  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'claimant_organisation_id', type: 'uuid' })
  claimantOrganisationId: string;

  @Column({ name: 'claimed_by', type: 'uuid' })
  claimedBy: string;

  @Column({ type: 'text' })
  postcode: string;

  @Column({ name: 'house_number', type: 'integer' })
  houseNumber: number;

  @Column({ name: 'house_letter', type: 'text', nullable: true })
  houseLetter: string | null;

  @Column({ name: 'house_number_addition', type: 'text', nullable: true })
  houseNumberAddition: string | null;

  @Column({ type: 'text' })
  street: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode: string;

  @Column({ type: 'text' })
  status: AddressClaimStatus;

  @Column({ name: 'claimed_at', type: 'timestamptz' })
  claimedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;
}

export const LOCATION_ENTITIES = [LocationEntity, ApplicationEntity, AddressClaimEntity];
