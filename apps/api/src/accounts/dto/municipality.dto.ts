import { ApiProperty } from '@nestjs/swagger';

export class MunicipalityDto {
  @ApiProperty({ example: 'GM0363' })
  gemeentecode: string;

  @ApiProperty({ example: 'Amsterdam' })
  naam: string;
}
