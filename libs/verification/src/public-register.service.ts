import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@keurmerk/accounts';
import { municipalityOf } from '@keurmerk/accounts';
import { AppException, Clock, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { dateInAmsterdam } from '@keurmerk/norm';
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

  /** Every valid certificate (past its last day counts as expired already), in number order, fetched in keyset batches. */
  async *validCertificates(): AsyncGenerator<RegisterRow> {
    const today = dateInAmsterdam(this.clock.now());
    let after = '';
    for (;;) {
      const rows = (await this.reader.query(
        `SELECT number, valid_from, valid_until, maximum_residents, municipality_code, norm_version, content
           FROM certificate WHERE status = 'geldig' AND valid_until >= $3 AND number > $1 ORDER BY number LIMIT $2`,
        [after, REGISTER_BATCH, today],
      )) as Record<string, unknown>[];
      for (const row of rows) {
        const content = row.content as { holderName: string; holderKvkNumber: string; address: { postcode: string; houseNumber: number; houseLetter?: string; houseNumberAddition?: string; street: string; city: string } };
        yield {
          number: row.number as string,
          validFrom: row.valid_from as string,
          validUntil: row.valid_until as string,
          maximumResidents: row.maximum_residents as number,
          municipalityCode: row.municipality_code as string,
          normVersion: row.norm_version as string,
          postcode: content.address.postcode,
          houseNumber: content.address.houseNumber,
          houseLetter: content.address.houseLetter ?? null,
          houseNumberAddition: content.address.houseNumberAddition ?? null,
          street: content.address.street,
          city: content.address.city,
          holderName: content.holderName,
          holderKvkNumber: content.holderKvkNumber,
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
