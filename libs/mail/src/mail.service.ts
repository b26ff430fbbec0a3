import { Injectable } from '@nestjs/common';
import { AppException, isUuid, Page, PageRequest } from '@keurmerk/common';
import type { MailMessageEntity, MailStatus } from './mail.entities';
import { MailRepository } from './mail.repository';
import { MailTransport } from './mail-transport';

/** The outbox as the beheerder reads it (the web app checks the role). */
@Injectable()
export class MailService {
  constructor(
    private readonly mails: MailRepository,
    private readonly transport: MailTransport,
  ) {}

  /** True when an SMTP server is configured; false on the embedded default, where mails are kept. */
  get sending(): boolean {
    return this.transport.configured;
  }

  list(request: PageRequest, status?: MailStatus): Promise<Page<MailMessageEntity>> {
    return this.mails.page(request, status);
  }

  async get(id: string): Promise<MailMessageEntity> {
    const mail = isUuid(id) ? await this.mails.findById(id) : null;
    if (!mail) throw AppException.notFound('The mail');
    return mail;
  }
}
