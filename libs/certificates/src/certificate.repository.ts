import { Injectable } from '@nestjs/common';
import { type AddressColumns, addressFromRow } from '@keurmerk/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CertificateEntity, CertificateStatusChangeEntity, SigningKeyEntity } from './certificate.entities';
import type { CertificateStatus } from './certificate-lifecycle';

export const CERTIFICATE_CHANGED_CHANNEL = 'keurmerk_certificate_changed';

/** Where a transaction keeps the payloads it announced, so this process can act on them the moment it commits. */
const ANNOUNCED = 'keurmerkCertificateChanges';

/** The change payloads announced in the transaction of `data` (a query runner's `data`), taken out of it. */
export function takeAnnouncedChanges(data: Record<string, unknown>): string[] {
  const announced = (data[ANNOUNCED] as string[] | undefined) ?? [];
  delete data[ANNOUNCED];
  return announced;
}

/** What allocation reads about a decided inspection: everything the certificate will say. */
export interface AllocationFacts extends AddressColumns {
  organisationId: string;
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
  /** A street (its beginning, any case) with a house number. */
  street?: { street: string; houseNumber: number };
  /** Part of street, place or holder (LIKE-escaped by the repository). */
  text?: string;
}

/** Artifacts the issuer stores with a certificate: the signed PDF's place and hash, the credential, the key. */
export type IssuedArtifacts = Pick<CertificateEntity, 'pdfKey' | 'pdfSha256' | 'credential' | 'signingKid' | 'templateVersion'>;

/** Why a suspended certificate stays suspended: a finding, a refusal on a later inspection, or a company sanction. */
export type SuspensionCause =
  | { kind: 'bevinding'; findingId: string; inspectionId?: string }
  | { kind: 'afwijzing'; inspectionId: string }
  | { kind: 'sanctie'; sanctionId: string };

/** A finding that led to a suspension and is not closed yet. */
export interface OpenCausingFinding {
  id: string;
  criterionCode: string;
  severity: string;
}

