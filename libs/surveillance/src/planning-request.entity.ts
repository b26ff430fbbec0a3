import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InspectionKind } from '@keurmerk/inspections';
import type { PlanningReason, PlanningRequestStatus } from './surveillance-input';

/** A location that must be inspected: why, with which kind of inspection, and by when. */
@Entity('planning_request')
export class PlanningRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'certificate_number', type: 'text', nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'text' })
  reason: PlanningReason;

  @Column({ name: 'inspection_kind', type: 'text' })
  inspectionKind: InspectionKind;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'text' })
  status: PlanningRequestStatus;

  @Column({ name: 'inspection_id', type: 'uuid', nullable: true })
  inspectionId: string | null;

  @Column({ name: 'sample_draw_id', type: 'uuid', nullable: true })
  sampleDrawId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'planned_at', type: 'timestamptz', nullable: true })
  plannedAt: Date | null;
}

/** A request as the beheerder reads it: `overdue` when still open after its last day (Amsterdam). */
export type PlanningRequestView = PlanningRequestEntity & { overdue: boolean };
