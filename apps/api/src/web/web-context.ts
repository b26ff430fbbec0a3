import type { FastifyRequest } from 'fastify';
import { dateInAmsterdam } from '@keurmerk/norm';
import type { WebSession, WebUser } from './web-session.service';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** What every page knows about its request: language, the signed-in person, the form token. */
export interface WebContext {
  language: Language;
  /** The signed-in person; absent only on public pages (sign-in). */
  user?: WebUser;
  session?: WebSession;
  /** Sent back with every form (`_csrf`) and every script request (`X-CSRF-Token`). */
  csrfToken: string;
  /** Path and query of this request, to come back to after switching language or signing in. */
  url: string;
  now: Date;
}

/** A page behind sign-in: the guard guarantees a user. */
export type SignedInContext = WebContext & { user: WebUser; session: WebSession };

export type WebRequest = FastifyRequest & { web?: WebContext };

const TIME_ZONE = 'Europe/Amsterdam';

function locale(context: Pick<WebContext, 'language'>): string {
  return context.language === 'en' ? 'en-GB' : 'nl-NL';
}

/** A calendar date (`2026-11-28` or a Date) as people read it: 28 november 2026. */
export function formatDate(context: Pick<WebContext, 'language'>, value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale(context), { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(context: Pick<WebContext, 'language'>, value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(context), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(context: Pick<WebContext, 'language'>, value: number): string {
  return new Intl.NumberFormat(locale(context)).format(value);
}

/** Today's date in the Netherlands, as `YYYY-MM-DD`. */
export function today(now: Date): string {
  return dateInAmsterdam(now);
}
