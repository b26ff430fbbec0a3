import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { takeAnnouncedChanges } from '@keurmerk/certificates';
import { VerificationCache } from './verification-cache';

/**
 * Evicts, in the process that made a change, what the change announced, the moment its transaction
 * commits: the caller's next read here (a 201 and then a verification) sees the new status without
 * waiting for its own notification to come back. Other processes still learn it from pg_notify.
 */
@Injectable()
export class CommitEvictor implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly cache: VerificationCache,
  ) {
    db.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release is a commit too; only the outermost one makes the change visible.
    if (event.queryRunner.isTransactionActive) return;
    for (const payload of takeAnnouncedChanges(event.queryRunner.data as Record<string, unknown>)) this.cache.evictAnnounced(payload);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takeAnnouncedChanges(event.queryRunner.data as Record<string, unknown>);
  }
}
