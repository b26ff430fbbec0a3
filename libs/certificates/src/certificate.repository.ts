import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CertificateEntity, CertificateStatusChangeEntity, SigningKeyEntity } from './certificate.entities';
import type { CertificateStatus } from './certificate-lifecycle';

export const CERTIFICATE_CHANGED_CHANNEL = 'keurmerk_certificate_changed';

/** What allocation reads about a decided inspection: everything the certificate will say. */
export interface AllocationFacts {
  organisationId: string;
  postcode: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  street: string;
  city: string;
  municipalityCode: string;
  municipalityName: string;
  holderName: string;
  holderKvkNumber: string;
  normVersion: string;
  maximumResidents: number;
}

/** Who may see which certificates, already worked out by the service from the caller; a null binding matches nothing. */
export interface CertificateScope {
  municipalityCode?: string | null;
  organisationId?: string | null;
  /** Only locations this auditor inspects. */
  auditorId?: string;
}

/** A list filter as the repository applies it: `search` is already classified by the service. */
export interface CertificateQuery {
  status?: CertificateStatus;
  municipalityCode?: string;
  locationId?: string;
  number?: string;
  postcode?: { postcode: string; houseNumber: number | null };
  /** Part of street, place or holder (LIKE-escaped by the repository). */
  text?: string;
}

/** Artifacts the issuer stores with a certificate: the signed PDF's place and hash, the credential, the key. */
export type IssuedArtifacts = Pick<CertificateEntity, 'pdfKey' | 'pdfSha256' | 'credential' | 'signingKid' | 'templateVersion'>;

export type StatusChangeColumns = Partial<Pick<CertificateEntity, 'supersededBy' | 'issuedAt'> & IssuedArtifacts>;

/**
 * Every query of the certificates feature (Immich's repositories: queries only, no rules). A method that
 * must join its caller's transaction takes that transaction's `EntityManager`.
 */
