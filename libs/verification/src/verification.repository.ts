import { Inject, Injectable } from '@nestjs/common';
import { addressFromRow } from '@keurmerk/common';
import { DataSource } from 'typeorm';
import type { RegisterRow, StatusChange } from './public-register.service';
import type { CertificateFacts } from './verification.types';

export const VERIFICATION_READER = Symbol('VERIFICATION_READER');

const FACTS = `c.number, c.status, c.valid_from, c.valid_until, c.maximum_residents, c.municipality_code, c.norm_version, c.pdf_sha256,
  c.status_changed_at, c.content, c.superseded_by`;

/**
 * The location's certificate, chosen in SQL the same way wherever an address is verified: its current one
 * (geldig or geschorst; at most one, uq_certificate_current), else the one issued last. Never a replaced
 * one: a `vervangen` certificate's successor is at the same location (issued at the same instant, on a
 * coarse clock, so the order alone would not tell them apart).
 */
const LOCATION_CERTIFICATE = `SELECT * FROM certificate c WHERE c.location_id = l.id AND c.status NOT IN ('uitgifte', 'vervangen')
  ORDER BY c.status IN ('geldig', 'geschorst') DESC, c.issued_at DESC, c.number DESC LIMIT 1`;

/**
 * The address's certificate. An address can have held locations before (deregistered, then registered
 * by another holder): of each location's certificate, a current one first, else the one issued last.
 */
const ADDRESS_ORDER = `ORDER BY c.status IN ('geldig', 'geschorst') DESC, c.issued_at DESC, c.number DESC LIMIT 1`;

const BY_ADDRESS = `
  SELECT ${FACTS}
    FROM location l
    JOIN LATERAL (${LOCATION_CERTIFICATE}) c ON true
   WHERE l.postcode = $1 AND l.house_number = $2 AND coalesce(l.house_letter, '') = $3 AND coalesce(l.house_number_addition, '') = $4
   ${ADDRESS_ORDER}`;

/** One question of a bulk lookup: a number, or an address with letter and addition upper-cased ('' when absent). */
export type FactsLookup = { number: string } | { postcode: string; houseNumber: number; houseLetter: string; houseNumberAddition: string };

function factsOf(row: Record<string, unknown>): CertificateFacts {
  return {
    number: row.number as string,
    status: row.status as CertificateFacts['status'],
    validFrom: row.valid_from as string,
    validUntil: row.valid_until as string,
    maximumResidents: row.maximum_residents as number,
    municipalityCode: row.municipality_code as string,
    normVersion: row.norm_version as string,
    pdfSha256: row.pdf_sha256 as string,
    statusChangedAt: row.status_changed_at as Date,
    content: row.content as CertificateFacts['content'],
    supersededBy: (row.superseded_by as string | null) ?? null,
  };
}

/**
 * The public read path's queries, through the reader (a read-only role in production): certificate
 * facts by number or address, the open register, the changes feed, and a registered PDF's hash.
 */
@Injectable()
export class VerificationRepository {
  constructor(@Inject(VERIFICATION_READER) private readonly reader: DataSource) {}

  async factsByNumber(number: string): Promise<CertificateFacts | null> {
    const [row] = await this.reader.query(`SELECT ${FACTS} FROM certificate c WHERE c.number = $1 AND c.status <> 'uitgifte'`, [number]);
    return row ? factsOf(row) : null;
  }

  async factsByAddress(address: {
    postcode: string;
    houseNumber: number;
    houseLetter: string;
    houseNumberAddition: string;
  }): Promise<CertificateFacts | null> {
    const [row] = await this.reader.query(BY_ADDRESS, [
      address.postcode,
      address.houseNumber,
      address.houseLetter,
      address.houseNumberAddition,
    ]);
    return row ? factsOf(row) : null;
  }

