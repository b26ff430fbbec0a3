import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordResetMailer, type PasswordResetNotice, PASSWORD_RESET_VALIDITY_MS } from '@keurmerk/accounts';
import { CertificateHolderObserver, type CertificateStatusChangeEntity } from '@keurmerk/certificates';
import { type ObjectionNotice, ObjectionNoticeObserver } from '@keurmerk/objections';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Clock } from '@keurmerk/common';
import { type DecisionEntity, type InspectionEntity, InspectionNoticeObserver } from '@keurmerk/inspections';
import { addDays, addWorkingDays } from '@keurmerk/norm';
import { type MailContent, renderMail } from './mail-templates';
import { MailOutbox } from './mail-outbox';
import { type CertificateFacts, type FindingFacts, type MailRecipient, MailRepository } from './mail.repository';

type Content = MailContent extends infer C ? (C extends MailContent ? Omit<C, 'name'> : never) : never;

/** Writes one mail per recipient, each in their own language, in the caller's transaction; answers how many were written. */
@Injectable()
export class MailNotices {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly mails: MailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  link(path: string): string {
    return `${this.config.publicBaseUrl}${path}`;
  }

  async toRecipients(manager: EntityManager, recipients: MailRecipient[], content: Content, dedupeKey?: string): Promise<number> {
    let written = 0;
    for (const recipient of recipients) {
      const mail = renderMail({ ...content, name: recipient.name } as MailContent, recipient.language);
      const ok = await this.outbox.enqueue(manager, {
        to: recipient.address,
        userId: recipient.userId,
        language: recipient.language,
        template: content.template,
        subject: mail.subject,
        text: mail.text,
        dedupeKey,
      });
      if (ok) written++;
    }
    return written;
  }

  /** To the active landlord users of an organisation. */
  async toLandlord(manager: EntityManager, organisationId: string, content: Content, dedupeKey?: string): Promise<number> {
    return this.toRecipients(manager, await this.mails.landlordUsers(manager, organisationId), content, dedupeKey);
  }
}

/**
 * The landlord hears of an announced inspection when it is planned, and never of an unannounced one:
 * that would defeat it. Planning refuses an announced inspection less than 24 hours ahead
 * (`plannedAtProblem` in @keurmerk/inspections), so this mail is the landlord's 24 hours' notice.
 * After a decision the landlord gets the outcome, the explanation and every finding with its deadline.
 */
@Injectable()
export class InspectionMail extends InspectionNoticeObserver {
  constructor(
    private readonly notices: MailNotices,
    private readonly mails: MailRepository,
  ) {
    super();
  }

  async planned(manager: EntityManager, inspection: InspectionEntity): Promise<void> {
    if (inspection.kind === 'onaangekondigd') return;
    const location = await this.mails.location(manager, inspection.locationId);
    if (!location) return;
    await this.notices.toLandlord(
      manager,
      location.organisationId,
      {
        template: 'inspection-announced',
        address: location.address,
        plannedAt: inspection.plannedAt,
        kind: inspection.kind,
        link: this.notices.link(`/app/locaties/${location.id}`),
      },
      `inspection-announced:${inspection.id}`,
    );
  }

  async decided(manager: EntityManager, inspection: InspectionEntity, decision: DecisionEntity): Promise<void> {
    const location = await this.mails.location(manager, inspection.locationId);
    if (!location) return;
    const findings = await this.mails.findingsOf(manager, inspection.id);
    await this.notices.toLandlord(
      manager,
      location.organisationId,
      {
        template: 'inspection-decided',
        address: location.address,
        outcome: decision.outcome,
        explanation: decision.explanation,
        findings,
        link: this.notices.link(`/app/locaties/${location.id}`),
      },
      `inspection-decided:${inspection.id}`,
    );
  }
}

const CHANGE_TEMPLATES = {
  issued: 'certificate-issued',
  geschorst: 'certificate-suspended',
  reinstated: 'certificate-reinstated',
  ingetrokken: 'certificate-withdrawn',
  vervangen: 'certificate-replaced',
} as const;

/** Which mail a status change makes, if any: a lapse ('verlopen') was announced at 90 and 30 days already. */
export function certificateChangeTemplate(
  from: string | null,
  to: string,
): (typeof CHANGE_TEMPLATES)[keyof typeof CHANGE_TEMPLATES] | undefined {
  if (to === 'geldig') return from === null ? CHANGE_TEMPLATES.issued : from === 'geschorst' ? CHANGE_TEMPLATES.reinstated : undefined;
  if (to === 'geschorst' || to === 'ingetrokken' || to === 'vervangen') return CHANGE_TEMPLATES[to];
  return undefined;
}

/** The holder's users hear of every change of their certificate that asks something of them or changes what they hold. */
@Injectable()
export class CertificateMail extends CertificateHolderObserver {
  constructor(
    private readonly notices: MailNotices,
    private readonly mails: MailRepository,
  ) {
    super();
  }

  async changed(manager: EntityManager, change: CertificateStatusChangeEntity): Promise<void> {
    const template = certificateChangeTemplate(change.fromStatus, change.toStatus);
    if (!template) return;
    const certificate = await this.mails.certificate(manager, change.certificateNumber);
    if (!certificate) return;
    await this.notices.toLandlord(
      manager,
      certificate.organisationId,
      {
        template,
        number: certificate.number,
        address: certificate.address,
        // Publication's reason is the issuer's own bookkeeping; the landlord needs none for "issued".
        reason: template === 'certificate-issued' ? '' : change.reason,
        validUntil: certificate.validUntil,
        link: this.notices.link(`/app/locaties/${certificate.locationId}/certificaten/${encodeURIComponent(certificate.number)}`),
      },
      `certificate-change:${change.id}`,
    );
  }
}

