import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { MailMessageEntity, type MailLanguage, type MailStatus } from './mail.entities';

/** Someone a mail goes to. */
export interface MailRecipient {
  userId: string | null;
  address: string;
  name: string;
  language: MailLanguage;
}

export interface LocationFacts {
  id: string;
  organisationId: string;
  address: string;
}

export interface CertificateFacts {
  number: string;
  locationId: string;
  organisationId: string;
  validUntil: string;
  address: string;
}

export interface FindingFacts {
  id: string;
  locationId: string;
  organisationId: string;
  address: string;
  criterionCode: string;
  severity: string;
  repairDeadline: string | null;
  remark: string | null;
}

const ADDRESS_SQL = `l.street || ' ' || l.house_number || coalesce(l.house_letter, '') ||
  coalesce('-' || l.house_number_addition, '') || ', ' || l.postcode || ' ' || l.city`;

/**
 * Queries of the mail feature. It writes only the outbox; the facts a mail tells of (a location's
 * landlord users, a certificate, a finding) it reads in the caller's transaction, as it stands there.
 */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes the mail unless one with the same dedupe key went to this address already; true when written. */
  async insert(manager: EntityManager, mail: MailMessageEntity): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(MailMessageEntity).values(mail).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The active landlord users of an organisation. */
  async landlordUsers(manager: EntityManager, organisationId: string): Promise<MailRecipient[]> {
    const rows = (await manager.query(
      `SELECT id, email, name, language FROM user_account
        WHERE organisation_id = $1 AND role = 'verhuurder' AND active ORDER BY email`,
      [organisationId],
    )) as { id: string; email: string; name: string; language: MailLanguage }[];
    return rows.map((r) => ({ userId: r.id, address: r.email, name: r.name, language: r.language }));
  }

  async location(manager: EntityManager, id: string): Promise<LocationFacts | undefined> {
    const [row] = (await manager.query(`SELECT l.id, l.organisation_id, ${ADDRESS_SQL} AS address FROM location l WHERE l.id = $1`, [
      id,
    ])) as {
      id: string;
      organisation_id: string;
      address: string;
    }[];
    return row ? { id: row.id, organisationId: row.organisation_id, address: row.address } : undefined;
  }

  async certificate(manager: EntityManager, number: string): Promise<CertificateFacts | undefined> {
    const [row] = (await manager.query(
      `SELECT c.number, c.location_id, c.organisation_id, c.valid_until::text AS valid_until, ${ADDRESS_SQL} AS address
         FROM certificate c JOIN location l ON l.id = c.location_id WHERE c.number = $1`,
      [number],
    )) as { number: string; location_id: string; organisation_id: string; valid_until: string; address: string }[];
    return row
      ? {
          number: row.number,
          locationId: row.location_id,
          organisationId: row.organisation_id,
          validUntil: row.valid_until,
          address: row.address,
        }
      : undefined;
  }

  /** The findings of an inspection with the auditor's remark on their criterion. */
  async findingsOf(manager: EntityManager, inspectionId: string): Promise<FindingFacts[]> {
    return this.findings(manager, `f.inspection_id = $1`, [inspectionId]);
  }

  /**
   * Open findings whose repair deadline falls from `from` up to and including `to`, with no mail of
   * `dedupePrefix` || id written yet, in (deadline, criterion, id) order after `after` (a page's last row).
   */
  async openFindingsDueBetween(
    from: string,
    to: string,
    dedupePrefix: string,
    limit: number,
    after?: Pick<FindingFacts, 'repairDeadline' | 'criterionCode' | 'id'>,
  ): Promise<FindingFacts[]> {
    return this.findings(
      this.db.manager,
      `f.status = 'open' AND f.repair_deadline BETWEEN $1 AND $2
       AND ($4::date IS NULL OR (f.repair_deadline, f.criterion_code, f.id) > ($4::date, $5::text, $6::uuid))
       AND NOT EXISTS (SELECT 1 FROM mail_message m WHERE m.dedupe_key = $3 || f.id::text)`,
      [from, to, dedupePrefix, after?.repairDeadline ?? null, after?.criterionCode ?? null, after?.id ?? null],
      limit,
    );
  }

  private async findings(manager: EntityManager, where: string, values: unknown[], limit = 10_000): Promise<FindingFacts[]> {
    const rows = (await manager.query(
      `SELECT f.id, f.location_id, l.organisation_id, ${ADDRESS_SQL} AS address, f.criterion_code, f.severity,
              f.repair_deadline::text AS repair_deadline, a.remark
         FROM finding f
         JOIN location l ON l.id = f.location_id
         LEFT JOIN answer a ON a.inspection_id = f.inspection_id AND a.criterion_code = f.criterion_code
        WHERE ${where}
        ORDER BY f.repair_deadline NULLS LAST, f.criterion_code, f.id
        LIMIT ${Number(limit)}`,
      values,
    )) as {
      id: string;
      location_id: string;
      organisation_id: string;
      address: string;
      criterion_code: string;
      severity: string;
      repair_deadline: string | null;
      remark: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      locationId: r.location_id,
      organisationId: r.organisation_id,
      address: r.address,
      criterionCode: r.criterion_code,
      severity: r.severity,
      repairDeadline: r.repair_deadline,
      remark: r.remark,
    }));
  }

  /**
   * Valid certificates whose last day falls from `from` up to and including `to`, with no mail of
   * `dedupePrefix` || number written yet, in (last day, number) order after `after` (a page's last row).
   */
  async validCertificatesEndingBetween(
    from: string,
    to: string,
    dedupePrefix: string,
    limit: number,
    after?: Pick<CertificateFacts, 'validUntil' | 'number'>,
  ): Promise<CertificateFacts[]> {
    const rows = (await this.db.query(
      `SELECT c.number, c.location_id, c.organisation_id, c.valid_until::text AS valid_until, ${ADDRESS_SQL} AS address
         FROM certificate c JOIN location l ON l.id = c.location_id
        WHERE c.status = 'geldig' AND c.valid_until BETWEEN $1 AND $2
          AND ($4::date IS NULL OR (c.valid_until, c.number) > ($4::date, $5::text))
          AND NOT EXISTS (SELECT 1 FROM mail_message m WHERE m.dedupe_key = $3 || c.number)
        ORDER BY c.valid_until, c.number LIMIT $6`,
      [from, to, dedupePrefix, after?.validUntil ?? null, after?.number ?? null, limit],
    )) as { number: string; location_id: string; organisation_id: string; valid_until: string; address: string }[];
    return rows.map((row) => ({
      number: row.number,
      locationId: row.location_id,
      organisationId: row.organisation_id,
      validUntil: row.valid_until,
      address: row.address,
    }));
  }

  /** The oldest pending mail that is due, locked and skipped by every other sender until this transaction ends. */
  async lockNextDue(manager: EntityManager, now: Date): Promise<MailMessageEntity | undefined> {
    const [row] = await manager
      .createQueryBuilder(MailMessageEntity, 'm')
      .where(`m.status = 'pending' AND m.next_attempt_at <= :now`, { now })
      .orderBy('m.next_attempt_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return row;
  }

  async markSent(manager: EntityManager, id: string, attempts: number, at: Date): Promise<void> {
    await manager.update(MailMessageEntity, { id }, { status: 'sent', sentAt: at, attempts, lastError: null, nextAttemptAt: null });
  }

  async markAttemptFailed(manager: EntityManager, id: string, attempts: number, error: string, nextAttemptAt: Date | null): Promise<void> {
    await manager.update(
      MailMessageEntity,
      { id },
      { status: nextAttemptAt ? 'pending' : 'failed', attempts, lastError: error, nextAttemptAt },
    );
  }

  /** When the next pending mail is due; undefined when none is pending. */
  async nextDueAt(): Promise<Date | undefined> {
    const [row] = (await this.db.query(`SELECT min(next_attempt_at) AS at FROM mail_message WHERE status = 'pending'`)) as {
      at: Date | null;
    }[];
    return row?.at ? new Date(row.at) : undefined;
  }

  async page(request: PageRequest, status?: MailStatus): Promise<Page<MailMessageEntity>> {
    const [items, total] = await this.db.manager.findAndCount(MailMessageEntity, {
      where: status ? { status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  async findById(id: string): Promise<MailMessageEntity | null> {
    return this.db.manager.findOneBy(MailMessageEntity, { id });
  }
}
