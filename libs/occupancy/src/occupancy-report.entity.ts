import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The residents living at a location on a day, as its landlord reported them. */
@Entity('occupancy_report')
export class OccupancyReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'reference_date', type: 'date' })
  referenceDate: string;

  @Column({ type: 'integer' })
  residents: number;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}

/** A report as it is shown: with the certified maximum it was judged against (null without a current certificate). */
export interface OccupancyReportView {
  id: string;
  locationId: string;
  referenceDate: string;
  residents: number;
  reportedAt: Date;
  maximumResidents: number | null;
  overOccupied: boolean;
  /** The planning request this report opened, if it opened one. */
  planningRequestId?: string | null;
}
