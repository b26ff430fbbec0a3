import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { CompanySanctionService } from '@keurmerk/certificates';
import { actorOf } from '@keurmerk/events';
import { Access, Caller } from '../http/access';
import { UuidParam } from '../http/params';
import { SanctionDto, SanctionRequestDto } from './sanction.dto';

@ApiTags('Beheer')
@Controller('v1/organisaties')
export class SanctionsController {
  constructor(private readonly sanctions: CompanySanctionService) {}

  @Post(':id/sancties')
  @Access('beheerder')
  @ApiOperation({
    summary: 'Suspend a landlord as a company, or lift that suspension',
    description:
      'schorsing: every geldig certificate of the organisation is suspended, in one transaction. opheffing: the certificates the ' +
      'sanction suspended are reinstated, except those something else holds (an open finding that led to a suspension, a refusal). ' +
      'A second schorsing while one is in force, or an opheffing without one: 409.',
  })
  @ApiCreatedResponse({ type: SanctionDto })
  async impose(@UuidParam() id: string, @Body() body: SanctionRequestDto, @Caller() caller: PersonPrincipal): Promise<SanctionDto> {
    return SanctionDto.of(await this.sanctions.impose(id, { measure: body.maatregel, reason: body.reden }, actorOf(caller)));
  }
}
