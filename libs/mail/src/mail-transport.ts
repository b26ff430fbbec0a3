import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  language: string;
}

/** Hands a mail to the SMTP server; resolves once the server accepted it, rejects when it did not. */
export abstract class MailTransport {
  abstract readonly configured: boolean;
  abstract send(mail: OutgoingMail): Promise<void>;
}

/** nodemailer over SMTP_URL (one pooled transporter for the process). */
@Injectable()
export class SmtpMailTransport extends MailTransport implements OnModuleDestroy {
  readonly configured: boolean;
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    this.configured = Boolean(config.mail.smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.config.mail.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transporter ??= nodemailer.createTransport(smtpOptions(this.config.mail.smtpUrl), { from: this.config.mail.from });
    await this.transporter.sendMail({
      // The outbox id as Message-ID: a resend after a crash carries the same one, so a mail program can tell.
      messageId: `<${mail.messageId}@keurmerk>`,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}

/** The transport options of an `smtp://user:pass@host:port` (or smtps://) URL, with timeouts. */
export function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    // A slow server must not hold the outbox row (and its transaction) for long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}
