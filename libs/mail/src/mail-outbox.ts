import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Clock } from '@keurmerk/common';
import { JobQueue } from '@keurmerk/queue';
import type { MailLanguage } from './mail.entities';
import { MailMessageEntity } from './mail.entities';
import { MailRepository } from './mail.repository';

export const SEND_MAIL_QUEUE = 'mail.send';
export const DAILY_MAIL_QUEUE = 'mail.daily';

/** One mail to write to the outbox. */
export interface NewMail {
  to: string;
  userId?: string | null;
  language: MailLanguage;
  template: string;
  subject: string;
  text: string;
  html?: string | null;
  /** A mail that must go once only (a reminder for a finding): a second with the same key to the same address is not written. */
  dedupeKey?: string;
}

/**
 * The transactional outbox: a mail is written in the transaction of what it tells of, so it exists
 * exactly when that does, and the worker sends it after the commit. With no SMTP server configured
 * (the embedded default) it is written as `kept`: the beheerder reads it in the web app.
 */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly mails: MailRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes the mail (unless its dedupe key was used for this address already); true when written. */
  async enqueue(manager: EntityManager, mail: NewMail): Promise<boolean> {
    const now = this.clock.now();
    const sending = Boolean(this.config.mail.smtpUrl);
    const written = await this.mails.insert(
      manager,
      Object.assign(new MailMessageEntity(), {
        id: randomUUID(),
        recipientAddress: mail.to,
        userId: mail.userId ?? null,
        language: mail.language,
        template: mail.template,
        // A header never carries a line break (header injection); the body may.
        subject: mail.subject.replace(/[\r\n]+/g, ' ').slice(0, 250),
        textBody: mail.text,
        htmlBody: mail.html ?? null,
        dedupeKey: mail.dedupeKey ?? null,
        status: sending ? 'pending' : 'kept',
        createdAt: now,
        sentAt: null,
        attempts: 0,
        lastError: null,
        nextAttemptAt: sending ? now : null,
      }),
    );
    if (written && sending) await this.queue.send(SEND_MAIL_QUEUE, {}, { manager });
    return written;
  }
}
