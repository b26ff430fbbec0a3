import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { DocumentEntity } from './document.entity';

/** Queries on stored documents; the storage key is read only by `findWithStorageKey`. */
@Injectable()
export class DocumentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The document an uploader stored under its own reference before (an offline retry). */
  findByClientReference(
    uploadedBy: string,
    clientReference: string,
    manager: EntityManager = this.db.manager,
  ): Promise<DocumentEntity | null> {
    return manager.findOneBy(DocumentEntity, { uploadedBy, clientReference });
  }

  /** Inserts the row, in the caller's transaction when given one; answers it as stored. */
  insert(document: Omit<DocumentEntity, 'id' | 'createdAt'>, manager: EntityManager = this.db.manager): Promise<DocumentEntity> {
    return manager.save(DocumentEntity, manager.create(DocumentEntity, document));
  }

  /** The documents matching `where`, oldest first. */
  list(where: FindOptionsWhere<DocumentEntity>): Promise<DocumentEntity[]> {
    return this.db.manager.find(DocumentEntity, { where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findWithStorageKey(id: string): Promise<DocumentEntity | null> {
    return this.db.manager.createQueryBuilder(DocumentEntity, 'd').addSelect('d.storageKey').where('d.id = :id', { id }).getOne();
  }
}
