import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor, ProcessesJobs } from '@keurmerk/jobs';
import { MailDeliveryService } from './mail-delivery.service';
import { DAILY_MAIL_QUEUE, SEND_MAIL_QUEUE } from './mail-outbox';
import { MailSweeps } from './mail-notices';

/**
 * Sends the outbox: nudged by every mail written (and every retry, with startAfter), and each minute
 * on its own, so a mail whose job was lost still goes.
 */
@Injectable()
@JobProcessor({ queue: SEND_MAIL_QUEUE, cron: '* * * * *', pollingIntervalSeconds: 1 })
export class SendMailProcessor implements ProcessesJobs {
  private readonly logger = new Logger('mail');

  constructor(private readonly delivery: MailDeliveryService) {}

  async process(): Promise<void> {
    const { sent, failed } = await this.delivery.sendDue();
    if (sent || failed) this.logger.log(`${sent} mail(s) sent, ${failed} attempt(s) failed`);
  }
}

/** Daily at 06:00 UTC (07:00 or 08:00 in Amsterdam, a working morning): repair reminders and expiry notices. */
@Injectable()
@JobProcessor({ queue: DAILY_MAIL_QUEUE, cron: '0 6 * * *', pollingIntervalSeconds: 60 })
export class DailyMailProcessor implements ProcessesJobs {
  private readonly logger = new Logger('mail');

  constructor(private readonly sweeps: MailSweeps) {}

  async process(): Promise<void> {
    const { reminders, expiries } = await this.sweeps.daily();
    if (reminders || expiries) this.logger.log(`${reminders} repair reminder(s), ${expiries} expiry notice(s) written`);
  }
}
