import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StatisticsService } from '@keurmerk/statistics';
import { Access } from '../http/access';
import { HousingTypeFiguresDto, StatisticsDto, StatisticsQueryDto } from './statistics.dto';

@ApiTags('Statistieken')
@Controller('v1/statistieken')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Access('anyone')
  @ApiOperation({
    summary: 'Open statistics: certified locations, beds and reported residents of a municipality, or national totals',
    description: 'Aggregated, without addresses; computed when asked from the register itself.',
  })
  @ApiExtraModels(HousingTypeFiguresDto)
  @ApiOkResponse({ type: StatisticsDto })
  async get(@Query() query: StatisticsQueryDto): Promise<StatisticsDto> {
    return StatisticsDto.of(await this.statistics.statistics({ gemeentecode: query.gemeentecode, peildatum: query.peildatum }));
  }
}
