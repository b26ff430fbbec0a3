import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RegisterRow, StatusChange } from './public-register.service';
import type { CertificateFacts } from './verification.types';

export const VERIFICATION_READER = Symbol('VERIFICATION_READER');

const FACTS = `c.number, c.status, c.valid_from, c.valid_until, c.maximum_residents, c.municipality_code, c.norm_version, c.pdf_sha256,
  c.status_changed_at, c.content`;

/** The location's certificate: the one issued last (a re-inspection's replaces the old). */
const BY_ADDRESS = `
  SELECT ${FACTS}
    FROM location l
    JOIN LATERAL (SELECT * FROM certificate c WHERE c.location_id = l.id AND c.status <> 'uitgifte'
                   ORDER BY c.issued_at DESC LIMIT 1) c ON true
   WHERE l.postcode = $1 AND l.house_number = $2 AND coalesce(l.house_letter, '') = $3 AND coalesce(l.house_number_addition, '') = $4`;

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
            JOIN LATERAL (SELECT * FROM certificate c WHERE c.location_id = l.id AND c.status <> 'uitgifte'
                           ORDER BY c.issued_at DESC LIMIT 1) c ON true
           WHERE r.number IS NULL AND l.postcode = r.postcode AND l.house_number = r.house_number
             AND coalesce(l.house_letter, '') = r.house_letter AND coalesce(l.house_number_addition, '') = r.addition)
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
      postcode: row.postcode as string,
      houseNumber: row.house_number as number,
      houseLetter: (row.house_letter as string | null) ?? null,
      houseNumberAddition: (row.house_number_addition as string | null) ?? null,
      street: row.street as string,
      city: row.city as string,
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
      `SELECT id::text AS id, certificate_number, municipality_code, from_status, to_status, reason, occurred_at
         FROM certificate_status_change WHERE ${where} ORDER BY occurred_at, certificate_status_change.id OFFSET $3 LIMIT $4`,
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
      })),
      total,
    };
  }
}
