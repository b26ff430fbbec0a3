import { Injectable } from '@nestjs/common';
import type { Principal } from '@keurmerk/accounts';
import { AppException, assertUnreachable, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { ObjectStorage } from '@keurmerk/storage';
import type { CertificateStatus } from './certificate-lifecycle';
import { CertificateEntity } from './certificate.entities';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { parseCertificateNumber } from './certificate-number';
import { parseCertificateSearch } from './certificate-search';
import { CertificateQuery, CertificateRepository, CertificateScope } from './certificate.repository';

export type PublicCertificate = CertificateEntity & { status: CertificateStatus };

export interface CertificateFilter {
  status?: CertificateStatus;
  municipalityCode?: string;
  locationId?: string;
  /** A certificate number, a postcode with or without house number, or part of street, place or holder. */
  search?: string;
}

export function assertCertificateNumber(number: string, field = 'certificaatnummer'): void {
  const parsed = parseCertificateNumber(number);
  if (!parsed.valid) {
    throw AppException.invalidField(
      field,
      parsed.reason,
      parsed.reason === 'format'
        ? 'A certificate number looks like KM-2026-000123-3.'
        : 'The check digit of this certificate number is wrong.',
    );
  }
}

/**
 * What the API reads about certificates (Boulder's read-only SA client): public views, the stored PDF and
 * credential, lists scoped to the caller. Signs nothing and writes nothing.
 */
@Injectable()
export class CertificateQueryService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly storage: ObjectStorage,
  ) {}

  /** A published certificate, or 404 (one being issued is not public yet). A malformed number is 400. */
  async getPublic(number: string, field = 'certificaatnummer'): Promise<PublicCertificate> {
    assertCertificateNumber(number, field);
    const certificate = await this.certificates.findPublished(number);
    if (!certificate) throw new CertificateException(CertificateExceptionCode.NotFound, `Certificate ${number} was not found.`);
    return certificate as PublicCertificate;
  }

  async pdf(number: string): Promise<{ certificate: PublicCertificate; bytes: Buffer }> {
    const certificate = await this.getPublic(number);
    return { certificate, bytes: await this.storage.get(certificate.pdfKey!) };
  }

  /** The credential the issuer signed and stored beside the PDF (compact JWS, `typ: vc+jwt`). */
  async credential(number: string): Promise<string> {
    const certificate = await this.getPublic(number);
    if (!certificate.credential) {
      throw new CertificateException(
        CertificateExceptionCode.CredentialPending,
        `The credential of certificate ${number} has not been signed yet.`,
      );
    }
    return certificate.credential;
  }

  /**
   * Certificates the principal may see (scoped like locations), newest first. `search` finds a certificate
   * number, a postcode (with or without a house number, in any spacing), a street and number, a pasted whole address, or
   * else a part of the street, place or holder (see parseCertificateSearch).
   */
  async list(principal: Principal, request: PageRequest, filter: CertificateFilter = {}): Promise<Page<PublicCertificate>> {
    const [items, total] = await this.certificates.page(scopeOf(principal), queryOf(filter), pageOffset(request), request.pageSize);
    return { items: items as PublicCertificate[], total, ...request };
  }

  /** What `list` finds, all of it, in number order: keyset batches, so memory stays flat however many. */
  async *listAll(principal: Principal, filter: CertificateFilter = {}, batchSize = 1000): AsyncGenerator<PublicCertificate> {
    const scope = scopeOf(principal);
    const query = queryOf(filter);
    let after = '';
    for (;;) {
      const batch = await this.certificates.batchAfter(scope, query, after, batchSize);
      yield* batch as PublicCertificate[];
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1].number;
    }
  }
}

/** Who sees what: a municipality (person or key) its area, a landlord its organisation, an auditor its inspections' locations. */
function scopeOf(principal: Principal): CertificateScope {
  if (principal.kind === 'api-key') return { municipalityCode: principal.municipalityCode };
  // A person of these roles without their binding sees nothing (null matches no row), never everything.
  if (principal.role === 'gemeente') return { municipalityCode: principal.municipalityCode ?? null };
  if (principal.role === 'verhuurder') return { organisationId: principal.organisationId ?? null };
  if (principal.role === 'auditor') return { auditorId: principal.userId };
  return {};
}

function queryOf(filter: CertificateFilter): CertificateQuery {
  const query: CertificateQuery = { status: filter.status, municipalityCode: filter.municipalityCode, locationId: filter.locationId };
  const search = parseCertificateSearch(filter.search ?? '');
  if (!search) return query;
  switch (search.kind) {
    case 'number':
      return { ...query, number: search.number };
    case 'postcode':
      return { ...query, postcode: { postcode: search.postcode, houseNumber: search.houseNumber } };
    case 'street':
      return { ...query, street: { street: search.street, houseNumber: search.houseNumber } };
    case 'text':
      return { ...query, text: search.text };
    default:
      return assertUnreachable(search, 'certificate search');
  }
}
