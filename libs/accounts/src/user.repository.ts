import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { UserEntity, type UserLanguage } from './account.entities';
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
  insert(
    manager: EntityManager,
    user: Omit<UserEntity, 'id' | 'createdAt' | 'active' | 'credentialGeneration' | 'language'> & Partial<Pick<UserEntity, 'language'>>,
  ): Promise<UserEntity> {
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

  async setLanguage(manager: EntityManager, id: string, language: UserLanguage): Promise<void> {
    await manager.update(UserEntity, { id }, { language });
  }

  /** What decides whether a bearer token still stands: the account is active and of the token's generation. */
  async findCredentialState(id: string): Promise<{ active: boolean; credentialGeneration: number } | undefined> {
    const [row] = (await this.users.query('SELECT active, credential_generation FROM user_account WHERE id = $1', [id])) as {
      active: boolean;
      credential_generation: number;
    }[];
    return row ? { active: row.active, credentialGeneration: row.credential_generation } : undefined;
  }

  /** The account with its password hash, by id: for checking the current password before a change. */
  findByIdWithPassword(id: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /** Locks the row until the caller's transaction ends: two changes of one account never interleave. */
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<UserEntity, 'name' | 'active' | 'accreditationValidUntil' | 'passwordHash'>>,
    bumpCredentials: boolean,
  ): Promise<void> {
    const query = manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        ...changes,
        ...(bumpCredentials ? { credentialGeneration: () => 'credential_generation + 1' } : {}),
      });
    await query.where('id = :id', { id }).execute();
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
