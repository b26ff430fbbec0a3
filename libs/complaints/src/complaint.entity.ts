import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const COMPLAINT_STATUSES = ['ontvangen', 'in-behandeling', 'afgehandeld'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The languages of the information card, and so of the residents' page and its complaints. */
export const COMPLAINT_LANGUAGES = ['nl', 'en', 'pl', 'ro', 'bg'] as const;
export type ComplaintLanguage = (typeof COMPLAINT_LANGUAGES)[number];

/** Why a complaint could not be tied to a location; it is kept all the same (the resident may have mistyped). */
export const COMPLAINT_FLAGS = ['onbekend-certificaatnummer', 'onbekend-adres'] as const;
export type ComplaintFlag = (typeof COMPLAINT_FLAGS)[number];

/** A resident's complaint. It holds nothing that identifies the complainant. */
@Entity('complaint')
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What the resident is given, e.g. `M-2026-7K3Q9X`. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'certificate_number', type: 'text', nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ name: 'house_number', type: 'integer', nullable: true })
  houseNumber: number | null;

  @Column({ name: 'house_letter', type: 'text', nullable: true })
  houseLetter: string | null;

  @Column({ name: 'house_number_addition', type: 'text', nullable: true })
  houseNumberAddition: string | null;

  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId: string | null;

  @Column({ type: 'text', nullable: true })
  flag: ComplaintFlag | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  language: ComplaintLanguage;

  @Column({ type: 'text' })
  status: ComplaintStatus;

  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId: string | null;

  /** The beheerder's note on closing the complaint. */
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
