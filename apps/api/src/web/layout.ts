import type { FastifyReply } from 'fastify';
import type { InvalidParam } from '@keurmerk/common';
import type { Role } from '@keurmerk/accounts';
import { MARK_SVG } from '../resident/resident.assets';
import { Html, html } from '../resident/html';
import { type WebContext } from './web-context';
import { webAssetUrl } from './web.assets';
import { sharedText } from './shared/shared.texts';

export { Html, html } from '../resident/html';

export interface NavItem {
  href: string;
  /** Its label in the shared catalog. */
  label: keyof ReturnType<typeof sharedText>['navigation'];
}

/** Each role's pages, in the order of its work. The first is the role's start page. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  auditor: [{ href: '/app/keuringen', label: 'inspections' }],
  verhuurder: [
    { href: '/app/locaties', label: 'locations' },
    { href: '/app/locaties/nieuw', label: 'registerALocation' },
    { href: '/app/bezwaren', label: 'objections' },
  ],
  certificeerder: [
    { href: '/app/besluiten', label: 'toDecide' },
    { href: '/app/besluiten/bevindingen', label: 'reviewRepairs' },
    { href: '/app/besluiten/bezwaren', label: 'objections' },
  ],
  beheerder: [
    { href: '/app/beheer', label: 'overview' },
    { href: '/app/beheer/keuringen', label: 'planInspections' },
    { href: '/app/beheer/gebruikers', label: 'users' },
    { href: '/app/beheer/organisaties', label: 'organisations' },
    { href: '/app/beheer/normen', label: 'normVersions' },
    { href: '/app/beheer/meldingen', label: 'complaints' },
    { href: '/app/beheer/locaties', label: 'locations' },
    { href: '/app/beheer/cijfers', label: 'figures' },
    { href: '/app/beheer/bezwaren', label: 'objections' },
    { href: '/app/beheer/e-mail', label: 'outgoingMail' },
  ],
  gemeente: [
    { href: '/app/gemeente', label: 'certificates' },
    { href: '/app/gemeente/wijzigingen', label: 'statusChanges' },
    { href: '/app/gemeente/abonnementen', label: 'subscriptions' },
    { href: '/app/gemeente/sleutels', label: 'apiKeys' },
    { href: '/app/gemeente/inzicht', label: 'figures' },
  ],
};

export function homeOf(role: Role): string {
  return NAVIGATION[role][0].href;
}

export interface PageOptions {
  title: string;
  body: Html | Html[];
  /** Scripts of this page, by asset name (see web.assets.ts). */
  scripts?: string[];
  /** Extra stylesheets of this page, by asset name. */
  styles?: string[];
  /** Third-party scripts and stylesheets of this page, by their own hashed URLs (vendor.assets.ts), loaded before the page's. */
  vendorScripts?: string[];
  vendorStyles?: string[];
  /** Shown above the title: a confirmation of what was just done. */
  notice?: string;
  /** The menu item (its path) a page belongs to when its own path is not below it (an application's page, reached from planning). */
  menuItem?: string;
}

export function roleName(context: WebContext, role: Role): string {
  return sharedText(context).roleNames[role];
}

function languageLink(context: WebContext): Html {
  const other = context.language === 'nl' ? 'en' : 'nl';
  const href = `/app/taal?kies=${other}&terug=${encodeURIComponent(context.url)}`;
  return html`<a class="lang" href="${href}" lang="${other}" hreflang="${other}">${other === 'en' ? 'English' : 'Nederlands'}</a>`;
}

