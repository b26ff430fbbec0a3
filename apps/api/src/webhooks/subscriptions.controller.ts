import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@keurmerk/accounts';
import { SubscriptionService } from '@keurmerk/webhooks';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { CreatedSubscriptionDto, CreateSubscriptionDto, DeliveryDto, SubscriptionDto } from './subscription.dto';

@ApiTags('Abonnementen')
@Controller('v1/abonnementen')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Post()
  @Access('gemeente', 'api-key', 'beheerder')
  @ApiOperation({
    summary: 'Subscribe to the certificate status changes of a municipality',
    description:
      'A signed test event (type nl.keurmerk.test) is POSTed to callbackUrl first; only a 2xx answer creates the subscription. ' +
      'The signing secret (Standard Webhooks, whsec_...) is shown in this answer only.',
  })
  @ApiCreatedResponse({ type: CreatedSubscriptionDto })
  @ApiResponse({
    status: 409,
    description: 'The municipality already holds the most subscriptions allowed (MAX_SUBSCRIPTIONS_PER_MUNICIPALITY, default 10).',
  })
  async create(@Body() body: CreateSubscriptionDto, @Caller() caller: Principal): Promise<CreatedSubscriptionDto> {
    const { subscription, secret } = await this.subscriptions.create(caller, {
      callbackUrl: body.callbackUrl,
      auth: body.auth,
      municipalityCode: body.gemeentecode,
    });
    return { ...SubscriptionDto.of(subscription), secret };
  }

  @Get()
  @Access('gemeente', 'api-key', 'beheerder')
  @ApiOperation({ summary: 'Subscriptions (a municipality sees its own)' })
  @ApiCollectionResponse(SubscriptionDto)
  async list(
    @Query() query: PageQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<SubscriptionDto>> {
    return collection(request, reply, await this.subscriptions.list(caller, pageRequestOf(query)), SubscriptionDto.of);
  }

  @Get(':id')
  @Access('gemeente', 'api-key', 'beheerder')
  @ApiOperation({ summary: 'One subscription' })
  @ApiOkResponse({ type: SubscriptionDto })
  async get(@UuidParam() id: string, @Caller() caller: Principal): Promise<SubscriptionDto> {
    return SubscriptionDto.of(await this.subscriptions.get(caller, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('gemeente', 'api-key', 'beheerder')
  @ApiOperation({ summary: 'End a subscription; events still waiting are not delivered' })
  @ApiNoContentResponse({ description: 'Ended.' })
  async remove(@UuidParam() id: string, @Caller() caller: Principal): Promise<void> {
    await this.subscriptions.remove(caller, id);
  }

  @Get(':id/afleveringen')
  @Access('gemeente', 'api-key', 'beheerder')
  @ApiOperation({ summary: 'Deliveries to this subscription, newest first, each with its attempts and their status codes' })
  @ApiCollectionResponse(DeliveryDto)
  async deliveries(
    @UuidParam() id: string,
    @Query() query: PageQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<DeliveryDto>> {
    return collection(request, reply, await this.subscriptions.deliveries(caller, id, pageRequestOf(query)), DeliveryDto.of);
  }
}