@Injectable()
export class CertificateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  // --- allocation

  async allocationFacts(manager: EntityManager, inspectionId: string): Promise<AllocationFacts | undefined> {
    const [row] = (await manager.query(
      `SELECT l.organisation_id, l.postcode, l.house_number, l.house_letter, l.house_number_addition, l.street, l.city,
              l.municipality_code, m.name AS municipality_name, o.name AS holder_name, o.kvk_number,
              i.norm_version, (i.result ->> 'maximumResidents')::int AS maximum_residents
         FROM inspection i
         JOIN location l ON l.id = i.location_id
         JOIN organisation o ON o.id = l.organisation_id
         JOIN municipality m ON m.code = l.municipality_code
        WHERE i.id = $1`,
      [inspectionId],
    )) as Record<string, unknown>[];
    if (!row) return undefined;
    return {
      organisationId: row.organisation_id as string,
      postcode: row.postcode as string,
      houseNumber: row.house_number as number,
      houseLetter: (row.house_letter as string | null) ?? null,
      houseNumberAddition: (row.house_number_addition as string | null) ?? null,
      street: row.street as string,
      city: row.city as string,
      municipalityCode: row.municipality_code as string,
      municipalityName: row.municipality_name as string,
      holderName: row.holder_name as string,
      holderKvkNumber: row.kvk_number as string,
      normVersion: row.norm_version as string,
      maximumResidents: row.maximum_residents as number,
    };
  }

  /** The next serial of a year's number series (the row lock serialises concurrent decisions). */
  async nextSequence(manager: EntityManager, year: number): Promise<number> {
    const [series] = (await manager.query(
      `INSERT INTO certificate_number_series (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = certificate_number_series.last_value + 1
       RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    return series.last_value;
  }

  async insert(
    manager: EntityManager,
    certificate: Omit<
      CertificateEntity,
      'pdfKey' | 'pdfSha256' | 'signingKid' | 'templateVersion' | 'issuedAt' | 'supersededBy' | 'credential'
    >,
  ): Promise<void> {
    await manager.insert(CertificateEntity, certificate);
  }

  // --- single rows

  findByNumber(number: string, manager: EntityManager = this.db.manager): Promise<CertificateEntity | null> {
    return manager.findOneBy(CertificateEntity, { number });
  }

  lockByNumber(manager: EntityManager, number: string): Promise<CertificateEntity | null> {
    return manager.createQueryBuilder(CertificateEntity, 'c').setLock('pessimistic_write').where('c.number = :number', { number }).getOne();
  }

  /** The location's current certificates (geldig or geschorst), locked. */
  lockCurrentAtLocation(
    manager: EntityManager,
    locationId: string,
    statuses: CertificateStatus[] = ['geldig', 'geschorst'],
  ): Promise<CertificateEntity[]> {
    return manager
      .createQueryBuilder(CertificateEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.location_id = :locationId AND c.status IN (:...statuses)', { locationId, statuses })
      .getMany();
  }

  /** Certificates past their last valid day, locked, skipping rows another sweep holds. */
  lockDueForExpiry(manager: EntityManager, today: string, limit: number): Promise<CertificateEntity[]> {
    return manager
      .createQueryBuilder(CertificateEntity, 'c')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`c.status IN ('geldig', 'geschorst') AND c.valid_until < :today`, { today })
      .orderBy('c.valid_until')
      .limit(limit)
      .getMany();
  }

  // --- writes of the status path and the issuer

  async updateStatus(
    manager: EntityManager,
    number: string,
    status: CertificateStatus,
    at: Date,
    columns: StatusChangeColumns = {},
  ): Promise<void> {
    await manager.update(CertificateEntity, { number }, { status, statusChangedAt: at, ...columns });
  }

  async insertStatusChange(manager: EntityManager, change: Omit<CertificateStatusChangeEntity, 'id'>): Promise<string> {
    const inserted = await manager.insert(CertificateStatusChangeEntity, change);
    return String(inserted.identifiers[0].id);
  }

  /** Delivered at commit to every process LISTENing on the channel. */
  async notifyChanged(manager: EntityManager, payload: string): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CERTIFICATE_CHANGED_CHANNEL, payload]);
  }

  async updateArtifacts(manager: EntityManager, number: string, artifacts: IssuedArtifacts): Promise<void> {
    await manager.update(CertificateEntity, { number }, artifacts);
  }

  pendingNumbers(): Promise<string[]> {
    return this.db.manager
      .find(CertificateEntity, { where: { status: 'uitgifte' }, order: { createdAt: 'ASC' }, select: { number: true } })
      .then((rows) => rows.map((row) => row.number));
  }

  /** Current certificates not signed with `kid` and `template`, or without a stored credential. */
  private stale(kid: string, template: number): SelectQueryBuilder<CertificateEntity> {
    return this.db.manager
      .createQueryBuilder(CertificateEntity, 'c')
      .where(`c.status IN ('geldig', 'geschorst')`)
      .andWhere('(c.signing_kid IS DISTINCT FROM :kid OR c.template_version IS DISTINCT FROM :template OR c.credential IS NULL)', {
        kid,
        template,
      });
  }

  countStale(kid: string, template: number): Promise<number> {
    return this.stale(kid, template).getCount();
  }

  findStale(kid: string, template: number, limit: number): Promise<CertificateEntity[]> {
    return this.stale(kid, template).orderBy('c.number').limit(limit).getMany();
  }

  // --- reads for the API

  /** A certificate that is public (issued), or null. */
  async findPublished(number: string): Promise<CertificateEntity | null> {
    const certificate = await this.db.manager.findOneBy(CertificateEntity, { number });
    return certificate && certificate.status !== 'uitgifte' ? certificate : null;
  }

  page(scope: CertificateScope, query: CertificateQuery, offset: number, limit: number): Promise<[CertificateEntity[], number]> {
    return this.visible(scope, query)
      .orderBy('c.issued_at', 'DESC')
      .addOrderBy('c.number', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  /** The next batch in number order after `after`: keyset paging, so memory stays flat however many. */
  batchAfter(scope: CertificateScope, query: CertificateQuery, after: string, limit: number): Promise<CertificateEntity[]> {
    return this.visible(scope, query).andWhere('c.number > :after', { after }).orderBy('c.number', 'ASC').take(limit).getMany();
  }

  private visible(scope: CertificateScope, filter: CertificateQuery): SelectQueryBuilder<CertificateEntity> {
    let query = this.db.manager.createQueryBuilder(CertificateEntity, 'c').where(`c.status <> 'uitgifte'`);
    if (scope.municipalityCode !== undefined) query = query.andWhere('c.municipality_code = :own', { own: scope.municipalityCode });
    if (scope.organisationId !== undefined) query = query.andWhere('c.organisation_id = :org', { org: scope.organisationId });
    if (scope.auditorId) {
      query = query.andWhere('EXISTS (SELECT 1 FROM inspection i WHERE i.location_id = c.location_id AND i.auditor_id = :auditor)', {
        auditor: scope.auditorId,
      });
    }
    if (filter.status) query = query.andWhere('c.status = :status', { status: filter.status });
    if (filter.municipalityCode) query = query.andWhere('c.municipality_code = :gm', { gm: filter.municipalityCode });
    if (filter.locationId) query = query.andWhere('c.location_id = :location', { location: filter.locationId });
    if (filter.number) query = query.andWhere('c.number = :number', { number: filter.number });
    if (filter.postcode) {
      query = query.andWhere(
        `EXISTS (SELECT 1 FROM location l WHERE l.id = c.location_id AND l.postcode = :postcode
                   AND (:houseNumber::int IS NULL OR l.house_number = :houseNumber::int))`,
        { postcode: filter.postcode.postcode, houseNumber: filter.postcode.houseNumber },
      );
    }
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      query = query.andWhere(
        `(c.content #>> '{address,street}' ILIKE :like OR c.content #>> '{address,city}' ILIKE :like
          OR c.content ->> 'holderName' ILIKE :like)`,
        { like },
      );
    }
    return query;
  }

  // --- published public keys

  /** Makes `keys` the published set: the active one active, every other known key retired. */
  async publishKeys(
    keys: { kid: string; algorithm: string; certificate: Buffer; chain: Buffer[]; status: 'active' | 'retired' }[],
    at: Date,
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const active = keys.find((key) => key.status === 'active');
      if (active) await manager.query(`UPDATE signing_key SET status = 'retired' WHERE status = 'active' AND kid <> $1`, [active.kid]);
      for (const key of keys) {
        // A key once published stays: what it signed must keep verifying, whichever process restarts with which ring.
        await manager.query(
          `INSERT INTO signing_key (kid, algorithm, certificate, chain, status, published_at) VALUES ($1, $2, $3, $4::bytea[], $5, $6)
           ON CONFLICT (kid) DO UPDATE SET status = EXCLUDED.status`,
          [key.kid, key.algorithm, key.certificate, key.chain, key.status, at],
        );
      }
    });
  }

  publishedKeys(): Promise<SigningKeyEntity[]> {
    return this.db.manager.find(SigningKeyEntity, { order: { publishedAt: 'ASC' } });
  }
}
