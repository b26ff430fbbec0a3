import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { SampleService } from '@keurmerk/surveillance';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { DrawSampleDto, SampleDrawDto } from './surveillance.dto';

@ApiTags('Toezicht')
@Controller('v1/steekproeven')
export class SamplesController {
  constructor(private readonly samples: SampleService) {}

  @Post()
  @Access('beheerder')
  @ApiOperation({
    summary: 'Draws the unannounced random sample from the locations holding a geldig certificate',
    description:
      'ceil(percentage % of them), ordered by SHA-256(seed bytes || location id) and the first taken, so anyone with the seed and the ' +
      'set ' +
      'draws the same; recorded in the event log; each drawn location gets a steekproef planning request (soort onaangekondigd, within 3 ' +
      'months).',
  })
  @ApiCreatedResponse({ type: SampleDrawDto })
  async draw(@Body() body: DrawSampleDto, @Caller() caller: PersonPrincipal): Promise<SampleDrawDto> {
    return SampleDrawDto.of(await this.samples.draw(caller, { percentage: body.percentage ?? undefined, seed: body.zaad ?? undefined }));
  }

  @Get()
  @Access('beheerder')
  @ApiOperation({ summary: 'The draws of the sample, newest first, including the worker’s monthly ones' })
  @ApiCollectionResponse(SampleDrawDto)
  async list(
    @Query() query: PageQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<SampleDrawDto>> {
    return collection(request, reply, await this.samples.list(caller, pageRequestOf(query)), SampleDrawDto.of);
  }
}
