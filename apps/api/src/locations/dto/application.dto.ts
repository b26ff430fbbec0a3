import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationEntity, type ApplicationStatus } from '@keurmerk/locations';
import { PageQueryDto } from '../../http/paging';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'One of your own locations.' })
  @IsUUID()
  locatieId: string;
}

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locatieId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'ingediend' })
  status: ApplicationStatus;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  static of(application: ApplicationEntity): ApplicationDto {
    return {
      id: application.id,
      locatieId: application.locationId,
      status: application.status,
      aangemaaktOp: application.createdAt.toISOString(),
    };
  }
}
