import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PageRequest, pageOffset } from '@keurmerk/common';
import type { InspectionKind } from '@keurmerk/inspections';
import { PlanningRequestEntity } from './planning-request.entity';
import { type PlanningReason, type PlanningRequestStatus, REINSPECTION_KIND, SAMPLE_KIND } from './surveillance-input';

export interface NewPlanningRequest {
  locationId: string;
  reason: PlanningReason;
  kind: InspectionKind;
  dueDate: string;
  certificateNumber?: string | null;
  sampleDrawId?: string | null;
  createdAt: Date;
}

/** The queries of planning requests; every rule is the service's. */
@Injectable()
export class PlanningRequestRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** By deadline, the earliest first: what must be planned soonest is on top. */
  async page(filter: { status?: PlanningRequestStatus }, request: PageRequest): Promise<[PlanningRequestEntity[], number]> {
    return this.db.manager.findAndCount(PlanningRequestEntity, {
      where: filter.status ? { status: filter.status } : {},
      order: { dueDate: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
  }

  /** How many requests are open, and how many of those are past their last day on `today`. */
  async countOpen(today: string): Promise<{ open: number; overdue: number }> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS open, (count(*) FILTER (WHERE due_date < $1::date))::int AS overdue
         FROM planning_request WHERE status = 'open'`,
      [today],
    )) as { open: number; overdue: number }[];
    return row;
  }

  async findById(id: string): Promise<PlanningRequestEntity | null> {
    return this.db.manager.findOneBy(PlanningRequestEntity, { id });
  }

  /** The location's open requests, the earliest deadline first. */
  async openAt(locationId: string): Promise<PlanningRequestEntity[]> {
    return this.db.manager.find(PlanningRequestEntity, {
      where: { locationId, status: 'open' },
      order: { dueDate: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * One statement for every `geldig` certificate whose last valid day is on or before `horizon` and
   * that has never had a re-inspection request: set-based, so a million certificates cost one index
   * range scan (ix_certificate_expiry) and one anti-join. ON CONFLICT is the backstop for a sweep
   * running twice at once and for a location that already has an open re-inspection request.
   */
  async openReinspections(manager: EntityManager, horizon: string, createdAt: Date): Promise<number> {
    const [{ opened }] = (await manager.query(
      `WITH opened AS (
         INSERT INTO planning_request (location_id, certificate_number, reason, inspection_kind, due_date, status, created_at)
         SELECT c.location_id, c.number, 'herinspectie', $3, c.valid_until, 'open', $2
           FROM certificate c
          WHERE c.status = 'geldig' AND c.valid_until <= $1::date
            AND NOT EXISTS (SELECT 1 FROM planning_request r WHERE r.certificate_number = c.number AND r.reason = 'herinspectie')
          ORDER BY c.valid_until, c.number
         ON CONFLICT DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS opened FROM opened`,
      [horizon, createdAt, REINSPECTION_KIND],
    )) as { opened: number }[];
    return opened;
  }

  /**
   * The new request's id and certificate, or null when the location already has an open one for this
   * reason. Without a certificate number given, the request names the location's current certificate
   * (`geldig` or `geschorst`), if it has one, so the planning page shows what is at stake.
   */
  async open(manager: EntityManager, request: NewPlanningRequest): Promise<{ id: string; certificateNumber: string | null } | null> {
    const rows = (await manager.query(
      `INSERT INTO planning_request (location_id, certificate_number, reason, inspection_kind, due_date, status, sample_draw_id, created_at)
       VALUES ($1, COALESCE($2::text, (SELECT c.number FROM certificate c
                                         WHERE c.location_id = $1 AND c.status IN ('geldig', 'geschorst')
                                         ORDER BY c.valid_until DESC, c.number DESC LIMIT 1)),
               $3, $4, $5::date, 'open', $6, $7)
       ON CONFLICT DO NOTHING
       RETURNING id, certificate_number`,
      [
        request.locationId,
        request.certificateNumber ?? null,
        request.reason,
        request.kind,
        request.dueDate,
        request.sampleDrawId ?? null,
        request.createdAt,
      ],
    )) as { id: string; certificate_number: string | null }[];
    return rows[0] ? { id: rows[0].id, certificateNumber: rows[0].certificate_number } : null;
  }

  /** A `steekproef` request for each drawn location, naming its valid certificate; returns how many were opened. */
  async openSampled(
    manager: EntityManager,
    context: { sampleDrawId: string; locationIds: string[]; dueDate: string; createdAt: Date },
  ): Promise<number> {
    const [{ opened }] = (await manager.query(
      `WITH opened AS (
         INSERT INTO planning_request (location_id, certificate_number, reason, inspection_kind, due_date, status, sample_draw_id, ` +
        `created_at)
         SELECT d.location_id, c.number, 'steekproef', $4, $2::date, 'open', $3, $5
           FROM unnest($1::uuid[]) AS d(location_id)
           LEFT JOIN certificate c ON c.location_id = d.location_id AND c.status = 'geldig'
         ON CONFLICT DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS opened FROM opened`,
      [context.locationIds, context.dueDate, context.sampleDrawId, SAMPLE_KIND, context.createdAt],
    )) as { opened: number }[];
    return opened;
  }

  /** Marks the location's open requests for this kind of inspection as planned with it; returns them. */
  async markPlanned(
    manager: EntityManager,
    context: { locationId: string; kind: InspectionKind; inspectionId: string; plannedAt: Date },
  ): Promise<{ id: string; reason: PlanningReason }[]> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [rows] = (await manager.query(
      `UPDATE planning_request SET status = 'ingepland', inspection_id = $3, planned_at = $4
        WHERE location_id = $1 AND inspection_kind = $2 AND status = 'open'
        RETURNING id, reason`,
      [context.locationId, context.kind, context.inspectionId, context.plannedAt],
    )) as [{ id: string; reason: PlanningReason }[], number];
    return rows;
  }
}