function navigation(context: WebContext, under?: string): Html {
  if (!context.user) return html``;
  const path = under ?? context.url.split('?')[0];
  const items = NAVIGATION[context.user.role];
  // The longest matching item is the current one: /app/beheer/normen/x is under "Normversies", not "Overzicht".
  const current = items
    .filter((item) => path === item.href || path.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return html`<nav class="tabs" aria-label="${sharedText(context).mainMenu}"><div class="wrap"><ul>${items.map(
    (item) =>
      html`<li><a href="${item.href}"${
        item === current ? html` aria-current="page"` : ''
      }>${sharedText(context).navigation[item.label]}</a></li>`,
  )}</ul></div></nav>`;
}

function account(context: WebContext): Html {
  if (!context.user) return html`<div class="account">${languageLink(context)}</div>`;
  return html`<div class="account">
    <span class="who"><span>${context.user.name}</span> <span class="role">${roleName(context, context.user.role)}</span></span>
    <a class="my-account" href="/app/account">${sharedText(context).myAccount}</a>
    ${languageLink(context)}
    <form method="post" action="/app/uitloggen">${csrfField(context)}<button type="submit"
      class="link-button">${sharedText(context).signOut}</button></form>
  </div>`;
}

/** The whole document: header with the person and language, the role's menu, the page. */
export function page(context: WebContext, options: PageOptions): Html {
  return html`<!doctype html>
<html lang="${context.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${context.csrfToken}">
<title>${options.title} · Keurmerk</title>
<link rel="stylesheet" href="${webAssetUrl('base.css')}">
${(options.vendorStyles ?? []).map((url) => html`<link rel="stylesheet" href="${url}">`)}
<link rel="stylesheet" href="${webAssetUrl('app.css')}">
${(options.styles ?? []).map((name) => html`<link rel="stylesheet" href="${webAssetUrl(name)}">`)}
<link rel="icon" href="${webAssetUrl('keurmerk.svg')}" type="image/svg+xml">
<script src="${webAssetUrl('app.js')}" defer></script>
${(options.vendorScripts ?? []).map((url) => html`<script src="${url}" defer></script>`)}
${(options.scripts ?? []).map((name) => html`<script src="${webAssetUrl(name)}" defer></script>`)}
</head>
<body>
<a class="skip" href="#inhoud">${sharedText(context).skipToContent}</a>
<header class="site"><div class="wrap">
  <a class="brand" href="/app">${new Html(MARK_SVG)}<span>Keurmerk<span>${sharedText(context).housingOfLabourMigrants}</span></span></a>
  ${account(context)}
</div></header>
${navigation(context, options.menuItem)}
<main id="inhoud" class="wrap" tabindex="-1">
${options.notice ? html`<div class="notice" role="status">${options.notice}</div>` : ''}
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`;
}

export function sendPage(reply: FastifyReply, context: WebContext, markup: Html, status = 200): void {
  reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    // Pages show personal data and live statuses: never kept by a browser or a proxy.
    .header('Cache-Control', 'no-store')
    .header('Content-Language', context.language)
    .send(markup.markup);
}

/** After a successful form post: 303, so a reload does not post again. */
export function redirect(reply: FastifyReply, location: string): void {
  reply.status(303).header('Location', location).header('Cache-Control', 'no-store').send();
}

export function csrfField(context: WebContext): Html {
  return html`<input type="hidden" name="_csrf" value="${context.csrfToken}">`;
}

/**
 * The action of a multipart form. Its token is not in the URL (logs and Referer headers keep URLs):
 * the form must put csrfField first, which the WebGuard reads before the handler reads the rest.
 */
export function uploadAction(_context: WebContext, path: string): string {
  return path;
}

export type FieldErrors = Record<string, string>;

/** The invalid parameters of a service's answer, by field name, for showing beside the fields. */
export function fieldErrors(params: InvalidParam[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const param of params ?? []) errors[param.name] ??= param.reason;
  return errors;
}

export interface FieldOptions {
  name: string;
  label: string;
  value?: string | number | null;
  type?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  attributes?: Html;
}

/**
 * What every labelled control shares: its label, hint and error, tied to the control for screen
 * readers. `control` gets the control's id and the aria attributes that point at hint and error.
 */
export function labelledControl(
  o: { name: string; label: string; hint?: string; error?: string },
  control: (id: string, aria: Html) => Html,
): Html {
  const id = `veld-${o.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const described = [o.hint ? `${id}-hint` : '', o.error ? `${id}-fout` : ''].filter(Boolean).join(' ');
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${o.error ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${o.error ? ' field--error' : ''}">
  <label for="${id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${o.error ? html`<p class="error" id="${id}-fout">${o.error}</p>` : ''}
  ${control(id, aria)}
</div>`;
}

/** A labelled input with its hint and error. */
export function field(options: FieldOptions): Html {
  return labelledControl(
    options,
    (id, aria) =>
      html`<input id="${id}" name="${options.name}" type="${options.type ?? 'text'}"${
        options.value !== undefined && options.value !== null ? html` value="${String(options.value)}"` : ''
      }${options.required ? html` required` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${
        options.inputmode ? html` inputmode="${options.inputmode}"` : ''
      }${aria}${options.attributes ?? ''}>`,
  );
}

/** At the top of a form that came back with errors: what to fix, linked to the fields. */
export function errorSummary(context: WebContext, errors: FieldErrors, message?: string, details: string[] = []): Html {
  const entries = Object.entries(errors);
  if (entries.length === 0 && !message) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1">
  <h2>${sharedText(context).thereIsAProblem}</h2>
  ${message ? html`<p>${message}</p>` : ''}
  ${details.length > 0 ? html`<ul class="error-details">${details.map((detail) => html`<li>${detail}</li>`)}</ul>` : ''}
  ${
    entries.length > 0
      ? html`<ul>${entries.map(
          ([name, reason]) => html`<li><a href="#veld-${name.replace(/[^A-Za-z0-9_-]/g, '-')}">${reason}</a></li>`,
        )}</ul>`
      : ''
  }
</div>`;
}

/** A status as a coloured label with its words, never colour alone. */
export function badge(label: string, tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info'): Html {
  return html`<span class="badge badge--${tone}">${label}</span>`;
}

/** An empty list says so, and what to do about it. */
export function emptyState(message: string, action?: Html): Html {
  return html`<div class="empty"><p>${message}</p>${action ?? ''}</div>`;
}