  /** The facts for each lookup, in one round trip; a position without a certificate is null. */
  async factsForMany(lookups: FactsLookup[]): Promise<(CertificateFacts | null)[]> {
    const rows = (await this.reader.query(
      `WITH request AS (
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[])
           AS r(idx, number, postcode, house_number, house_letter, addition)
       )
       SELECT r.idx, f.* FROM request r
       LEFT JOIN LATERAL (
         SELECT ${FACTS} FROM certificate c WHERE r.number IS NOT NULL AND c.number = r.number AND c.status <> 'uitgifte'
         UNION ALL
         (SELECT ${FACTS}
            FROM location l
            JOIN LATERAL (${LOCATION_CERTIFICATE}) c ON true
           WHERE r.number IS NULL AND l.postcode = r.postcode AND l.house_number = r.house_number
             AND coalesce(l.house_letter, '') = r.house_letter AND coalesce(l.house_number_addition, '') = r.addition
           ${ADDRESS_ORDER})
         LIMIT 1
       ) f ON true`,
      [
        lookups.map((_, index) => index),
        lookups.map((l) => ('number' in l ? l.number : null)),
        lookups.map((l) => ('postcode' in l ? l.postcode : null)),
        lookups.map((l) => ('postcode' in l ? l.houseNumber : null)),
        lookups.map((l) => ('postcode' in l ? l.houseLetter : null)),
        lookups.map((l) => ('postcode' in l ? l.houseNumberAddition : null)),
      ],
    )) as Record<string, unknown>[];
    const found: (CertificateFacts | null)[] = lookups.map(() => null);
    for (const row of rows) found[row.idx as number] = row.number ? factsOf(row) : null;
    return found;
  }

  /** The published certificate whose stored PDF has this SHA-256, if any. */
  async numberByPdfSha256(sha256: string): Promise<string | null> {
    const [row] = await this.reader.query(`SELECT number FROM certificate WHERE pdf_sha256 = $1 AND status <> 'uitgifte'`, [sha256]);
    return (row?.number as string | undefined) ?? null;
  }

  /**
   * A batch of the open register after `after`, in number order: valid and not past `today`, optionally one
   * municipality's. Only the fields the register shows, taken out of `content` by PostgreSQL: parsing every
   * whole document in Node made much of the export's garbage (docs/performance.md).
   */
  async registerBatch(after: string, limit: number, today: string, municipalityCode: string | null): Promise<RegisterRow[]> {
    const rows = (await this.reader.query(
      `SELECT number, valid_from, valid_until, maximum_residents, municipality_code, norm_version,
              content #>> '{address,postcode}' AS postcode, (content #>> '{address,houseNumber}')::int AS house_number,
              content #>> '{address,houseLetter}' AS house_letter, content #>> '{address,houseNumberAddition}' AS house_number_addition,
              content #>> '{address,street}' AS street, content #>> '{address,city}' AS city,
              content ->> 'holderName' AS holder_name, content ->> 'holderKvkNumber' AS holder_kvk_number
         FROM certificate WHERE status = 'geldig' AND valid_until >= $3 AND number > $1 AND ($4::text IS NULL OR municipality_code = $4)
        ORDER BY number LIMIT $2`,
      [after, limit, today, municipalityCode],
    )) as Record<string, unknown>[];
    return rows.map((row) => ({
      number: row.number as string,
      validFrom: row.valid_from as string,
      validUntil: row.valid_until as string,
      maximumResidents: row.maximum_residents as number,
      municipalityCode: row.municipality_code as string,
      normVersion: row.norm_version as string,
      ...addressFromRow(row),
      holderName: row.holder_name as string,
      holderKvkNumber: row.holder_kvk_number as string,
    }));
  }

  /** Status changes after `since`, oldest first, in one municipality or all (`area` null), with the total. */
  async changesPage(since: Date, area: string | null, offset: number, limit: number): Promise<{ items: StatusChange[]; total: number }> {
    const where = `occurred_at > $1 AND ($2::text IS NULL OR municipality_code = $2)`;
    const [{ total }] = await this.reader.query(`SELECT count(*)::int AS total FROM certificate_status_change WHERE ${where}`, [
      since,
      area,
    ]);
    const rows = (await this.reader.query(
      `SELECT s.id::text AS id, s.certificate_number, s.municipality_code, s.from_status, s.to_status, s.reason, s.occurred_at,
              CASE WHEN s.to_status = 'vervangen' THEN c.superseded_by END AS superseded_by
         FROM certificate_status_change s JOIN certificate c ON c.number = s.certificate_number
        WHERE s.occurred_at > $1 AND ($2::text IS NULL OR s.municipality_code = $2)
        ORDER BY s.occurred_at, s.id OFFSET $3 LIMIT $4`,
      [since, area, offset, limit],
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
        supersededBy: (r.superseded_by as string | null) ?? null,
      })),
      total,
    };
  }
}
