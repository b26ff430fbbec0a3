import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NormVersion } from '@keurmerk/norm';

/** A norm version as stored; `definition` is the @keurmerk/norm model (English), mapped to the contract at the edge. */
@Entity('norm_version')
export class NormVersionEntity {
  @PrimaryColumn({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  status: 'concept' | 'gepubliceerd';

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ type: 'jsonb' })
  definition: NormVersion;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
