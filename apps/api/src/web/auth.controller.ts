import { Body, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountService } from '@keurmerk/accounts';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { homeOf, redirect, sendPage } from './layout';
import { type WebContext } from './web-context';
import { cookieNames, cookieOptions, Web, WebController, WebPublic } from './web.guard';
import { WEB_ASSETS } from './web.assets';
import { WebSessionService } from './web-session.service';
import { sharedText } from './shared/shared.texts';
import { signInPage } from './shared/shared.views';

type Fields = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Only a path of this app may be returned to after signing in: never another site. */
export function safeReturnPath(value: unknown): string | undefined {
  const path = text(value);
  return /^\/app(\/|\?|$)/.test(path) && !path.startsWith('//') && !/[\\\r\n]/.test(path) ? path : undefined;
}

/** Signing in and out, the start page, the language switch and the app's static files. */
@WebController('app')
export class WebAuthController {
  private readonly secure: boolean;

  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: WebSessionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = !config.embedded;
  }

  /** The signed-in person's start page: their role's first page. */
  @Get()
  @WebPublic()
  start(@Web() web: WebContext, @Res() reply: FastifyReply): void {
    redirect(reply, web.user ? homeOf(web.user.role) : '/app/inloggen');
  }

  @Get('inloggen')
  @WebPublic()
  signInForm(@Web() web: WebContext, @Query('terug') back: unknown, @Res() reply: FastifyReply): void {
    if (web.user) return redirect(reply, safeReturnPath(back) ?? homeOf(web.user.role));
    sendPage(reply, web, signInPage(web, { back: safeReturnPath(back) }));
  }

  @Post('inloggen')
  @WebPublic()
  async signIn(
    @Web() web: WebContext,
    @Body() body: Fields | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const email = text(body?.email).trim();
    const password = text(body?.wachtwoord);
    const back = safeReturnPath(body?.terug);
    const errors: Record<string, string> = {};
    if (!email) errors.email = sharedText(web).enterYourEMailAddress;
    if (!password) errors.wachtwoord = sharedText(web).enterYourPassword;
    if (Object.keys(errors).length > 0) return sendPage(reply, web, signInPage(web, { email, back, errors }), 400);
    try {
      const user = await this.accounts.authenticate(email, password, request.ip);
      const { token, session } = await this.sessions.start(user);
      reply.setCookie(
        cookieNames(this.secure).session,
        token,
        cookieOptions(this.secure, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000)),
      );
      redirect(reply, back ?? homeOf(user.role));
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.code === AppErrorCode.RateLimited) {
        const seconds = (error as AppException & { retryAfterSeconds?: number }).retryAfterSeconds;
        if (seconds) reply.header('Retry-After', String(seconds));
        const message = sharedText(web).tooManyFailedAttemptsWait;
        return sendPage(reply, web, signInPage(web, { email, back, message }), 429);
      }
      if (error.code !== AppErrorCode.Unauthenticated) throw error;
      const message = sharedText(web).theEMailAddressPassword;
      sendPage(reply, web, signInPage(web, { email, back, message }), 401);
    }
  }

  @Post('uitloggen')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const names = cookieNames(this.secure);
    await this.sessions.end(request.cookies?.[names.session]);
    reply.clearCookie(names.session, cookieOptions(this.secure));
    redirect(reply, '/app/inloggen');
  }

  /** Switches the language and returns to the same page. A preference only, so a plain link. */
  @Get('taal')
  @WebPublic()
  language(@Query('kies') choice: unknown, @Query('terug') back: unknown, @Res() reply: FastifyReply): void {
    const language = choice === 'en' ? 'en' : 'nl';
    reply.setCookie(cookieNames(this.secure).language, language, { ...cookieOptions(this.secure, 365 * 24 * 3600), httpOnly: true });
    redirect(reply, safeReturnPath(back) ?? '/app');
  }

  @Get('assets/:name')
  @WebPublic()
  asset(@Param('name') name: string, @Res() reply: FastifyReply): FastifyReply {
    const asset = WEB_ASSETS.find(name);
    if (!asset) throw AppException.notFound('The file');
    return WEB_ASSETS.send(reply, asset);
  }
}