/** A company sanction as stored. */
export interface SanctionRow {
  id: string;
  organisationId: string;
  measure: 'schorsing' | 'opheffing';
  reason: string;
  certificateNumbers: string[];
}

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
      ...addressFromRow(row),
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

  /**
   * Suspended certificates whose suspension began on or before `cutoff` (an Amsterdam date), locked,
   * skipping rows another sweep holds.
   */
  lockSuspendedSince(manager: EntityManager, cutoff: string, limit: number): Promise<CertificateEntity[]> {
    return manager
      .createQueryBuilder(CertificateEntity, 'c')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`c.status = 'geschorst' AND (c.status_changed_at AT TIME ZONE 'Europe/Amsterdam')::date <= :cutoff`, { cutoff })
      .orderBy('c.status_changed_at')
      .limit(limit)
      .getMany();
  }

  /** The organisation's certificates in these statuses, locked, in number order. */
  lockOfOrganisation(manager: EntityManager, organisationId: string, statuses: CertificateStatus[]): Promise<CertificateEntity[]> {
    return manager
      .createQueryBuilder(CertificateEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.organisation_id = :organisationId AND c.status IN (:...statuses)', { organisationId, statuses })
      .orderBy('c.number')
      .getMany();
  }

  // --- what holds a suspension

  async insertSuspensionCauses(manager: EntityManager, number: string, causes: SuspensionCause[], at: Date): Promise<void> {
    for (const cause of causes) {
      await manager.query(
        `INSERT INTO certificate_suspension_cause (certificate_number, kind, finding_id, inspection_id, sanction_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          number,
          cause.kind,
          cause.kind === 'bevinding' ? cause.findingId : null,
          cause.kind === 'sanctie' ? null : (cause.inspectionId ?? null),
          cause.kind === 'sanctie' ? cause.sanctionId : null,
          at,
        ],
      );
    }
  }

  /** The suspension ended: nothing it recorded holds the certificate any more. */
  async releaseSuspensionCauses(manager: EntityManager, number: string, at: Date, sanctionId?: string): Promise<void> {
    await manager.query(
      `UPDATE certificate_suspension_cause SET released_at = $2
        WHERE certificate_number = $1 AND released_at IS NULL AND ($3::uuid IS NULL OR sanction_id = $3)`,
      [number, at, sanctionId ?? null],
    );
  }

  /** Findings recorded as causes of the certificate's current suspension that are not closed. */
  async openCausingFindings(manager: EntityManager, number: string): Promise<OpenCausingFinding[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT f.id, f.criterion_code, f.severity
         FROM certificate_suspension_cause s JOIN finding f ON f.id = s.finding_id
        WHERE s.certificate_number = $1 AND s.released_at IS NULL AND f.status <> 'gesloten'
        ORDER BY f.criterion_code, f.id`,
      [number],
    )) as { id: string; criterion_code: string; severity: string }[];
    return rows.map((r) => ({ id: r.id, criterionCode: r.criterion_code, severity: r.severity }));
  }

  /** Whether anything but `sanctionId` still holds the certificate suspended: an open finding, a refusal, another sanction. */
  async heldOtherwise(manager: EntityManager, number: string, sanctionId: string): Promise<boolean> {
    const [row] = (await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM certificate_suspension_cause s LEFT JOIN finding f ON f.id = s.finding_id
          WHERE s.certificate_number = $1 AND s.released_at IS NULL AND s.sanction_id IS DISTINCT FROM $2
            AND (s.kind <> 'bevinding' OR f.status <> 'gesloten')) AS held`,
      [number, sanctionId],
    )) as { held: boolean }[];
    return row.held;
  }

  // --- company sanctions

  /** The organisation's kind, or undefined when no organisation has this id. */
  async organisationKind(manager: EntityManager, id: string): Promise<string | undefined> {
    const [row] = (await manager.query(`SELECT kind FROM organisation WHERE id = $1`, [id])) as { kind: string }[];
    return row?.kind;
  }

  /** The organisation's sanction in force (a suspension not lifted), locked. */
  async lockActiveSanction(manager: EntityManager, organisationId: string): Promise<SanctionRow | undefined> {
    const [row] = (await manager.query(
      `SELECT id, organisation_id, measure, reason, certificate_numbers FROM organisation_sanction
        WHERE organisation_id = $1 AND measure = 'schorsing' AND lifted_at IS NULL FOR UPDATE`,
      [organisationId],
    )) as { id: string; organisation_id: string; measure: 'schorsing'; reason: string; certificate_numbers: string[] }[];
    return row
      ? {
          id: row.id,
          organisationId: row.organisation_id,
          measure: row.measure,
          reason: row.reason,
          certificateNumbers: row.certificate_numbers,
        }
      : undefined;
  }

  async insertSanction(
    manager: EntityManager,
    row: {
      organisationId: string;
      measure: 'schorsing' | 'opheffing';
      reason: string;
      certificateNumbers: string[];
      lifts: string | null;
      createdBy: string | null;
      at: Date;
    },
  ): Promise<string> {
    const [inserted] = (await manager.query(
      `INSERT INTO organisation_sanction (organisation_id, measure, reason, certificate_numbers, lifts, created_by, created_at)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7) RETURNING id`,
      [row.organisationId, row.measure, row.reason, row.certificateNumbers, row.lifts, row.createdBy, row.at],
    )) as { id: string }[];
    return inserted.id;
  }

  async markSanctionLifted(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE organisation_sanction SET lifted_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Certificates the sanction suspended that it still holds, locked. */
  async lockHeldBySanction(manager: EntityManager, sanctionId: string): Promise<CertificateEntity[]> {
    return manager
      .createQueryBuilder(CertificateEntity, 'c')
      .setLock('pessimistic_write')
      .where(
        `EXISTS (SELECT 1 FROM certificate_suspension_cause s WHERE s.certificate_number = c.number AND s.sanction_id = :sanctionId
                   AND s.released_at IS NULL)`,
        { sanctionId },
      )
      .orderBy('c.number')
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
    const data = manager.queryRunner?.data as Record<string, unknown> | undefined;
    if (data) ((data[ANNOUNCED] as string[] | undefined) ?? (data[ANNOUNCED] = [])).push(payload);
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
    if (filter.street) {
      query = query.andWhere(`c.content #>> '{address,street}' ILIKE :street AND c.content #>> '{address,houseNumber}' = :streetNumber`, {
        street: `${escapeLike(filter.street.street)}%`,
        streetNumber: String(filter.street.houseNumber),
      });
    }
    if (filter.text) {
      const like = `%${escapeLike(filter.text)}%`;
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

/** `value` as a literal inside a LIKE pattern. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`);
}
