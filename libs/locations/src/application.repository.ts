import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { DocumentEntity } from '@keurmerk/documents';
import { ApplicationEntity, ApplicationStatus, LocationEntity } from './location.entities';
import { restrictToVisibleLocations } from './location-visibility';

/** While an application is open the location cannot get another one (uq_application_open) and documents may be added. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['ingediend', 'in-behandeling'];

export interface ApplicationFilters {
  locationId?: string;
  status?: ApplicationStatus;
}

/**
 * The queries on `application`, and the links between an application and its documents (the
 * documents feature stores them; this only asks which belong where). Rules live in ApplicationService.
 */
@Injectable()
export class ApplicationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(manager: EntityManager, row: Pick<ApplicationEntity, 'locationId' | 'status' | 'createdBy'>): Promise<ApplicationEntity> {
    return manager.save(ApplicationEntity, manager.create(ApplicationEntity, row));
  }

  async findOpenOf(locationId: string, manager: EntityManager = this.db.manager): Promise<ApplicationEntity | null> {
    return manager.findOneBy(ApplicationEntity, { locationId, status: In([...OPEN_APPLICATION_STATUSES]) });
  }

  async findVisible(principal: Principal, id: string): Promise<ApplicationEntity | null> {
    return this.visible(principal).andWhere('application.id = :id', { id }).getOne();
  }

  async listVisible(principal: Principal, request: PageRequest, filters: ApplicationFilters = {}): Promise<Page<ApplicationEntity>> {
    const query = this.visible(principal);
    if (filters.locationId) query.andWhere('application.locationId = :locationId', { locationId: filters.locationId });
    if (filters.status) query.andWhere('application.status = :status', { status: filters.status });
    const [items, total] = await query
      .orderBy('application.createdAt', 'DESC')
      .addOrderBy('application.id', 'ASC')
      .offset(pageOffset(request))
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  /** FOR SHARE: a status change waits until the caller's transaction ends. */
  async lockShared(manager: EntityManager, id: string): Promise<ApplicationEntity | null> {
    return manager.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  /** Moves the location's open application (if any) to `status`; returns the id of the one moved. */
  async setOpenStatusOf(manager: EntityManager, locationId: string, status: ApplicationStatus): Promise<string | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ status })
      .where('location_id = :locationId', { locationId })
      .andWhere('status IN (:...open)', { open: [...OPEN_APPLICATION_STATUSES] })
      .returning('id')
      .execute();
    return (result.raw as { id: string }[])[0]?.id;
  }

  async setStatus(manager: EntityManager, id: string, status: ApplicationStatus): Promise<void> {
    await manager.update(ApplicationEntity, { id }, { status });
  }

  async isDocumentOf(documentId: string, applicationId: string): Promise<boolean> {
    return this.db.manager.existsBy(DocumentEntity, { id: documentId, applicationId });
  }

  /** The kinds of the documents of these applications (of those the principal sees), once per application and kind. */
  async documentKindsOf(principal: Principal, applicationIds: string[]): Promise<{ applicationId: string; kind: string }[]> {
    if (applicationIds.length === 0) return [];
    return this.visible(principal)
      .innerJoin(DocumentEntity, 'document', 'document.applicationId = application.id AND document.kind IS NOT NULL')
      .andWhere('application.id IN (:...applicationIds)', { applicationIds })
      .select('application.id', 'applicationId')
      .addSelect('document.kind', 'kind')
      .distinct(true)
      .getRawMany<{ applicationId: string; kind: string }>();
  }

  /** The document a user stored under its own client reference, on any application. */
  async findUploadByReference(manager: EntityManager, uploadedBy: string, clientReference: string): Promise<DocumentEntity | null> {
    return manager.findOneBy(DocumentEntity, { uploadedBy, clientReference });
  }

  /** Applications joined to their location (alias `location`), narrowed to what the principal may see. */
  private visible(principal: Principal): SelectQueryBuilder<ApplicationEntity> {
    const query = this.db.manager
      .createQueryBuilder(ApplicationEntity, 'application')
      .innerJoin(LocationEntity, 'location', 'location.id = application.locationId');
    return restrictToVisibleLocations(query, principal, 'location');
  }
}
