import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One draw of the random sample, with everything needed to recompute it (see sample.ts). */
@Entity('sample_draw')
export class SampleDrawEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-case hex. */
  @Column({ type: 'text' })
  seed: string;

  @Column({ type: 'numeric', precision: 7, scale: 4, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  percentage: number;

  @Column({ name: 'eligible_count', type: 'integer' })
  eligibleCount: number;

  /** In draw order. */
  @Column({ name: 'location_ids', type: 'uuid', array: true })
  locationIds: string[];

  /** YYYY-MM for the worker's monthly draw; null for a draw asked through the API. */
  @Column({ type: 'text', nullable: true })
  period: string | null;

  @Column({ name: 'drawn_by', type: 'uuid', nullable: true })
  drawnBy: string | null;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt: Date;
}
