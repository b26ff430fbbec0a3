import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContractAddress } from '@keurmerk/common';

/** The contract's `adres` object as answers show it (see contractAddress in @keurmerk/common). */
export class AddressDto implements ContractAddress {
  @ApiProperty({ example: '2671AB' })
  postcode: string;

  @ApiProperty({ example: 12 })
  huisnummer: number;

  @ApiPropertyOptional({ example: 'A' })
  huisletter?: string;

  @ApiPropertyOptional({ example: '2HG' })
  huisnummertoevoeging?: string;

  @ApiProperty({ example: 'Tuinbouwweg' })
  straatnaam: string;

  @ApiProperty({ example: 'Naaldwijk' })
  woonplaats: string;
}
