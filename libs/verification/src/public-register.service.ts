import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { municipalityOf } from '@keurmerk/accounts';
import { AppException, Clock, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { VERIFICATION_READER } from './verification.service';

export interface RegisterRow {
  number: string;
  validFrom: string;
  validUntil: string;
  maximumResidents: number;
  municipalityCode: string;
  normVersion: string;
  postcode: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  street: string;
  city: string;
  holderName: string;
  holderKvkNumber: string;
}

export interface StatusChange {
  id: string;
  certificateNumber: string;
  municipalityCode: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  occurredAt: Date;
}

const REGISTER_BATCH = 2000;

/** The open register and the changes feed: read-only, in pages, so memory stays flat however large. */
@Injectable()
export class PublicRegisterService {
  constructor(
    @Inject(VERIFICATION_READER) private readonly reader: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Every valid certificate (past its last day counts as expired already), in number order, fetched in
   * keyset batches; with `municipalityCode`, those in that municipality only (its own export).
   */
  async *validCertificates(filter: { municipalityCode?: string } = {}): AsyncGenerator<RegisterRow> {
    const today = this.clock.today();
    let after = '';
    for (;;) {
      const rows = (await this.reader.query(
        // Only the fields the register shows, taken out of `content` by PostgreSQL: parsing every
        // whole document in Node made much of the export's garbage (docs/performance.md).
        `SELECT number, valid_from, valid_until, maximum_residents, municipality_code, norm_version,
                content #>> '{address,postcode}' AS postcode, (content #>> '{address,houseNumber}')::int AS house_number,
                content #>> '{address,houseLetter}' AS house_letter, content #>> '{address,houseNumberAddition}' AS house_number_addition,
                content #>> '{address,street}' AS street, content #>> '{address,city}' AS city,
                content ->> 'holderName' AS holder_name, content ->> 'holderKvkNumber' AS holder_kvk_number
           FROM certificate WHERE status = 'geldig' AND valid_until >= $3 AND number > $1 AND ($4::text IS NULL OR municipality_code = $4)
          ORDER BY number LIMIT $2`,
        [after, REGISTER_BATCH, today, filter.municipalityCode ?? null],
      )) as Record<string, unknown>[];
      for (const row of rows) {
        yield {
          number: row.number as string,
          validFrom: row.valid_from as string,
          validUntil: row.valid_until as string,
          maximumResidents: row.maximum_residents as number,
          municipalityCode: row.municipality_code as string,
          normVersion: row.norm_version as string,
          postcode: row.postcode as string,
          houseNumber: row.house_number as number,
          houseLetter: (row.house_letter as string | null) ?? null,
          houseNumberAddition: (row.house_number_addition as string | null) ?? null,
          street: row.street as string,
          city: row.city as string,
          holderName: row.holder_name as string,
          holderKvkNumber: row.holder_kvk_number as string,
        };
      }
      if (rows.length < REGISTER_BATCH) return;
      after = rows[rows.length - 1].number as string;
    }
  }

  /**
   * Status changes since a moment, oldest first: a municipality that was offline catches up here.
   * A municipality sees its own area; the beheerder any, or one it names.
   */
  async changes(principal: Principal, since: Date, request: PageRequest, municipalityCode?: string): Promise<Page<StatusChange>> {
    const own = municipalityOf(principal);
    if (own && municipalityCode && municipalityCode !== own) throw AppException.forbidden('A municipality reads the changes in its own area.');
    const area = own ?? municipalityCode ?? null;
    const where = `occurred_at > $1 AND ($2::text IS NULL OR municipality_code = $2)`;
    const [{ total }] = await this.reader.query(`SELECT count(*)::int AS total FROM certificate_status_change WHERE ${where}`, [since, area]);
    const rows = (await this.reader.query(
      `SELECT id::text AS id, certificate_number, municipality_code, from_status, to_status, reason, occurred_at
         FROM certificate_status_change WHERE ${where} ORDER BY occurred_at, certificate_status_change.id OFFSET $3 LIMIT $4`,
      [since, area, pageOffset(request), request.pageSize],
    )) as Record<string, unknown>[];
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        certificateNumber: r.certificate_number as string,
        municipalityCode: r.municipality_code as string,
        fromStatus: (r.from_status as string | null) ?? null,
        toStatus: r.to_status as string,
        reason: r.reason as string,
        occurredAt: r.occurred_at as Date,
      })),
      total,
      ...request,
    };
  }
}
