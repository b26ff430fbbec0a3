import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MunicipalityService } from '@keurmerk/accounts';
import { Access } from '../http/access';
import { MunicipalityDto } from './dto/municipality.dto';

@ApiTags('Referentiegegevens')
@Controller('v1/gemeenten')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalityService) {}

  @Get()
  @Access('anyone')
  @ApiOperation({ summary: 'All current municipalities with their CBS codes (municipal division of 1 January 2026)' })
  @ApiOkResponse({ type: MunicipalityDto, isArray: true })
  async list(): Promise<MunicipalityDto[]> {
    return (await this.municipalities.list()).map((m) => ({ gemeentecode: m.code, naam: m.name }));
  }
}
