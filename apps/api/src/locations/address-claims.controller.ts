import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { LocationOperationsService } from '@keurmerk/locations';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { AddressClaimDto, AddressClaimQueryDto, ResolveAddressClaimDto } from './dto/location.dto';

/** Second claims on registered addresses: the claimant got a bare 409; the beheerder sees and resolves them here. */
@ApiTags('Locaties')
@Controller('v1/adresclaims')
export class AddressClaimsController {
  constructor(private readonly operations: LocationOperationsService) {}

  @Get()
  @Access('beheerder')
  @ApiOperation({ summary: 'Second claims on registered addresses, newest first' })
  @ApiCollectionResponse(AddressClaimDto)
  async list(
    @Query() query: AddressClaimQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<AddressClaimDto>> {
    const page = await this.operations.claims(caller, pageRequestOf(query), { status: query.status });
    return collection(request, reply, page, AddressClaimDto.of);
  }

  @Post(':id/afhandelingen')
  @Access('beheerder')
  @ApiOperation({ summary: 'Resolve a claim with a note (after a transfer, or why the holder stays)' })
  @ApiCreatedResponse({ type: AddressClaimDto })
  @ApiConflictResponse({ description: 'The claim is already resolved.' })
  async resolve(
    @UuidParam() id: string,
    @Body() body: ResolveAddressClaimDto,
    @Caller() caller: PersonPrincipal,
  ): Promise<AddressClaimDto> {
    return AddressClaimDto.of(await this.operations.resolveClaim(caller, id, body.toelichting));
  }
}
