import type { Page } from '@keurmerk/common';
import { MAIL_STATUSES, type MailMessageEntity, type MailStatus } from '@keurmerk/mail';
import { badge, emptyState, html, type Html, page } from '../layout';
import { pager, selectField } from '../shared/parts.view';
import { formatDateTime, type WebContext } from '../web-context';
import { adminText } from './admin.texts';

export const MAIL_PATH = '/app/beheer/e-mail';

const TONE: Record<MailStatus, 'ok' | 'warn' | 'bad' | 'info'> = { sent: 'ok', pending: 'warn', failed: 'bad', kept: 'info' };

function statusOf(web: WebContext, status: MailStatus): Html {
  return badge(adminText(web).mailStatuses[status] ?? status, TONE[status]);
}

function kindOf(web: WebContext, template: string): string {
  return adminText(web).mailTemplates[template] ?? template;
}

function explanation(web: WebContext, sending: boolean): Html {
  return html`<p class="muted">${sending ? adminText(web).mailSentExplanation : adminText(web).mailKeptExplanation}</p>`;
}

/** The outbox, newest first: who, what, when, and whether it went. */
export function mailListPage(web: WebContext, d: { found: Page<MailMessageEntity>; status?: MailStatus; sending: boolean }): Html {
  const t = adminText(web);
  const body = html`${explanation(web, d.sending)}
    <form method="get" action="${MAIL_PATH}" class="filters inline-form">
      ${selectField({
        name: 'status',
        label: t.status,
        value: d.status,
        empty: t.all,
        choices: MAIL_STATUSES.map((s) => ({ value: s, label: t.mailStatuses[s] })),
      })}
      <button type="submit" class="button--secondary">${t.filter}</button>
    </form>
    ${
      d.found.total === 0
        ? emptyState(t.noMail)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr><th>${t.mailCreated}</th><th>${t.mailTo}</th><th>${t.mailSubject}</th><th>${t.status}</th></tr></thead>
      <tbody>${d.found.items.map(
        (m) => html`<tr>
        <td data-label="${t.mailCreated}">${formatDateTime(web, m.createdAt)}</td>
        <td data-label="${t.mailTo}">${m.recipientAddress}</td>
        <td data-label="${t.mailSubject}"><a href="${MAIL_PATH}/${m.id}">${m.subject}</a><br>
          <span class="muted">${kindOf(web, m.template)}</span></td>
        <td data-label="${t.status}">${statusOf(web, m.status)}</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, MAIL_PATH, d.found, { status: d.status })}`;
  return page(web, { title: t.outgoingMail, body, styles: ['admin.css'] });
}

/** One mail as its recipient reads it, with its delivery. */
export function mailPage(web: WebContext, mail: MailMessageEntity): Html {
  const t = adminText(web);
  const body = html`<div class="card">
      <dl class="facts">
        <dt>${t.status}</dt><dd>${statusOf(web, mail.status)}</dd>
        <dt>${t.mailTo}</dt><dd>${mail.recipientAddress}</dd>
        <dt>${t.mailKind}</dt><dd>${kindOf(web, mail.template)}</dd>
        <dt>${t.mailLanguage}</dt><dd>${mail.language}</dd>
        <dt>${t.mailCreated}</dt><dd>${formatDateTime(web, mail.createdAt)}</dd>
        ${mail.sentAt ? html`<dt>${t.mailSent}</dt><dd>${formatDateTime(web, mail.sentAt)}</dd>` : ''}
        ${mail.attempts > 0 ? html`<dt>${t.mailAttempts}</dt><dd>${mail.attempts}</dd>` : ''}
        ${mail.lastError ? html`<dt>${t.mailLastError}</dt><dd>${mail.lastError}</dd>` : ''}
        ${mail.nextAttemptAt ? html`<dt>${t.mailNextAttempt}</dt><dd>${formatDateTime(web, mail.nextAttemptAt)}</dd>` : ''}
      </dl>
    </div>
    <div class="card mail">
      <h2 lang="${mail.language}">${mail.subject}</h2>
      <pre class="mail-body" lang="${mail.language}">${mail.textBody}</pre>
    </div>
    <p><a href="${MAIL_PATH}">${t.backToOutgoingMail}</a></p>`;
  return page(web, { title: t.outgoingMail, body, styles: ['admin.css'] });
}
