import { Body, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AccountService,
  PASSWORD_RESET_TOKEN_PATTERN,
  PasswordResetService,
  SECOND_FACTOR_CODE_MAX_LENGTH,
  type UserEntity,
} from '@keurmerk/accounts';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException, Clock } from '@keurmerk/common';
import { homeOf, type Html, redirect, sendPage } from './layout';
import { type WebContext } from './web-context';
import { cookieNames, cookieOptions, Web, WebController, WebPublic } from './web.guard';
import { WEB_ASSETS } from './web.assets';
import { WebSessionService } from './web-session.service';
import { sharedText } from './shared/shared.texts';
import { forgotPasswordPage, resetPasswordPage, signInPage } from './shared/shared.views';
import { featureRefusalText, refusalText } from './shared/refusal-texts';
import { accountText } from './account/account.texts';
import { secondStepPage, SIGN_IN_CODE_PATH } from './account/account.views';

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
    private readonly resets: PasswordResetService,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
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

  @Get('wachtwoord-vergeten')
  @WebPublic()
  forgotPasswordForm(@Web() web: WebContext, @Res() reply: FastifyReply): void {
    sendPage(reply, web, forgotPasswordPage(web, {}));
  }

  /** The same answer for every address (the service takes the same time for each). */
  @Post('wachtwoord-vergeten')
  @WebPublic()
  async forgotPassword(@Web() web: WebContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const email = text(body?.email).trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      return sendPage(reply, web, forgotPasswordPage(web, { email, error: sharedText(web).enterYourEMailAddress }), 400);
    }
    await this.resets.request(email);
    sendPage(reply, web, forgotPasswordPage(web, { sent: true }));
  }

  @Get('wachtwoord-herstellen/:token')
  @WebPublic()
  resetPasswordForm(@Web() web: WebContext, @Param('token') token: string, @Res() reply: FastifyReply): void {
    // The token is in the address: no other site may learn it from a Referer.
    reply.header('Referrer-Policy', 'no-referrer');
    sendPage(reply, web, resetPasswordPage(web, { action: `/app/wachtwoord-herstellen/${encodeURIComponent(token)}` }));
  }

  @Post('wachtwoord-herstellen/:token')
  @WebPublic()
  async resetPassword(
    @Web() web: WebContext,
    @Param('token') token: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    reply.header('Referrer-Policy', 'no-referrer');
    const action = `/app/wachtwoord-herstellen/${encodeURIComponent(token)}`;
    const password = text(body?.nieuwWachtwoord);
    if (!password) return sendPage(reply, web, resetPasswordPage(web, { action, error: sharedText(web).enterANewPassword }), 400);
    try {
      await this.resets.complete(PASSWORD_RESET_TOKEN_PATTERN.test(token) ? token : '', password);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      const status = error.code === AppErrorCode.Gone ? 410 : 400;
      const fieldProblem = error.invalidParams?.find((p) => p.name === 'nieuwWachtwoord');
      if (fieldProblem) return sendPage(reply, web, resetPasswordPage(web, { action, error: sharedText(web).newPasswordHint }), 400);
      return sendPage(reply, web, resetPasswordPage(web, { action, refusal: refusalText(web.language, error) }), status);
    }
    // The reset ended every session, this browser's too.
    reply.clearCookie(cookieNames(this.secure).session, cookieOptions(this.secure));
    sendPage(reply, web, signInPage({ ...web, user: undefined }, { notice: sharedText(web).passwordSetSignIn }));
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
      const { user, secondFactorRequired } = await this.accounts.authenticateFirstStep(email, password, request.ip);
      if (secondFactorRequired) {
        const pending = await this.sessions.startPending(user);
        this.setSessionCookie(reply, pending.token, pending.expiresAt);
        return redirect(reply, back ? `${SIGN_IN_CODE_PATH}?terug=${encodeURIComponent(back)}` : SIGN_IN_CODE_PATH);
      }
      await this.completeSignIn(reply, user, back);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.code === AppErrorCode.RateLimited)
        return this.sendThrottled(reply, web, error, (message) => signInPage(web, { email, back, message }));
      if (error.code !== AppErrorCode.Unauthenticated) throw error;
      const message = sharedText(web).theEMailAddressPassword;
      sendPage(reply, web, signInPage(web, { email, back, message }), 401);
    }
  }

  /** The second step of signing in to an account with a second factor. */
  @Get('inloggen/code')
  @WebPublic()
  async codeForm(
    @Web() web: WebContext,
    @Query('terug') back: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!(await this.sessions.findPending(request.cookies?.[cookieNames(this.secure).session]))) return redirect(reply, '/app/inloggen');
    sendPage(reply, web, secondStepPage(web, { back: safeReturnPath(back) }));
  }

  @Post('inloggen/code')
  @WebPublic()
  async code(
    @Web() web: WebContext,
    @Body() body: Fields | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const token = request.cookies?.[cookieNames(this.secure).session];
    const userId = await this.sessions.findPending(token);
    if (!userId) return sendPage(reply, web, signInPage(web, { message: accountText(web).signInExpired }), 401);
    const back = safeReturnPath(body?.terug);
    const code = text(body?.code).trim().slice(0, SECOND_FACTOR_CODE_MAX_LENGTH);
    if (!code) return sendPage(reply, web, secondStepPage(web, { back, errors: { code: accountText(web).enterTheCode } }), 400);
    try {
      const user = await this.accounts.completeSignIn(userId, code, request.ip);
      await this.sessions.end(token);
      await this.completeSignIn(reply, user, back);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.code === AppErrorCode.RateLimited)
        return this.sendThrottled(reply, web, error, (message) => secondStepPage(web, { back, message }));
      const sentence = featureRefusalText(web.language, error);
      if (!sentence) throw error;
      sendPage(reply, web, secondStepPage(web, { back, errors: { code: sentence } }), 401);
    }
  }

  private async completeSignIn(reply: FastifyReply, user: UserEntity, back: string | undefined): Promise<void> {
    const { token, session } = await this.sessions.start(user);
    this.setSessionCookie(reply, token, session.expiresAt);
    redirect(reply, back ?? homeOf(user.role));
  }

  private setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
    reply.setCookie(
      cookieNames(this.secure).session,
      token,
      // The session's expiry is on the injected clock: so is the cookie's lifetime (a test's clock may be months off).
      cookieOptions(this.secure, Math.floor((expiresAt.getTime() - this.clock.now().getTime()) / 1000)),
    );
  }

  private sendThrottled(reply: FastifyReply, web: WebContext, error: AppException, pageWith: (message: string) => Html): void {
    const seconds = (error as AppException & { retryAfterSeconds?: number }).retryAfterSeconds;
    if (seconds) reply.header('Retry-After', String(seconds));
    sendPage(reply, web, pageWith(sharedText(web).tooManyFailedAttemptsWait), 429);
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
  async language(
    @Web() web: WebContext,
    @Query('kies') choice: unknown,
    @Query('terug') back: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const language = choice === 'en' ? 'en' : 'nl';
    // A signed-in person's choice is theirs everywhere: their mail is written in it too.
    if (web.user) await this.accounts.setLanguage(web.user.id, language);
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
