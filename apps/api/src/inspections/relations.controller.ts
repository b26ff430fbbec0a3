import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { AuditorRelationEntity, InspectionService } from '@keurmerk/inspections';
import { Access, Caller } from '../http/access';
import { DeclareRelationDto, RelationDto } from './dto/finding.dto';

class RelationQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  auditorId?: string;
}

function relationDto(relation: AuditorRelationEntity): RelationDto {
  return {
    auditorId: relation.auditorId,
    organisatieId: relation.organisationId,
    omschrijving: relation.description,
    verklaardOp: relation.declaredAt.toISOString(),
  };
}

/** Declared relations between auditors and landlords: planning refuses those pairs (conflict of interest). */
@ApiTags('Beheer')
@Controller('v1/belangenverklaringen')
export class RelationsController {
  constructor(private readonly inspections: InspectionService) {}

  @Post()
  @Access('beheerder')
  @ApiOperation({ summary: 'Record an auditor’s declared relation with a landlord' })
  @ApiCreatedResponse({ type: RelationDto })
  async declare(@Body() body: DeclareRelationDto, @Caller() caller: PersonPrincipal): Promise<RelationDto> {
    return relationDto(
      await this.inspections.declareRelation(caller, {
        auditorId: body.auditorId,
        organisationId: body.organisatieId,
        description: body.omschrijving,
      }),
    );
  }

  @Get()
  @Access('beheerder')
  @ApiOperation({ summary: 'Declared relations, optionally of one auditor' })
  @ApiOkResponse({ type: [RelationDto] })
  async list(@Query() query: RelationQueryDto): Promise<RelationDto[]> {
    return (await this.inspections.relations(query.auditorId)).map(relationDto);
  }
}