/** The reset link, to the address it was asked for. */
@Injectable()
export class PasswordResetMail extends PasswordResetMailer {
  constructor(private readonly notices: MailNotices) {
    super();
  }

  async resetRequested(manager: EntityManager, notice: PasswordResetNotice): Promise<void> {
    await this.notices.toRecipients(
      manager,
      [{ userId: notice.userId, address: notice.email, name: notice.name, language: notice.language }],
      {
        template: 'password-reset',
        link: this.notices.link(`/app/wachtwoord-herstellen/${notice.token}`),
        validMinutes: Math.round(PASSWORD_RESET_VALIDITY_MS / 60_000),
      },
    );
  }
}

/** What an objection feature tells the objector's organisation: received, and decided. */

/**
 * For libs/objections: call inside the transaction that records the objection or its decision, with
 * the EntityManager of that transaction; each is written once per objection.
 */
@Injectable()
export class ObjectionMail extends ObjectionNoticeObserver {
  constructor(private readonly notices: MailNotices) {
    super();
  }

  async objectionReceived(manager: EntityManager, objection: ObjectionNotice): Promise<number> {
    return this.notices.toLandlord(
      manager,
      objection.organisationId,
      { template: 'objection-received', subject: objection.subject, link: this.notices.link(objection.path) },
      `objection-received:${objection.objectionId}`,
    );
  }

  async objectionDecided(manager: EntityManager, objection: ObjectionNotice & { upheld: boolean; explanation: string }): Promise<number> {
    return this.notices.toLandlord(
      manager,
      objection.organisationId,
      {
        template: 'objection-decided',
        subject: objection.subject,
        upheld: objection.upheld,
        explanation: objection.explanation,
        link: this.notices.link(objection.path),
      },
      `objection-decided:${objection.objectionId}`,
    );
  }
}

/**
 * Rows read per query, and at most this many looked at per window and run. Only rows with no mail yet
 * are read, so each run starts where the last one stopped: at 1,000,000 certificates about 2,700 a day
 * cross each expiry threshold, well under the maximum, and the catch-up after a pause (or the first
 * run on an existing register) is spread over the following days, the earliest deadlines first.
 */
const SWEEP_BATCH = 1000;
const SWEEP_MAXIMUM = 20_000;
const REPAIR_REMINDER = 'repair-reminder:';

/**
 * The daily reminders: a repair deadline five working days ahead (once per finding), and a valid
 * certificate's end 90 and 30 days ahead (once per certificate and threshold). Each mail carries a
 * dedupe key, so the sweep may run any number of times a day, and a day it missed is caught up: the
 * windows reach back to today, not to one exact day.
 */
@Injectable()
export class MailSweeps {
  constructor(
    private readonly notices: MailNotices,
    private readonly mails: MailRepository,
    private readonly clock: Clock,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async daily(): Promise<{ reminders: number; expiries: number }> {
    return { reminders: await this.remindRepairDeadlines(), expiries: await this.announceExpiries() };
  }

  async remindRepairDeadlines(): Promise<number> {
    const today = this.clock.today();
    const until = addWorkingDays(today, 5);
    return this.mailEach(
      (after?: FindingFacts) => this.mails.openFindingsDueBetween(today, until, REPAIR_REMINDER, SWEEP_BATCH, after),
      (manager, finding) =>
        this.notices.toLandlord(
          manager,
          finding.organisationId,
          {
            template: 'repair-reminder',
            address: finding.address,
            finding,
            link: this.notices.link(`/app/locaties/${finding.locationId}`),
          },
          `${REPAIR_REMINDER}${finding.id}`,
        ),
    );
  }

  async announceExpiries(): Promise<number> {
    const today = this.clock.today();
    let written = 0;
    // 30 first: a certificate first seen inside 30 days gets the 30-day notice only, not both at once.
    for (const [days, from, to] of [
      [30, addDays(today, 1), addDays(today, 30)],
      [90, addDays(today, 31), addDays(today, 90)],
    ] as const) {
      const prefix = `certificate-expiring-${days}:`;
      written += await this.mailEach(
        (after?: CertificateFacts) => this.mails.validCertificatesEndingBetween(from, to, prefix, SWEEP_BATCH, after),
        (manager, certificate) =>
          this.notices.toLandlord(
            manager,
            certificate.organisationId,
            {
              template: 'certificate-expiring',
              number: certificate.number,
              address: certificate.address,
              validUntil: certificate.validUntil,
              days,
              link: this.notices.link(`/app/locaties/${certificate.locationId}`),
            },
            `${prefix}${certificate.number}`,
          ),
      );
    }
    return written;
  }

  /**
   * Pages through the rows `page` gives (those with no mail yet, after the last row of the page
   * before), at most SWEEP_MAXIMUM, writing each row's mail in a transaction of its own.
   */
  private async mailEach<T>(
    page: (after?: T) => Promise<T[]>,
    write: (manager: EntityManager, row: T) => Promise<number>,
  ): Promise<number> {
    let written = 0;
    let after: T | undefined;
    for (let seen = 0; seen < SWEEP_MAXIMUM;) {
      const rows = await page(after);
      for (const row of rows) written += await this.db.transaction((manager) => write(manager, row));
      seen += rows.length;
      if (rows.length < SWEEP_BATCH) break;
      after = rows[rows.length - 1];
    }
    return written;
  }
}
