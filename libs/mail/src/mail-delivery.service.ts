import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Clock } from '@keurmerk/common';
import { JobQueue } from '@keurmerk/queue';
import { MailRepository } from './mail.repository';
import { SEND_MAIL_QUEUE } from './mail-outbox';
import { MailTransport } from './mail-transport';

/** The wait after the `failedAttempts`-th failed attempt: base, then twice as long each time (1 → base, 2 → 2·base, ...). */
export function mailRetryDelayMs(failedAttempts: number, baseMs: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1)
    throw new RangeError(`failedAttempts must be 1 or more, got ${failedAttempts}`);
  return baseMs * 2 ** Math.min(failedAttempts - 1, 20);
}

/** An SMTP error as one short line for the beheerder: the server's answer, never a stack. */
function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = e.response ?? e.message ?? String(error);
  return [e.responseCode, e.code, text.replace(/\s+/g, ' ')].filter(Boolean).join(' ').slice(0, 500);
}

/**
 * Sends the outbox. Each mail is sent inside a transaction that holds its row locked (other senders
 * skip it) and marks it sent before committing: a mail the server accepted is marked once, and no two
 * workers send it at the same time. The one gap is a crash (or a lost database) after the server
 * accepted the mail and before the commit: the mail is then still pending and is sent again, with the
 * same Message-ID. A failed attempt waits MAIL_RETRY_BASE_MS, doubling each time, and after
 * MAIL_MAX_ATTEMPTS the mail is `failed`, for the beheerder to see.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger('mail');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mails: MailRepository,
    private readonly transport: MailTransport,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends what is due, one mail at a time, up to `max`; answers how many went and how many attempts failed. */
  async sendDue(max = 200): Promise<{ sent: number; failed: number }> {
    const counts = { sent: 0, failed: 0 };
    if (!this.transport.configured) return counts;
    for (let i = 0; i < max; i++) {
      const outcome = await this.db.transaction(async (manager) => {
        const mail = await this.mails.lockNextDue(manager, this.clock.now());
        if (!mail) return 'none' as const;
        const attempts = mail.attempts + 1;
        try {
          await this.transport.send({
            messageId: mail.id,
            to: mail.recipientAddress,
            subject: mail.subject,
            text: mail.textBody,
            html: mail.htmlBody,
            language: mail.language,
          });
        } catch (error) {
          const giveUp = attempts >= this.config.mail.maxAttempts;
          const next = giveUp ? null : new Date(this.clock.now().getTime() + mailRetryDelayMs(attempts, this.config.mail.retryBaseMs));
          await this.mails.markAttemptFailed(manager, mail.id, attempts, describe(error), next);
          if (next) await this.queue.send(SEND_MAIL_QUEUE, {}, { manager, startAfter: next });
          this.logger.warn(`mail ${mail.id} attempt ${attempts} failed${giveUp ? ', given up' : ''}: ${describe(error)}`);
          return 'failed' as const;
        }
        await this.mails.markSent(manager, mail.id, attempts, this.clock.now());
        return 'sent' as const;
      });
      if (outcome === 'none') break;
      counts[outcome]++;
    }
    return counts;
  }
}
