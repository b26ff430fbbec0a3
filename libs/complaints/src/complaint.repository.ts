import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AddressLookup, Page, PageRequest } from '@keurmerk/common';
import { pageOffset } from '@keurmerk/common';
import { ComplaintEntity, type ComplaintStatus } from './complaint.entity';

export interface ComplaintFilter {
  status?: ComplaintStatus;
  locationId?: string;
}

/**
 * Queries on complaints. To tie a complaint to a location it reads the certificate and location
 * tables; it writes only its own. Who may read or change a complaint is the service's rule.
 */
@Injectable()
export class ComplaintRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the complaint in the caller's transaction; its id is filled in. */
  async insert(manager: EntityManager, complaint: Omit<ComplaintEntity, 'id'>): Promise<ComplaintEntity> {
    return manager.save(manager.create(ComplaintEntity, complaint));
  }

  /** The location of the certificate with this number, whatever its status; undefined when no certificate has it. */
  async locationOfCertificate(manager: EntityManager, certificateNumber: string): Promise<{ locationId: string } | undefined> {
    const [row] = (await manager.query(`SELECT location_id FROM certificate WHERE number = $1`, [certificateNumber])) as {
      location_id: string;
    }[];
    return row ? { locationId: row.location_id } : undefined;
  }

  /** The location registered at exactly this address (letter and addition compared in upper case). */
  async locationAt(manager: EntityManager, address: AddressLookup): Promise<{ locationId: string } | undefined> {
    const [row] = (await manager.query(
      `SELECT id FROM location
        WHERE postcode = $1 AND house_number = $2 AND coalesce(house_letter, '') = $3 AND coalesce(house_number_addition, '') = $4`,
      [address.postcode, address.houseNumber, (address.houseLetter ?? '').toUpperCase(), (address.houseNumberAddition ?? '').toUpperCase()],
    )) as { id: string }[];
    return row ? { locationId: row.id } : undefined;
  }

  /** Newest first. */
  async page(request: PageRequest, filter: ComplaintFilter): Promise<Page<ComplaintEntity>> {
    let query = this.db.manager.createQueryBuilder(ComplaintEntity, 'c');
    if (filter.status) query = query.andWhere('c.status = :status', { status: filter.status });
    if (filter.locationId) query = query.andWhere('c.location_id = :locationId', { locationId: filter.locationId });
    const [items, total] = await query
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip(pageOffset(request))
      .take(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  findById(id: string, manager: EntityManager = this.db.manager): Promise<ComplaintEntity | null> {
    return manager.findOneBy(ComplaintEntity, { id });
  }

  findByReference(reference: string): Promise<ComplaintEntity | null> {
    return this.db.manager.findOneBy(ComplaintEntity, { reference });
  }

  /** The complaint, locked until the caller's transaction ends. */
  findForUpdate(manager: EntityManager, id: string): Promise<ComplaintEntity | null> {
    return manager.createQueryBuilder(ComplaintEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  async save(manager: EntityManager, complaint: ComplaintEntity): Promise<void> {
    await manager.save(complaint);
  }

  /**
   * Links the inspection and sets `status`, only while the complaint has no inspection and is not in
   * `unlessStatus`; false when another process linked or closed it first.
   */
  async linkInspection(
    manager: EntityManager,
    id: string,
    change: { inspectionId: string; status: ComplaintStatus; unlessStatus: ComplaintStatus; at: Date },
  ): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE complaint SET inspection_id = $2, status = $3, updated_at = $4
        WHERE id = $1 AND inspection_id IS NULL AND status <> $5 RETURNING id`,
      [id, change.inspectionId, change.status, change.at, change.unlessStatus],
    )) as [{ id: string }[], number];
    return rows.length > 0;
  }
}
