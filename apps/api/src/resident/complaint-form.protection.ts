import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppSecretRepository } from '@keurmerk/accounts';
import { Clock } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';

const SECRET_NAME = 'resident-form-key';
export const COMPLAINT_COOKIE = 'keurmerk_melding';
/** Long enough to read the page and write a complaint in a second language; short enough that a copied token soon lapses. */
export const COMPLAINT_TOKEN_SECONDS = 2 * 60 * 60;
const COOKIE = /^[A-Za-z0-9_-]{32}$/;
const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Keeps other web sites from making their visitors file complaints (POST /controleer/melding, the
 * form that works without JavaScript), in two independent ways:
 * - the browser's own word: a `Sec-Fetch-Site` other than same-origin (or, from browsers without it,
 *   an `Origin` of another site) is refused; every current browser sends Sec-Fetch-Site;
 * - a token in a hidden field, an HMAC over the time it was issued and a random cookie (SameSite=Strict,
 *   so a form posted from another site arrives without it). Valid for two hours. The key is made once
 *   and kept in the database, so any API process accepts the token another one issued.
 * No personal data is involved: the cookie is random and says nothing about the resident.
 */
@Injectable()
export class ComplaintFormProtection implements OnModuleInit {
  private key?: Buffer;

  constructor(
    private readonly secrets: AppSecretRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    this.key = Buffer.from(await this.secrets.getOrCreate(SECRET_NAME, randomBytes(32).toString('base64url')), 'base64url');
  }

  /** The token for the form on this page; sets the cookie it is bound to when the browser has none yet. */
  tokenFor(request: FastifyRequest, reply: FastifyReply): string {
    let binding = request.cookies?.[COMPLAINT_COOKIE];
    if (!binding || !COOKIE.test(binding)) {
      binding = randomBytes(24).toString('base64url');
      reply.setCookie(COMPLAINT_COOKIE, binding, {
        path: '/controleer',
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.publicBaseUrl.startsWith('https:'),
      });
    }
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    return `${issuedAt}.${this.mac(issuedAt, binding)}`;
  }

  /** Whether a posted form may be taken: sent from this site, with a fresh token bound to this browser's cookie. */
  accepts(request: FastifyRequest, token: unknown): boolean {
    if (isCrossSite(request, this.config.publicBaseUrl)) return false;
    const binding = request.cookies?.[COMPLAINT_COOKIE];
    const match = typeof token === 'string' ? TOKEN.exec(token) : null;
    if (!match || !binding || !COOKIE.test(binding)) return false;
    const issuedAt = Number(match[1]);
    const age = Math.floor(this.clock.now().getTime() / 1000) - issuedAt;
    // A little room for clocks of two API processes that differ.
    if (age < -300 || age > COMPLAINT_TOKEN_SECONDS) return false;
    return timingSafeEqual(Buffer.from(this.mac(issuedAt, binding)), Buffer.from(match[2]));
  }

  private mac(issuedAt: number, binding: string): string {
    if (!this.key) throw new Error('ComplaintFormProtection used before its key was loaded');
    return createHmac('sha256', this.key).update(`complaint-form\n${issuedAt}\n${binding}`).digest('base64url');
  }
}

/**
 * True when the browser says the request comes from another site. `Sec-Fetch-Site` is set by the
 * browser itself (no page can forge it) and decides when present. Without it, an `Origin` of another
 * site decides; `Origin: null` does not (this site's own pages send it: Referrer-Policy no-referrer
 * hides their origin). Absent headers (old browsers, scripts) decide nothing: the token does. This
 * site is PUBLIC_BASE_URL, or the host the request was sent to (behind a proxy the two can differ; the
 * Host is chosen by the browser, not by another site).
 */
export function isCrossSite(request: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>, publicBaseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    const own = new Set([new URL(publicBaseUrl).origin, `${request.protocol}://${request.host}`]);
    if (!own.has(origin)) return true;
  }
  return false;
}
