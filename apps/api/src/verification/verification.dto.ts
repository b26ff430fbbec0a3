import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { HOUSE_LETTER_PATTERN, HOUSE_NUMBER_ADDITION_PATTERN, MAX_POSTCODE_INPUT_LENGTH } from '@keurmerk/common';
import { CERTIFICATE_STATUSES } from '@keurmerk/certificates';
import { REASON_CODES } from '@keurmerk/verification';
import { CertificateDto } from '../certificates/certificate.dto';
import { dateSchema, MAX_TIMESTAMP_LENGTH, SINCE_BOUNDS } from '../http/bounds';
import { PageQueryDto } from '../http/paging';
import { CERTIFICATE_NUMBER_SCHEMA_PATTERN } from '../certificates/certificate.dto';

export class ReasonDto {
  @ApiProperty({ enum: REASON_CODES })
  code: string;

  @ApiProperty()
  omschrijving: string;
}

export class VerdictDto {
  @ApiProperty({ description: 'True only for a geldig certificate whose maximum covers aantalBewoners.' })
  voldoet: boolean;

  @ApiProperty({ type: [ReasonDto] })
  redenen: ReasonDto[];

  @ApiPropertyOptional({ type: CertificateDto, nullable: true })
  certificaat: CertificateDto | null;
}

export class BulkRequestItemDto {
  @ApiPropertyOptional({ type: String, example: 'KM-2026-000123-3', pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN })
  certificaatnummer?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2671AB',
    maxLength: MAX_POSTCODE_INPUT_LENGTH,
    description: 'Any spelling: `2671 ab` is `2671AB`.',
  })
  postcode?: string;

  @ApiPropertyOptional({ type: 'integer', example: 12, minimum: 1, maximum: 99999 })
  huisnummer?: number;

  @ApiPropertyOptional({ type: String, pattern: HOUSE_LETTER_PATTERN.source })
  huisletter?: string;

  @ApiPropertyOptional({ type: String, pattern: HOUSE_NUMBER_ADDITION_PATTERN.source })
  huisnummertoevoeging?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10000 })
  aantalBewoners?: number;
}

export class BulkVerificationDto {
  @ApiProperty({ type: [BulkRequestItemDto], minItems: 1, maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsObject({ each: true })
  verzoeken: Record<string, unknown>[];
}

export class BulkVerdictsDto {
  @ApiProperty({ type: [VerdictDto], description: 'In the order of the requests.' })
  resultaten: VerdictDto[];
}

export class DocumentCheckDto {
  @ApiProperty({ description: 'Signed with a key of this scheme, and the signature holds.' })
  handtekeningGeldig: boolean;

  @ApiProperty({ description: 'The signature covers the whole file, and the file is the one in the registry.' })
  documentOngewijzigd: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'KM-2026-000123-3' })
  certificaatnummer: string | null;

  @ApiProperty({ description: 'True only for an unchanged document of a geldig certificate.' })
  voldoet: boolean;

  @ApiPropertyOptional({ type: CertificateDto, nullable: true })
  certificaat: CertificateDto | null;

  @ApiPropertyOptional({
    description: 'What is wrong, when something is.',
    enum: [
      'not-a-pdf',
      'no-signature',
      'byte-range-invalid',
      'malformed-signature',
      'unsupported-algorithm',
      'digest-mismatch',
      'signature-invalid',
      'signing-certificate-mismatch',
      'not-whole-document',
      'unknown-signer',
      'not-the-registered-document',
    ],
  })
  probleem?: string;
}

export class ChangesQueryDto extends PageQueryDto {
  @ApiProperty({
    ...dateSchema('date-time', SINCE_BOUNDS),
    example: '2026-12-01T00:00:00Z',
    description: 'Changes after this moment (any offset).',
  })
  @IsString()
  @MaxLength(MAX_TIMESTAMP_LENGTH)
  sinds: string;

  @ApiPropertyOptional({ example: 'GM1783', pattern: '^GM[0-9]{4}$' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  gemeentecode?: string;
}

export class ChangeDto {
  @ApiProperty({ description: 'Increasing; the position in the feed.' })
  id: string;

  @ApiProperty({ example: 'KM-2026-000123-3' })
  certificaatnummer: string;

  @ApiProperty({ example: 'GM1783' })
  gemeentecode: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null when the certificate was granted.' })
  vorigeStatus: string | null;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status: string;

  @ApiProperty()
  reden: string;

  @ApiPropertyOptional({
    type: String,
    pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN,
    description: 'On a change to `vervangen`: the certificate that replaced this one.',
  })
  vervangenDoor?: string;

  @ApiProperty({ format: 'date-time' })
  tijdstip: string;
}
