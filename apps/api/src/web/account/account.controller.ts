import { Body, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toString as qrSvg } from 'qrcode';
import { AccountService, SECOND_FACTOR_ROLES, SecondFactorService } from '@keurmerk/accounts';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { ChangePasswordDto } from '../../accounts/dto/user.dto';
import { type FieldErrors, redirect, sendPage } from '../layout';
import { type SignedInContext } from '../web-context';
import { cookieNames, Web, WebController } from '../web.guard';
import { sessionTokenHash } from '../web-session.service';
import { text, validated } from '../shared/page-parts';
import { featureRefusalText } from '../shared/refusal-texts';
import { accountText } from './account.texts';
import { ACCOUNT_PATH, accountPage, changePasswordPage, enrolPage, recoveryCodesPage, SECOND_FACTOR_PATH } from './account.views';

type Fields = Record<string, unknown>;

/**
 * Every person's own account: changing the password (every other session ends, this one stays) and,
 * for beheerder and certificeerder, enrolling the second factor. The same services as the REST API.
 */
@WebController('app/account')
export class AccountPagesController {
  private readonly secure: boolean;

  constructor(
    private readonly accounts: AccountService,
    private readonly secondFactor: SecondFactorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = !config.embedded;
  }

  @Get()
  async account(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const staff = SECOND_FACTOR_ROLES.includes(web.user.role);
    const secondFactor = staff ? await this.secondFactor.status(web.user.id) : undefined;
    const notice = query.gewijzigd === '1' ? accountText(web).passwordChanged : undefined;
    sendPage(reply, web, accountPage(web, { secondFactor, notice }));
  }

  @Get('wachtwoord')
  passwordForm(@Web() web: SignedInContext, @Res() reply: FastifyReply): void {
    sendPage(reply, web, changePasswordPage(web, {}));
  }

  @Post('wachtwoord')
  async changePassword(
    @Web() web: SignedInContext,
    @Body() body: Fields | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const values = { huidigWachtwoord: text(body, 'huidigWachtwoord'), nieuwWachtwoord: text(body, 'nieuwWachtwoord') };
    const token = request.cookies?.[cookieNames(this.secure).session];
    try {
      const input = await validated(ChangePasswordDto, values);
      await this.accounts.changePassword(web.user.principal, {
        currentPassword: input.huidigWachtwoord,
        newPassword: input.nieuwWachtwoord,
        client: request.ip,
        keepWebSessionHash: token ? sessionTokenHash(token) : undefined,
      });
      redirect(reply, `${ACCOUNT_PATH}?gewijzigd=1`);
    } catch (error) {
      if (error instanceof AppException && error.code === AppErrorCode.RateLimited) throw error;
      sendPage(reply, web, changePasswordPage(web, this.passwordErrors(web, error)), 400);
    }
  }

  @Post('tweede-factor')
  async beginEnrolment(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    await this.secondFactor.beginEnrolment(web.user.principal, web.user.email);
    redirect(reply, SECOND_FACTOR_PATH);
  }

  @Get('tweede-factor')
  async enrolment(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    await this.sendEnrolment(reply, web, {});
  }

  @Post('tweede-factor/bevestigen')
  async confirmEnrolment(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const code = text(body, 'code').replace(/\s/g, '');
    if (!code) return this.sendEnrolment(reply, web, { code: accountText(web).enterTheCode }, 400);
    try {
      const codes = await this.secondFactor.confirmEnrolment(web.user.principal, code);
      sendPage(reply, web, recoveryCodesPage(web, codes));
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) throw error;
      await this.sendEnrolment(reply, web, { code: accountText(web).wrongCode }, 400);
    }
  }

  private async sendEnrolment(reply: FastifyReply, web: SignedInContext, errors: FieldErrors, status = 200): Promise<void> {
    const enrolment = await this.secondFactor.pendingEnrolment(web.user.principal, web.user.email);
    if (!enrolment) return redirect(reply, `${ACCOUNT_PATH}#tweede-factor`);
    const svg = await qrSvg(enrolment.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    sendPage(reply, web, enrolPage(web, enrolment, svg, errors), status);
  }

  private passwordErrors(web: SignedInContext, error: unknown): FieldErrors {
    if (!(error instanceof AppException)) throw error;
    if (!error.invalidParams) {
      const sentence = featureRefusalText(web.language, error);
      if (!sentence) throw error;
      return { huidigWachtwoord: sentence };
    }
    const t = accountText(web);
    const errors: FieldErrors = {};
    for (const param of error.invalidParams) {
      if (param.name === 'huidigWachtwoord')
        errors.huidigWachtwoord ??= param.code === 'wrong' ? t.currentPasswordWrong : t.enterCurrentPassword;
      if (param.name === 'nieuwWachtwoord') errors.nieuwWachtwoord ??= t.passwordProblems[param.code] ?? t.passwordProblems['too-short'];
    }
    return errors;
  }
}
