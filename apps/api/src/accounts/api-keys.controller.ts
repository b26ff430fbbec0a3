import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyService, type PersonPrincipal } from '@keurmerk/accounts';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('Beheer')
@Controller('v1/api-sleutels')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Post()
  @Access('beheerder', 'gemeente')
  @ApiOperation({ summary: 'Create an API key for a municipal system; the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiResponse({
    status: 409,
    description: 'The municipality already holds the most active keys allowed (MAX_API_KEYS_PER_MUNICIPALITY, default 10).',
  })
  async create(@Body() body: CreateApiKeyDto, @Caller() caller: PersonPrincipal): Promise<CreatedApiKeyDto> {
    const { key, secret } = await this.apiKeys.create(caller, { name: body.naam, municipalityCode: body.gemeentecode });
    return { ...ApiKeyDto.of(key), sleutel: secret };
  }

  @Get()
  @Access('beheerder', 'gemeente')
  @ApiOperation({ summary: 'List API keys (a municipality sees its own)' })
  @ApiCollectionResponse(ApiKeyDto)
  async list(
    @Query() query: PageQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<ApiKeyDto>> {
    return collection(request, reply, await this.apiKeys.list(caller, pageRequestOf(query)), ApiKeyDto.of);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('beheerder', 'gemeente')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revoke(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<void> {
    await this.apiKeys.revoke(caller, id);
  }
}
