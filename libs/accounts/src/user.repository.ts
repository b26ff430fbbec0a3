import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { UserEntity } from './account.entities';
import type { Role } from './principal';

export interface UserFilter {
  role?: Role;
  organisationId?: string;
}

/** Queries on user accounts. The password hash is read only by `findForSignIn`. */
@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Inserts the user in the caller's transaction; answers the saved row (with its new id). */
  insert(manager: EntityManager, user: Omit<UserEntity, 'id' | 'createdAt' | 'active'>): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, user));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  /** The account with its password hash, for checking a sign-in. */
  findForSignIn(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
  }

  countByRole(role: Role): Promise<number> {
    return this.users.countBy({ role });
  }

  async page(request: PageRequest, filter: UserFilter): Promise<Page<UserEntity>> {
    const [items, total] = await this.users.findAndCount({
      where: { ...(filter.role ? { role: filter.role } : {}), ...(filter.organisationId ? { organisationId: filter.organisationId } : {}) },
      order: { name: 'ASC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }
}
