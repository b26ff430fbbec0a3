import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContestedEffect, ObjectionOutcome, ObjectionStatus, RemedyKind } from './objection-input';

/** What an upheld objection did, through the owning features' normal paths. */
export interface ObjectionRemedy {
  kind: RemedyKind;
  /** The inspection whose decision was reopened. */
  inspectionId?: string;
  /** The certificate reinstated, or the new one issued for the rest of the old validity. */
  certificateNumber?: string;
  /** The re-inspection asked for (planning request, reden `bezwaar`). */
  planningRequestId?: string;
}

/** A landlord's objection against a refusal, a suspension or a withdrawal, and its decision. */
@Entity('objection')
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ type: 'text' })
  contested: ContestedEffect;

  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ name: 'certificate_number', type: 'text', nullable: true })
  certificateNumber: string | null;

  /** certificate_status_change.id, a bigint: kept a string as pg gives it. */
  @Column({ name: 'status_change_id', type: 'bigint', nullable: true })
  statusChangeId: string | null;

  /** The day (Amsterdam) of the contested effect; the objection term runs from it. */
  @Column({ name: 'effect_on', type: 'date' })
  effectOn: string;

  @Column({ type: 'text' })
  grounds: string;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedBy: string;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Column({ name: 'decision_due', type: 'date' })
  decisionDue: string;

  /** Who took part in the contested case (decided or inspected it): they may not decide the objection. */
  @Column({ name: 'involved_user_ids', type: 'uuid', array: true })
  involvedUserIds: string[];

  @Column({ type: 'text' })
  status: ObjectionStatus;

  @Column({ type: 'text', nullable: true })
  outcome: ObjectionOutcome | null;

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  remedy: ObjectionRemedy | null;
}

/** An objection as people read it: `overdue` when still undecided after its beslistermijn (Amsterdam). */
export type ObjectionView = ObjectionEntity & { overdue: boolean };
