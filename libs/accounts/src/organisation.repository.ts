import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { OrganisationEntity } from './account.entities';

/** Queries on organisations; nothing here decides who may see or change one. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>) {}

  /** Inserts the organisation in the caller's transaction and answers it as stored (id, created_at). */
  insert(manager: EntityManager, organisation: Omit<OrganisationEntity, 'id' | 'createdAt'>): Promise<OrganisationEntity> {
    return manager.save(manager.create(OrganisationEntity, organisation));
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  async update(manager: EntityManager, id: string, changes: Partial<Pick<OrganisationEntity, 'name' | 'accreditationValidUntil'>>) {
    await manager.update(OrganisationEntity, { id }, changes);
  }

  findByKvkNumber(kvkNumber: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ kvkNumber });
  }

  async page(request: PageRequest): Promise<Page<OrganisationEntity>> {
    const [items, total] = await this.organisations.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }
}
