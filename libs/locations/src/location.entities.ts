import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HousingType } from '@keurmerk/norm';

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

export const LOCATION_ENTITIES = [LocationEntity, ApplicationEntity];
