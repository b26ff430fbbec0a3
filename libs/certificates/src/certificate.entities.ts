import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateDocumentData } from '@keurmerk/certificate-pdf';

/** 'uitgifte' is internal: allocated and recorded, not yet signed and stored, never public. */
export type StoredCertificateStatus = 'uitgifte' | 'geldig' | 'geschorst' | 'ingetrokken' | 'verlopen' | 'vervangen';

@Entity('certificate')
export class CertificateEntity {
  @PrimaryColumn({ type: 'text' })
  number: string;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode: string;

  @Column({ type: 'text' })
  status: StoredCertificateStatus;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ name: 'maximum_residents', type: 'integer' })
  maximumResidents: number;

  @Column({ name: 'norm_version', type: 'text' })
  normVersion: string;

  /** Exactly what is printed and signed, recorded before signing. */
  @Column({ type: 'jsonb' })
  content: CertificateDocumentData;

  @Column({ name: 'pdf_key', type: 'text', nullable: true })
  pdfKey: string | null;

  @Column({ name: 'pdf_sha256', type: 'text', nullable: true })
  pdfSha256: string | null;

  @Column({ name: 'signing_kid', type: 'text', nullable: true })
  signingKid: string | null;

  /** The signed credential (compact JWS), signed once by the issuer beside the PDF, so readers need no key. */
  @Column({ type: 'text', nullable: true })
  credential: string | null;

  @Column({ name: 'template_version', type: 'integer', nullable: true })
  templateVersion: number | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt: Date;

  @Column({ name: 'superseded_by', type: 'text', nullable: true })
  supersededBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('certificate_status_change')
export class CertificateStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'certificate_number', type: 'text' })
  certificateNumber: string;

  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

/** The public side of a key the issuer signs (or signed) with, published for processes that hold no private key. */
@Entity('signing_key')
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  kid: string;

  @Column({ type: 'text' })
  algorithm: string;

  /** X.509 certificate, DER. */
  @Column({ type: 'bytea' })
  certificate: Buffer;

  @Column({ type: 'bytea', array: true })
  chain: Buffer[];

  @Column({ type: 'text' })
  status: 'active' | 'retired';

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}

export const CERTIFICATE_ENTITIES = [CertificateEntity, CertificateStatusChangeEntity, SigningKeyEntity];
