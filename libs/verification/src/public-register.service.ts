import { Injectable } from '@nestjs/common';
import type { Principal } from '@keurmerk/accounts';
import { municipalityOf } from '@keurmerk/accounts';
import { type AddressColumns, Clock, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { VerificationException, VerificationExceptionCode } from './verification.exception';
import { VerificationRepository } from './verification.repository';

export interface RegisterRow extends AddressColumns {
  number: string;
  validFrom: string;
  validUntil: string;
  maximumResidents: number;
  municipalityCode: string;
  normVersion: string;
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
  /** On a change to `vervangen`: the certificate that replaced this one. */
  supersededBy: string | null;
}

const REGISTER_BATCH = 2000;

/** The open register and the changes feed: read-only, in pages, so memory stays flat however large. */
@Injectable()
export class PublicRegisterService {
  constructor(
    private readonly repository: VerificationRepository,
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
      const rows = await this.repository.registerBatch(after, REGISTER_BATCH, today, filter.municipalityCode ?? null);
      yield* rows;
      if (rows.length < REGISTER_BATCH) return;
      after = rows[rows.length - 1].number;
    }
  }

  /**
   * Status changes since a moment, oldest first: a municipality that was offline catches up here.
   * A municipality sees its own area; the beheerder any, or one it names.
   */
  async changes(principal: Principal, since: Date, request: PageRequest, municipalityCode?: string): Promise<Page<StatusChange>> {
    const own = municipalityOf(principal);
    if (own && municipalityCode && municipalityCode !== own) {
      throw new VerificationException(VerificationExceptionCode.ForeignArea, 'A municipality reads the changes in its own area.');
    }
    const { items, total } = await this.repository.changesPage(
      since,
      own ?? municipalityCode ?? null,
      pageOffset(request),
      request.pageSize,
    );
    return { items, total, ...request };
  }
}
