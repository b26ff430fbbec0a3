import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordResetMailer } from '@keurmerk/accounts';
import { CertificateHolderObserver } from '@keurmerk/certificates';
import { InspectionNoticeObserver } from '@keurmerk/inspections';
import { ObjectionNoticeObserver } from '@keurmerk/objections';
import { JobQueue } from '@keurmerk/queue';
import { MailMessageEntity } from './mail.entities';
import { MailRepository } from './mail.repository';
import { MailOutbox, SEND_MAIL_QUEUE } from './mail-outbox';
import { MailTransport, SmtpMailTransport } from './mail-transport';
import { MailDeliveryService } from './mail-delivery.service';
import { CertificateMail, InspectionMail, MailNotices, MailSweeps, ObjectionMail, PasswordResetMail } from './mail-notices';
import { DailyMailProcessor, SendMailProcessor } from './mail.processors';
import { MailService } from './mail.service';

/**
 * E-mail. Global, because it provides the ports other features tell their news through (a certificate's
 * change, an inspection planned or decided, a reset link): wherever this module is in the process, those
 * write their mail into the outbox in their own transaction.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MailMessageEntity])],
  providers: [
    MailRepository,
    MailOutbox,
    SmtpMailTransport,
    { provide: MailTransport, useExisting: SmtpMailTransport },
    MailDeliveryService,
    MailNotices,
    InspectionMail,
    CertificateMail,
    PasswordResetMail,
    ObjectionMail,
    MailSweeps,
    MailService,
    SendMailProcessor,
    DailyMailProcessor,
    { provide: CertificateHolderObserver, useExisting: CertificateMail },
    { provide: InspectionNoticeObserver, useExisting: InspectionMail },
    { provide: ObjectionNoticeObserver, useExisting: ObjectionMail },
    { provide: PasswordResetMailer, useExisting: PasswordResetMail },
  ],
  exports: [
    MailOutbox,
    MailDeliveryService,
    MailSweeps,
    MailService,
    ObjectionMail,
    MailTransport,
    CertificateHolderObserver,
    InspectionNoticeObserver,
    ObjectionNoticeObserver,
    PasswordResetMailer,
  ],
})
export class MailModule implements OnModuleInit {
  constructor(private readonly queue: JobQueue) {}

  /** Before any bootstrap hook: mails are written inside other transactions, and a queue cannot be created mid-transaction. */
  async onModuleInit(): Promise<void> {
    await this.queue.declare(SEND_MAIL_QUEUE);
  }
}
