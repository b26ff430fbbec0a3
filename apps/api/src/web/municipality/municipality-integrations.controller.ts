import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiKeyService } from '@keurmerk/accounts';
import { AppException, type InvalidParam } from '@keurmerk/common';
import { SubscriptionService } from '@keurmerk/webhooks';
import { CreateApiKeyDto } from '../../accounts/dto/api-key.dto';
import { CreateSubscriptionDto } from '../../webhooks/subscription.dto';
import { pageRequest, text, uuidOr404, validated } from '../shared/page-parts';
import { type FieldErrors, redirect, sendPage } from '../layout';
import { type SignedInContext, type WebContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { ownMunicipality } from './municipality.controller';
import { municipalityText } from './municipality.texts';
import {
  apiKeysPage,
  deliveriesPage,
  KEYS_PATH,
  type SecretShown,
  SUBSCRIPTIONS_PATH,
  subscriptionsPage,
} from './municipality-integrations.views';

type Fields = Record<string, unknown>;

function subscriptionProblem(web: WebContext, param: InvalidParam): string {
  if (param.name === 'callbackUrl' && param.code === 'not-accepted') {
    return municipalityText(web).theTestEventAddressWas(param.reason);
  }
  if (param.name === 'callbackUrl') return municipalityText(web).enterFullHttpsAddressReachable(param.reason);
  if (param.name === 'auth') return municipalityText(web).theAuthorizationValueOneLine;
  return param.reason;
}

function problems(web: WebContext, error: unknown, describe: (web: WebContext, param: InvalidParam) => string): FieldErrors {
  if (!(error instanceof AppException) || !error.invalidParams) throw error;
  const errors: FieldErrors = {};
  for (const param of error.invalidParams) errors[param.name] ??= describe(web, param);
  return errors;
}

/**
 * A municipality's links with its own systems: webhook subscriptions with their delivery log, and API
 * keys. SubscriptionService and ApiKeyService keep each municipality to its own; the secrets are shown
 * once, in the answer to the form that made them.
 */
@WebController('app/gemeente', 'gemeente')
export class MunicipalityIntegrationsController {
  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  @Get('abonnementen')
  async subscriptionList(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.verwijderd === '1' ? municipalityText(web).theSubscriptionHasEnded : undefined;
    await this.sendSubscriptions(reply, web, query, {}, {}, undefined, 200, notice);
  }

  /** Sends the test event first (SubscriptionService.create); only a receiver that answers 2xx is subscribed. */
  @Post('abonnementen')
  async subscribe(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { callbackUrl: text(body, 'callbackUrl').trim(), auth: text(body, 'auth') };
    try {
      const input = await validated(CreateSubscriptionDto, values);
      const { secret } = await this.subscriptions.create(web.user.principal, { callbackUrl: input.callbackUrl, auth: input.auth });
      await this.sendSubscriptions(reply, web, {}, {}, {}, { label: municipalityText(web).theSubscriptionPlaceSecretEvery, secret }, 201);
    } catch (error) {
      await this.sendSubscriptions(
        reply,
        web,
        {},
        { callbackUrl: values.callbackUrl },
        problems(web, error, subscriptionProblem),
        undefined,
        400,
      );
    }
  }

  @Get('abonnementen/:id')
  async deliveries(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Query() query: Fields,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const subscriptionId = uuidOr404(id, 'The subscription');
    const subscription = await this.subscriptions.get(web.user.principal, subscriptionId);
    const found = await this.subscriptions.deliveries(web.user.principal, subscriptionId, pageRequest(query.pagina));
    sendPage(reply, web, deliveriesPage(web, subscription, found));
  }

  @Post('abonnementen/:id/verwijderen')
  async unsubscribe(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.subscriptions.remove(web.user.principal, uuidOr404(id, 'The subscription'));
    redirect(reply, `${SUBSCRIPTIONS_PATH}?verwijderd=1`);
  }

  @Get('sleutels')
  async keys(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const notice = query.ingetrokken === '1' ? municipalityText(web).theKeyHasBeenRevoked : undefined;
    await this.sendKeys(reply, web, query, {}, {}, undefined, 200, notice);
  }

  @Post('sleutels')
  async createKey(@Web() web: SignedInContext, @Body() body: Fields | undefined, @Res() reply: FastifyReply): Promise<void> {
    const values = { naam: text(body, 'naam').trim() };
    try {
      const input = await validated(CreateApiKeyDto, { ...values, gemeentecode: ownMunicipality(web) });
      const { secret } = await this.apiKeys.create(web.user.principal, { name: input.naam, municipalityCode: input.gemeentecode });
      await this.sendKeys(reply, web, {}, {}, {}, { label: municipalityText(web).theKeyHasBeenCreated, secret }, 201);
    } catch (error) {
      const errors = problems(web, error, (w, param) => (param.name === 'naam' ? municipalityText(w).giveKeyNameMost200 : param.reason));
      await this.sendKeys(reply, web, {}, values, errors, undefined, 400);
    }
  }

  @Post('sleutels/:id/intrekken')
  async revokeKey(@Web() web: SignedInContext, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.apiKeys.revoke(web.user.principal, uuidOr404(id, 'The API key'));
    redirect(reply, `${KEYS_PATH}?ingetrokken=1`);
  }

  private async sendSubscriptions(
    reply: FastifyReply,
    web: SignedInContext,
    query: Fields,
    values: Record<string, string>,
    errors: FieldErrors,
    shown: SecretShown | undefined,
    status: number,
    notice?: string,
  ): Promise<void> {
    const found = await this.subscriptions.list(web.user.principal, pageRequest(query.pagina));
    sendPage(reply, web, subscriptionsPage(web, { found, values, errors, shown, notice }), status);
  }

  private async sendKeys(
    reply: FastifyReply,
    web: SignedInContext,
    query: Fields,
    values: Record<string, string>,
    errors: FieldErrors,
    shown: SecretShown | undefined,
    status: number,
    notice?: string,
  ): Promise<void> {
    const found = await this.apiKeys.list(web.user.principal, pageRequest(query.pagina));
    sendPage(reply, web, apiKeysPage(web, { found, values, errors, shown, notice }), status);
  }
}
