import {
  applyDecorators,
  CanActivate,
  Controller,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Role } from '@keurmerk/accounts';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppException, Clock } from '@keurmerk/common';
import { Access } from '../http/access';
import { takeLeadingField } from '../http/upload';
import { chooseWebLanguage } from './web-language';
import { type SignedInContext, type WebContext, type WebRequest } from './web-context';
import { WebErrorFilter } from './web-error.filter';
import { randomToken, sameToken, WebSessionService } from './web-session.service';

const WEB_ROLES = 'keurmerk:web-roles';
type WebAudience = Role[] | 'public';

/** Raised to send the browser elsewhere (sign-in first); the WebErrorFilter answers 303. */
export class WebRedirect extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

/** Refused because the form did not carry this session's token. */
export class CsrfRefused extends ForbiddenException {
  constructor() {
    super('The form token is missing or not valid.');
  }
}

export interface CookieNames {
  session: string;
  csrf: string;
  language: string;
}

/** `__Host-` cookies are bound to this host and path `/`, but need Secure, so not on plain-http embedded mode. */
export function cookieNames(secure: boolean): CookieNames {
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}keurmerk_sessie`, csrf: `${prefix}keurmerk_formulier`, language: 'keurmerk_taal' };
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, secure, sameSite: 'lax' as const, ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}) };
}

/**
 * A controller of the web app: outside the OpenAPI document, answered in HTML (errors too), and
 * every route behind the WebGuard. `roles` are who may open it; routes may narrow or open it up
 * with @WebRoles / @WebPublic.
 */
export function WebController(path: string, ...roles: Role[]): ClassDecorator {
  return applyDecorators(
    Controller(path),
    ApiExcludeController(),
    Access('web-session'),
    SetMetadata(WEB_ROLES, roles),
    UseGuards(WebGuard),
    UseFilters(WebErrorFilter),
  );
}

export function WebRoles(...roles: Role[]): MethodDecorator {
  return SetMetadata(WEB_ROLES, roles);
}

/** Open without signing in (the sign-in page itself). Form posts still need the pre-session token. */
export function WebPublic(): MethodDecorator {
  return SetMetadata(WEB_ROLES, 'public');
}

/** The page's context; on a page that is not @WebPublic it always has a user. */
export const Web = createParamDecorator((_: unknown, context: ExecutionContext): SignedInContext => {
  return context.switchToHttp().getRequest<WebRequest>().web as SignedInContext;
});

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The token a request sends back: a header for scripts, a field for forms. Never the URL: request
 * logs and Referer headers keep URLs. A multipart body is read by its handler, after this guard, so
 * its form sends the token as the first field and the guard reads just that part.
 */
async function sentToken(request: WebRequest): Promise<string | undefined> {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as Record<string, unknown>)._csrf === 'string') {
    return (body as Record<string, string>)._csrf;
  }
  if (request.isMultipart()) return takeLeadingField(request, '_csrf');
  return undefined;
}

/**
 * Sessions, roles and CSRF for the web app. A page without a session sends the browser to the
 * sign-in page and back; a form post must carry the session's token (or, before signing in, the
 * token of the form cookie) or it is refused with 403. Whose location, which municipality and which
 * assignment are checked by the same services the REST API uses.
 */
@Injectable()
export class WebGuard implements CanActivate {
  private readonly secure: boolean;
  private readonly names: CookieNames;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: WebSessionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = !config.embedded;
    this.names = cookieNames(this.secure);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const audience = this.reflector.getAllAndOverride<WebAudience | undefined>(WEB_ROLES, [context.getHandler(), context.getClass()]) ?? [];
    const request = context.switchToHttp().getRequest<WebRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const cookies = request.cookies ?? {};
    const session = await this.sessions.find(cookies[this.names.session]);
    const unsafe = !SAFE_METHODS.has(request.method);
    const web: WebContext = {
      language: chooseWebLanguage(cookies[this.names.language], request.headers['accept-language']),
      user: session?.user,
      session,
      csrfToken: session?.csrfToken ?? this.formCookie(cookies[this.names.csrf], reply),
      url: request.url,
      now: this.clock.now(),
    };
    request.web = web;

    if (audience === 'public') {
      if (unsafe && !sameToken(await sentToken(request), web.csrfToken)) throw new CsrfRefused();
      return true;
    }
    if (!session) {
      if (unsafe) throw new CsrfRefused();
      throw new WebRedirect(`/app/inloggen?terug=${encodeURIComponent(request.url)}`);
    }
    if (unsafe && !sameToken(await sentToken(request), session.csrfToken)) throw new CsrfRefused();
    if (audience.length > 0 && !audience.includes(session.user.role)) throw AppException.forbidden();
    return true;
  }

  /** Before signing in, the form token is the value of a cookie of its own (double submit). */
  private formCookie(current: string | undefined, reply: FastifyReply): string {
    if (current && /^[A-Za-z0-9_-]{43}$/.test(current)) return current;
    const token = randomToken();
    reply.setCookie(this.names.csrf, token, cookieOptions(this.secure));
    return token;
  }
}
