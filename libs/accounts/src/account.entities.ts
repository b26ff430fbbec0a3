import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind, Role } from './principal';

/** The languages a person reads the app and their mail in. */
export const USER_LANGUAGES = ['nl', 'en'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

@Entity('municipality')
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'reference_date', type: 'date' })
  referenceDate: string;
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'kvk_number', type: 'text' })
  kvkNumber: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ name: 'accreditation_valid_until', type: 'date', nullable: true })
  accreditationValidUntil: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('user_account')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'municipality_code', type: 'text', nullable: true })
  municipalityCode: string | null;

  @Column({ name: 'accreditation_valid_until', type: 'date', nullable: true })
  accreditationValidUntil: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The language of their mail (and the app's, once they chose one there). */
  @Column({ type: 'text', default: 'nl' })
  language: UserLanguage;

  /** Bumped when the password changes or the user is deactivated: bearer tokens of an older generation stop. */
  @Column({ name: 'credential_generation', type: 'integer', default: 0 })
  credentialGeneration: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode: string;

  @Column({ name: 'key_hash', type: 'text', select: false })
  keyHash: string;

  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

export const ACCOUNT_ENTITIES = [MunicipalityEntity, OrganisationEntity, UserEntity, ApiKeyEntity];
