import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AnswerResult, InspectionResult, Severity } from '@keurmerk/norm';

export const INSPECTION_KINDS = ['initieel', 'periodiek', 'onaangekondigd', 'herinspectie'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_STATUSES = ['gepland', 'in-uitvoering', 'ingediend', 'besloten'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

@Entity('inspection')
export class InspectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ name: 'auditor_id', type: 'uuid' })
  auditorId: string;

  @Column({ type: 'text' })
  kind: InspectionKind;

  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt: Date;

  @Column({ name: 'norm_version', type: 'text' })
  normVersion: string;

  @Column({ type: 'text' })
  status: InspectionStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  result: InspectionResult | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('answer')
export class AnswerEntity {
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @PrimaryColumn({ name: 'criterion_code', type: 'text' })
  criterionCode: string;

  @Column({ type: 'text' })
  result: AnswerResult;

  // numeric comes back from pg as a string; the transformer keeps it a number in the code.
  @Column({
    type: 'numeric',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  measurement: number | null;

  @Column({ name: 'persons_supported', type: 'integer', nullable: true })
  personsSupported: number | null;

  @Column({ type: 'text', nullable: true })
  remark: string | null;

  @Column({ name: 'answered_by', type: 'uuid' })
  answeredBy: string;

  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt: Date;
}

@Entity('decision')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ type: 'text' })
  outcome: 'toekennen' | 'afwijzen';

  @Column({ type: 'text' })
  explanation: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  /** Set when an upheld objection revised the decision: it stays in the file, no longer in force. */
  @Column({ name: 'revised_at', type: 'timestamptz', nullable: true })
  revisedAt: Date | null;

  @Column({ name: 'revised_by', type: 'uuid', nullable: true })
  revisedBy: string | null;

  @Column({ name: 'revision_reason', type: 'text', nullable: true })
  revisionReason: string | null;
}

export const FINDING_STATUSES = ['open', 'herstel-gemeld', 'gesloten'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

@Entity('finding')
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'criterion_code', type: 'text' })
  criterionCode: string;

  @Column({ type: 'text' })
  severity: Severity;

  @Column({ name: 'repair_deadline', type: 'date', nullable: true })
  repairDeadline: string | null;

  @Column({ type: 'text' })
  status: FindingStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'overdue_handled_at', type: 'timestamptz', nullable: true })
  overdueHandledAt: Date | null;
}

@Entity('repair_report')
export class RepairReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'boolean', nullable: true })
  accepted: boolean | null;

  @Column({ name: 'review_explanation', type: 'text', nullable: true })
  reviewExplanation: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}

@Entity('auditor_relation')
export class AuditorRelationEntity {
  @PrimaryColumn({ name: 'auditor_id', type: 'uuid' })
  auditorId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  description: string;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}

export const INSPECTION_ENTITIES = [
  InspectionEntity,
  AnswerEntity,
  DecisionEntity,
  FindingEntity,
  RepairReportEntity,
  AuditorRelationEntity,
];
